import type { CleanRequest } from '../cleanRequest.js';
import { normalizeQuantity } from '../numbers.js';
import { parseTarget } from '../parseTarget.js';
import { KV_LIST, keyValues, type Matcher } from './matcher.js';

const IMAGE_LIKE = /^(v?\d[\w.-]*|[\w.\-/]+(?::[\w.-]+|@sha256:[a-f0-9]+))$/i;

function imageFields(value: string): Record<string, string> {
  return /[:/@]/.test(value) ? { image: value } : { tag: value };
}

/** Image updates: `update backend to v1.2`, `set image of frontend to todo/frontend:2.0`, `deploy version 1.1 of backend`. */
export const setImageMatcher: Matcher = (text, { namespace }) => {
  const forms: [RegExp, number, number][] = [
    [
      /^(?:set|change|update|switch)\s+(?:the\s+)?(?:container\s+)?image\s+(?:of|for|on|in)\s+(.+?)\s+to\s+(\S+)$/i,
      1,
      2,
    ],
    [/^(?:set|change|update|switch)\s+(.+?)(?:'s)?\s+(?:container\s+)?image\s+to\s+(\S+)$/i, 1, 2],
    [
      /^(?:update|upgrade|bump|move|roll\s*out|roll|deploy|release|downgrade)\s+(.+?)\s+to\s+(?:version\s+|image\s+|tag\s+)?(\S+)$/i,
      1,
      2,
    ],
    [/^(?:deploy|release|roll\s*out|ship)\s+(?:version\s+|image\s+|tag\s+)?(\S+)\s+(?:of|to|for|on)\s+(.+)$/i, 2, 1],
    [/^(?:use|run)\s+(?:image\s+)?(\S+)\s+(?:for|on|in)\s+(.+)$/i, 2, 1],
  ];
  for (const [pattern, targetAt, imageAt] of forms) {
    const m = text.match(pattern);
    const value = m?.[imageAt];
    if (!m || !value || !IMAGE_LIKE.test(value)) continue;
    const target = parseTarget(m[targetAt] ?? '', namespace);
    if (target) return { action: 'setImage', target, ...imageFields(value) };
  }
  return undefined;
};

/** Environment variables: `set LOG_LEVEL=debug on backend`, `set env var MODE to fast for frontend`. */
export const setEnvMatcher: Matcher = (text, { namespace }) => {
  const prefix = String.raw`^(?:set|add|update|change|put)\s+(?:the\s+)?(?:env(?:ironment)?(?:\s+var(?:iable)?s?)?\s+)?`;
  let m = text.match(new RegExp(`${prefix}${KV_LIST}\\s+(?:on|for|in|of|to)\\s+(.+)$`, 'i'));
  if (m?.[1] && m[2]) {
    const target = parseTarget(m[2], namespace);
    if (target) return { action: 'setEnv', target, env: keyValues(m[1]) };
  }
  m = text.match(
    /^(?:set|add|update|change)\s+(?:the\s+)?env(?:ironment)?(?:\s+var(?:iable)?)?\s+([A-Za-z_][A-Za-z0-9_]*)\s+to\s+("[^"]*"|'[^']*'|\S+)\s+(?:on|for|in|of)\s+(.+)$/i,
  );
  if (m?.[1] && m[2] && m[3]) {
    const target = parseTarget(m[3], namespace);
    if (target) return { action: 'setEnv', target, env: { [m[1]]: m[2].replace(/^(["'])(.*)\1$/, '$2') } };
  }
  m = text.match(
    new RegExp(String.raw`^set\s+(.+?)(?:'s)?\s+env(?:ironment)?(?:\s+var(?:iable)?s?)?\s+${KV_LIST}$`, 'i'),
  );
  if (m?.[1] && m[2]) {
    const target = parseTarget(m[1], namespace);
    if (target) return { action: 'setEnv', target, env: keyValues(m[2]) };
  }
  return undefined;
};

const RESOURCE = '(cpu|cpus|cores?|memory|mem|ram)';
const resourceName = (word: string) => (/^(cpu|cpus|core|cores)$/i.test(word) ? 'cpu' : 'memory');

/**
 * Requests and limits: `set the memory limit of backend to 512Mi`, `set backend cpu request to 250m`,
 * `limit backend to 1 cpu and 1Gi memory`, `give frontend 256Mi memory`.
 */
export const setResourcesMatcher: Matcher = (text, { namespace }) => {
  const requests: Record<string, string> = {};
  const limits: Record<string, string> = {};
  let phrase: string | undefined;
  let m =
    text.match(
      new RegExp(
        String.raw`^(?:set|change|update|raise|lower)\s+(?:the\s+)?${RESOURCE}\s+(limits?|requests?)\s+(?:of|for|on)\s+(.+?)\s+to\s+(\S+)$`,
        'i',
      ),
    ) ?? null;
  if (m?.[1] && m[2] && m[3] && m[4]) {
    phrase = m[3];
    (/^limit/i.test(m[2]) ? limits : requests)[resourceName(m[1])] = normalizeQuantity(m[4]);
  }
  m = phrase
    ? null
    : text.match(
        new RegExp(
          String.raw`^(?:set|change|update)\s+(.+?)(?:'s)?\s+${RESOURCE}\s+(limits?|requests?)\s+to\s+(\S+)$`,
          'i',
        ),
      );
  if (m?.[1] && m[2] && m[3] && m[4]) {
    phrase = m[1];
    (/^limit/i.test(m[3]) ? limits : requests)[resourceName(m[2])] = normalizeQuantity(m[4]);
  }
  m = phrase
    ? null
    : text.match(
        new RegExp(
          String.raw`^(limit|give|allocate|assign)\s+(.+?)\s+(?:to\s+)?(\d+(?:\.\d+)?\s*[a-z]*)\s+(?:of\s+)?${RESOURCE}(?:\s+and\s+(\d+(?:\.\d+)?\s*[a-z]*)\s+(?:of\s+)?${RESOURCE})?$`,
          'i',
        ),
      );
  if (m?.[2] && m[3] && m[4]) {
    phrase = m[2];
    const both = m[1]?.toLowerCase() !== 'limit';
    limits[resourceName(m[4])] = normalizeQuantity(m[3]);
    if (m[5] && m[6]) limits[resourceName(m[6])] = normalizeQuantity(m[5]);
    if (both) Object.assign(requests, limits);
  }
  if (!phrase) return undefined;
  const target = parseTarget(phrase, namespace);
  return target ? { action: 'setResources', target, requests, limits } : undefined;
};

/** Labels and annotations: `label backend with team=payments`, `annotate frontend owner=alice`, `add label tier=web to backend`. */
export const metadataMatcher: Matcher = (text, request) =>
  metadataRemovalMatcher(text, request) ?? metadataSetMatcher(text, request);

function metadataSetMatcher(text: string, { namespace }: CleanRequest) {
  let m = text.match(new RegExp(String.raw`^(label|annotate)\s+(.+?)\s+(?:with\s+)?${KV_LIST}$`, 'i'));
  let field: string | undefined;
  let phrase: string | undefined;
  let values: Record<string, string> | undefined;
  if (m?.[1] && m[2] && m[3]) {
    field = m[1].toLowerCase() === 'label' ? 'labels' : 'annotations';
    phrase = m[2];
    values = keyValues(m[3]);
  } else {
    m = text.match(
      new RegExp(
        String.raw`^(?:add|set|put)\s+(?:the\s+|a\s+|an\s+)?(labels?|annotations?)\s+${KV_LIST}\s+(?:to|on)\s+(.+)$`,
        'i',
      ),
    );
    if (!m?.[1] || !m[2] || !m[3]) return undefined;
    field = /^label/i.test(m[1]) ? 'labels' : 'annotations';
    values = keyValues(m[2]);
    phrase = m[3];
  }
  const target = parseTarget(phrase, namespace);
  return target ? { action: 'metadata', field, target, values } : undefined;
}

const KEY = '[A-Za-z0-9][A-Za-z0-9_./-]*';
const KEYS = String.raw`(${KEY}(?:\s*,\s*${KEY}|\s+and\s+${KEY})*)`;
const REMOVE = String.raw`(?:remove|delete|drop|unset|clear|take\s+off)`;

/**
 * Removals: `remove label team from backend`, `delete the owner annotation from frontend`, `remove labels a and b
 * from svc web`, and kubectl's own `label deployment backend team-`.
 */
function metadataRemovalMatcher(text: string, { namespace }: CleanRequest) {
  let field: string | undefined;
  let keys: string | undefined;
  let phrase: string | undefined;
  const named = text.match(
    new RegExp(String.raw`^${REMOVE}\s+(?:the\s+)?(labels?|annotations?)\s+${KEYS}\s+(?:from|on|of)\s+(.+)$`, 'i'),
  );
  const before = text.match(
    new RegExp(String.raw`^${REMOVE}\s+(?:the\s+)?${KEYS}\s+(labels?|annotations?)\s+(?:from|on|of)\s+(.+)$`, 'i'),
  );
  const dashed = text.match(new RegExp(String.raw`^(label|annotate)\s+(.+?)\s+((?:${KEY}-\s*)+)$`, 'i'));
  if (named?.[1] && named[2] && named[3]) [field, keys, phrase] = [named[1], named[2], named[3]];
  else if (before?.[1] && before[2] && before[3]) [field, keys, phrase] = [before[2], before[1], before[3]];
  else if (dashed?.[1] && dashed[2] && dashed[3]) [field, keys, phrase] = [dashed[1], dashed[3], dashed[2]];
  if (!field || !keys || !phrase) return undefined;
  const names = keys
    .split(/\s*,\s*|\s+and\s+|\s+/)
    .map((k) => k.replace(/-$/, ''))
    .filter(Boolean);
  const target = parseTarget(phrase, namespace);
  if (!target || names.length === 0) return undefined;
  return {
    action: 'metadata',
    field: /^label/i.test(field) ? 'labels' : 'annotations',
    target,
    values: Object.fromEntries(names.map((k) => [k, null])),
  };
}

/** Blue/green: `switch backend to green`, `point service web at the blue deployment`, `route frontend traffic to green`. */
export const switchTrafficMatcher: Matcher = (text, { namespace }) => {
  const m = text.match(
    /^(?:switch|flip|cut\s*over|route|point|move|send|shift)\s+(?:all\s+)?(?:the\s+)?(?:traffic\s+(?:of|for|on)\s+)?(.+?)(?:'s)?(?:\s+traffic)?\s+(?:over\s+)?(?:to|at)\s+(?:the\s+)?([a-z0-9-]+)(?:\s+(?:deployment|version|color|colour|side|stack))?$/i,
  );
  if (!m?.[1] || !m[2]) return undefined;
  const color = m[2].toLowerCase();
  const explicit = /\b(service|svc|traffic)\b/i.test(text);
  if (!/^(blue|green)$/.test(color) && !explicit) return undefined;
  const target = parseTarget(m[1], namespace);
  return target ? { action: 'switchTraffic', target: { ...target, kind: 'Service' }, to: color } : undefined;
};

/** Volume growth: `resize pvc data-db to 20Gi`, `expand the volume data to 50 GB`. */
export const resizeVolumeMatcher: Matcher = (text, { namespace }) => {
  const m = text.match(
    /^(?:resize|expand|grow|increase|extend|enlarge)\s+(?:the\s+)?(?:size\s+of\s+(?:the\s+)?)?(.+?)\s+to\s+(\d+(?:\.\d+)?\s*(?:gi|mi|ti|gib|mib|tib|g|gb|m|mb|t|tb))$/i,
  );
  if (!m?.[1] || !m[2]) return undefined;
  const target = parseTarget(m[1], namespace);
  if (!target) return undefined;
  return {
    action: 'resizeVolume',
    target: { ...target, kind: 'PersistentVolumeClaim' },
    size: normalizeQuantity(m[2]),
  };
};
