import { kindOfWord } from '../kindWords.js';
import { parseWindow } from '../numbers.js';
import { parseTarget } from '../parseTarget.js';
import type { Matcher } from './matcher.js';

const WINDOW =
  /\s+(?:(?:in|over|from|during|for|within)\s+)?(?:the\s+)?(?:last|past|previous)\s+(?:\d+\s*|an?\s+|one\s+|few\s+)?[a-z]+$|\s+since\s+\S+(?:\s+(?:ago|minutes?|hours?|days?|seconds?))?$|\s+(?:today|recently)$/i;
const MATCH_WORDS: Record<string, string> = {
  error: 'error|exception|fatal|panic',
  errors: 'error|exception|fatal|panic',
  exception: 'exception',
  exceptions: 'exception',
  warning: 'warn',
  warnings: 'warn',
  timeout: 'timeout|timed out',
  timeouts: 'timeout|timed out',
  failure: 'fail',
  failures: 'fail',
};

/** Logs: `logs of backend`, `errors in backend logs in the last 10 minutes`, `last 50 lines of frontend logs`. */
export const logsMatcher: Matcher = (text, { namespace }) => {
  if (!/\blogs?\b/i.test(text)) return undefined;
  const sinceSeconds = parseWindow(text);
  let rest = text.replace(WINDOW, '').replace(WINDOW, '');
  let tailLines: number | undefined;
  const tail = rest.match(/\b(?:last|tail(?:\s+-n)?|latest)\s+(\d+)(?:\s+lines?)?(?:\s+of)?\s+/i);
  if (tail) {
    tailLines = Number(tail[1]);
    rest = rest.replace(tail[0], '');
  }
  let match: string | undefined;
  let phrase: string | undefined;
  let m = rest.match(
    /^(?:show\s+(?:me\s+)?|find\s+|any\s+|are\s+there\s+(?:any\s+)?|list\s+|get\s+)?(?:the\s+|all\s+)?(errors?|exceptions?|warnings?|timeouts?|failures?)\s+(?:in|from)\s+(?:the\s+)?(.+?)(?:'s)?\s+logs?$/i,
  );
  if (m?.[1]) {
    match = MATCH_WORDS[m[1].toLowerCase()];
    phrase = m[2];
  }
  m = phrase
    ? null
    : rest.match(/^(?:grep|search|look)\s+(?:for\s+)?["']?(.+?)["']?\s+in\s+(?:the\s+)?(.+?)(?:'s)?\s+logs?$/i);
  if (m?.[1]) {
    match = m[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    phrase = m[2];
  }
  m = phrase
    ? null
    : (rest.match(
        /^(?:show|get|view|fetch|tail|print|display|check|read|see|stream|give)?\s*(?:me\s+)?(?:the\s+)?(?:recent\s+|latest\s+)?logs?\s+(?:of|for|from)\s+(?:the\s+)?(.+)$/i,
      ) ??
      rest.match(
        /^(?:show|get|view|fetch|tail|print|display|check|read|see|stream|give)?\s*(?:me\s+)?(?:the\s+)?(?:recent\s+|latest\s+)?(.+?)(?:'s)?\s+logs?$/i,
      ));
  if (m?.[1] && !phrase) phrase = m[1];
  const target = phrase ? parseTarget(phrase, namespace) : undefined;
  if (!target) return undefined;
  return { action: 'logs', target, sinceSeconds, tailLines, match };
};

const SYMPTOMS = String.raw`(pending|crashing|failing|restarting|not\s+ready|not\s+starting|not\s+running|not\s+working|not\s+healthy|down|broken|unhealthy|slow|stuck|crash\s*looping|in\s+crashloopbackoff|erroring|evicted|oom\s*killed|unavailable|keep\s+restarting|keeps\s+restarting|failing\s+to\s+start|degraded)`;

/** Diagnosis: `what's wrong with backend`, `why is frontend pending`, `diagnose prometheus`, `is backend healthy`. */
export const analyzeMatcher: Matcher = (text, { namespace }) => {
  const forms = [
    /^(?:what'?s|what\s+is|whats)\s+(?:wrong|going\s+on|happening|the\s+(?:problem|issue|matter))\s+with\s+(?:the\s+)?(.+)$/i,
    new RegExp(
      String.raw`^why\s+(?:is|are|does|do|did|isn'?t|aren'?t|won'?t|can'?t|doesn'?t)\s+(?:the\s+)?(.+?)\s+(?:still\s+|so\s+|being\s+)?${SYMPTOMS}(?:\s+.*)?$`,
      'i',
    ),
    /^(?:diagnose|troubleshoot|debug|investigate|analy[sz]e|health\s*check|check\s+on|check\s+the\s+health\s+of)\s+(?:the\s+)?(.+)$/i,
    /^is\s+(?:the\s+)?(.+?)\s+(?:healthy|ok|okay|working|up|fine|broken|ready)$/i,
    /^(?:anything|something)\s+wrong\s+with\s+(?:the\s+)?(.+)$/i,
  ];
  for (const pattern of forms) {
    const m = text.match(pattern);
    if (!m?.[1]) continue;
    const target = parseTarget(m[1], namespace);
    if (target) return { action: 'analyze', target, question: text };
  }
  if (
    /^(?:what'?s|what\s+is|whats|anything|is\s+anything|is\s+something)\s+(?:wrong|broken|failing|unhealthy)$/i.test(
      text,
    )
  ) {
    return { action: 'analyze', ...(namespace ? { namespace } : {}), question: text };
  }
  return undefined;
};

const FILTERS: [RegExp, string][] = [
  [
    /\b(?:not\s+running|non-?running|that\s+are(?:n'?t|\s+not)\s+running|which\s+are(?:n'?t|\s+not)\s+running|unhealthy|broken|not\s+healthy)\b/i,
    'notRunning',
  ],
  [/\b(?:pending|that\s+are\s+pending|stuck\s+pending)\b/i, 'pending'],
  [/\b(?:failed|failing)\b/i, 'failed'],
  [/\b(?:crashing|crash\s*looping|in\s+crashloop(?:backoff)?|restarting)\b/i, 'crashing'],
  [/\b(?:unschedulable|cordoned)\b/i, 'unschedulable'],
];

/** Lists: `list pods in todo`, `pods not running in todo`, `what images are running`, `show nodes`, `get pods with label app=backend`. */
export const listMatcher: Matcher = (text, { namespace }) => {
  const ns = namespace ? { namespace } : {};
  if (
    /\b(?:images?|image\s+versions?|versions?\s+(?:are\s+)?(?:running|deployed))\b/i.test(text) &&
    /^(?:what|which|list|show|get|display)\b/i.test(text)
  ) {
    return { action: 'list', kind: 'Pod', ...ns, show: 'images' };
  }
  let rest = text;
  let labelSelector: string | undefined;
  const label = rest.match(
    /\s+(?:with|having|labell?ed|matching)\s+(?:the\s+)?(?:label\s+|selector\s+)?([a-z0-9./-]+(?:!?=)[a-z0-9._-]+(?:,[a-z0-9./-]+!?=[a-z0-9._-]+)*)/i,
  );
  if (label?.[1]) {
    labelSelector = label[1];
    rest = rest.replace(label[0], '');
  }
  let filter: string | undefined;
  for (const [pattern, name] of FILTERS) {
    if (pattern.test(rest)) {
      filter = name;
      rest = rest.replace(pattern, ' ');
      break;
    }
  }
  rest = rest.replace(/\s+/g, ' ').trim();
  const wide = /\b(?:wide|with\s+(?:ips?|nodes?))\b/i.test(rest);
  rest = rest.replace(/\s+(?:wide|with\s+(?:ips?|nodes?))\b/i, '');
  const m = rest.match(
    /^(?:(?:list|show|get|display|see|view|find|which|what|how\s+many|are\s+there(?:\s+any)?|any)\s+)?(?:me\s+)?(?:all\s+)?(?:of\s+)?(?:the\s+)?(?:are\s+the\s+)?(?:current\s+|recent\s+|existing\s+)?([a-z]+)(?:\s+(?:are|is|do\s+we\s+have|exist|there|running|deployed|here|we\s+have|now|are\s+there|happened))*$/i,
  );
  const kind = m?.[1] ? kindOfWord(m[1]) : undefined;
  if (!kind || (!/s$/i.test(m?.[1] ?? '') && !/^(?:list|show|get|display|which|what|how)\b/i.test(rest)))
    return undefined;
  const show = wide ? 'wide' : 'default';
  return {
    action: 'list',
    kind,
    ...ns,
    ...(filter ? { filter } : {}),
    ...(labelSelector ? { labelSelector } : {}),
    show,
  };
};

/** One object: `describe deployment backend`, `show me the backend deployment`, `how many replicas does backend have`. */
export const getMatcher: Matcher = (text, { namespace }) => {
  let m = text.match(
    /^(?:describe|explain|details\s+(?:of|for|on)|status\s+of|what'?s\s+the\s+status\s+of|what\s+is\s+the\s+status\s+of)\s+(?:the\s+)?(.+)$/i,
  );
  if (m?.[1]) {
    const target = parseTarget(m[1], namespace);
    return target ? { action: 'get', target, describe: true } : undefined;
  }
  m = text.match(
    /^how\s+many\s+(?:replicas|pods|instances)\s+(?:does|do|is|are)\s+(?:the\s+)?(.+?)\s+(?:have|has|running|run)$/i,
  );
  if (m?.[1]) {
    const target = parseTarget(m[1], namespace);
    return target ? { action: 'get', target: { kind: 'Deployment', ...target }, describe: false } : undefined;
  }
  m = text.match(
    /^(?:get|show|display|view|inspect|print|fetch|find)\s+(?:me\s+)?(?:the\s+)?(.+?)(?:\s+(?:as|in)\s+(?:yaml|json))?$/i,
  );
  if (m?.[1]) {
    const target = parseTarget(m[1], namespace);
    return target ? { action: 'get', target, describe: false } : undefined;
  }
  return undefined;
};
