import { CREATE_VERB, describesExistence, NAMED_TO_BE } from './describesExistence.js';
import type { Frame } from './frame.js';
import { containerImages, nameWord } from './podSpecFromText.js';
import { AUTOSCALE_WORDS } from './quantities.js';
import { TRAFFIC_RULE } from './trafficRule.js';

/** The opening of a described existence (`there should be`, `we need`), before the object. */
const EXISTENCE_LEAD = /^(?:there\s+(?:should|must|needs\s+to|has\s+to)\s+be|(?:we|i)\s+(?:need|want|require))\s+/i;

/** What a creation request makes, from the words that name it. */
export type Making =
  | 'Namespace'
  | 'Deployment'
  | 'Pod'
  | 'StatefulSet'
  | 'Service'
  | 'ConfigMap'
  | 'Secret'
  | 'HorizontalPodAutoscaler'
  | 'Job'
  | 'CronJob'
  | 'Access'
  | 'NetworkPolicy'
  | 'Canary'
  | 'ResourceQuota';

export /** The words that name each kind in a request (regular-expression alternatives). */
const KIND_WORD: Record<string, string> = {
  Namespace: String.raw`namespace|ns`,
  Deployment: String.raw`deployment|deploy`,
  Pod: String.raw`pod`,
  StatefulSet: String.raw`stateful\s*set|statefulset|sts`,
  Service: String.raw`service|svc`,
  ConfigMap: String.raw`config\s*map|configmap`,
  Secret: String.raw`secret`,
  Job: String.raw`(?<!cron\s?)job`,
  CronJob: String.raw`cron\s*job|cronjob`,
  ResourceQuota: String.raw`quota|resource\s*quota`,
};

const POLICY_WORDS =
  /\b(network\s*polic\w*|netpol|firewall|default[- ]deny|deny(?:-all)?\s+polic\w*)\b|\b(?:egress|ingress)\s+(?:rule|polic\w*)\b|\bdns\b.*\b(?:egress|allow\w*|permit\w*|let|reach|resolve|lookups?)\b|\b(?:egress|allow\w*|permit\w*|let)\b.*\bdns\b/i;

/** What the request asks to create: a canary, an autoscaler, access, a policy, else the first kind it names. */
export function making(frame: Frame): Making | undefined {
  const t = frame.text;
  if (/\bcanary\b/i.test(t)) return 'Canary';
  if (AUTOSCALE_WORDS.test(t)) return 'HorizontalPodAutoscaler';
  const existence = describesExistence(t, (name) =>
    frame.mentions.some((m) => m.tier === 'exact' && m.text.toLowerCase() === name),
  );
  if (
    /^(?:create|make|add|set\s+up|provision|new|i\s+need)\s+(?:a\s+|an\s+|the\s+)?(?:new\s+)?namespace\b/i.test(t) ||
    (existence && /^(?:an?\s+|the\s+|new\s+)?(?:new\s+|fresh\s+)?namespace\b/i.test(t.replace(EXISTENCE_LEAD, '')))
  )
    return 'Namespace';
  if ((POLICY_WORDS.test(t) || TRAFFIC_RULE.test(t)) && !/\brole\b|\bservice\s*account\b|\bpermission/i.test(t))
    return 'NetworkPolicy';
  if (
    /\b(role\s*binding|cluster\s*role|(?:read[- ]?only|read|write|full|admin|view|edit)\s+(?:access|permissions?|rights)|permissions?\s+to|can\s+(?:get|list|watch|read|create|delete|update|patch|view)|grant|bind\s+(?:the\s+)?role|\brole\b|able\s+to\s+(?:read|list|get|view))/i.test(
      t,
    )
  )
    return 'Access';
  if (/\bservice\s*account\b|\bserviceaccount\b/i.test(t)) return 'Access';
  if (/\bresource\s*quota|\bquota\b/i.test(t) && !/\bnamespace\b/i.test(t)) return 'ResourceQuota';
  const order: Making[] = [
    'Namespace',
    'StatefulSet',
    'CronJob',
    'Job',
    'Deployment',
    'Pod',
    'ConfigMap',
    'Secret',
    'Service',
  ];
  let first: { kind: Making; at: number } | undefined;
  for (const kind of order) {
    const m = new RegExp(String.raw`\b(?:${KIND_WORD[kind]})s?\b`, 'i').exec(t);
    if (!m) continue;
    if (kind === 'Namespace' && !/^(?:create|make|add|set\s+up|provision|new|i\s+need)\b/i.test(t) && !existence)
      continue;
    // `deploy nginx:1.27 as …`: the verb, not the kind (a Deployment only when nothing else is named).
    if (kind === 'Deployment' && /^deploy$/i.test(m[0])) continue;
    // `with 2 pods`: a replica count, not a kind.
    if (kind === 'Pod' && /(?:^|\s)\d+\s*$|\b(?:two|three|four|five)\s*$/i.test(t.slice(0, m.index))) continue;
    if (first && m.index >= first.at) continue;
    first = { kind, at: m.index };
  }
  if (first) return first.kind;
  if (/\b(deploy|run|launch|start|spin\s+up|host)\b/i.test(t) && containerImages(frame).length)
    return /\bpod\b/i.test(t) ? 'Pod' : 'Deployment';
  return undefined;
}

/** The new object's name: `named X`, `called X`, `as X`, `a X deployment`, or the word after the kind. */
export function newName(frame: Frame, kind: string): string | undefined {
  const words = KIND_WORD[kind] ?? kind;
  const named =
    frame.text.match(/\b(?:named|called)\s+["'`]?([a-z0-9][a-z0-9.-]*)/i)?.[1] ??
    // `set up res5: an nginx:1.27 deployment …`: the name the description is given to.
    frame.text.match(new RegExp(String.raw`^${CREATE_VERB}\s+([a-z0-9][a-z0-9.-]*)\s*:(?=\s|$)`, 'i'))?.[1] ??
    frame.text.match(NAMED_TO_BE)?.[1];
  const as = frame.text.match(
    /\bas\s+(?:an?\s+)?(?:new\s+)?(?:deployment|pod|statefulset|stateful\s+set|job|cronjob|cron\s+job)?\s*(?:named\s+|called\s+)?([a-z0-9][a-z0-9-]*)\b/i,
  )?.[1];
  const afterKind = frame.text.match(
    new RegExp(String.raw`\b(${words})(?:\s*[,:(]\s*|\s+)["'\`]?([a-z0-9][a-z0-9.-]*)(?![a-z0-9.-])(?!:\S|@)`, 'i'),
  );
  const after = afterKind?.[2];
  // The word after the kind names the object (`pod vol5 … available as files`), unless the kind word is the verb
  // `deploy` (`deploy nginx:1.27 as web2`).
  const afterFirst = afterKind && !/^deploy$/i.test(afterKind[1] ?? '');
  const before = frame.text.match(
    new RegExp(String.raw`\b(?:an?|the|new)\s+([a-z0-9][a-z0-9-]*)\s+(?:${words})\b`, 'i'),
  )?.[1];
  const isImage = (w: string | undefined) => frame.quantities.images.some((i) => i.toLowerCase() === w?.toLowerCase());
  const fit = (w: string | undefined) =>
    isImage(w) || /^(new|one-off|clusterip|nodeport|headless|single|simple|stateful|cron)$/i.test(w ?? '')
      ? undefined
      : nameWord(w);
  return afterFirst
    ? (fit(named) ?? fit(after) ?? fit(as) ?? fit(before))
    : (fit(named) ?? fit(as) ?? fit(after) ?? fit(before));
}
