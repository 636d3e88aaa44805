import { cleanRequest } from '../intent/cleanRequest.js';
import { type KnownKind, kindOfWord } from '../intent/kindWords.js';
import { type ActionClass, type ActionScore, classifyAction } from './classifyAction.js';
import { CREATABLE, CREATE_VERB, describesExistence } from './describesExistence.js';
import type { Frame } from './frame.js';
import { findMentions } from './mentions.js';
import { AUTOSCALE_WORDS, extractQuantities } from './quantities.js';
import { digitsForNumberWords, fieldValues, mendTypos, pairsFromWords } from './spellFix.js';
import { type Token, tokenize, tokensIn } from './tokens.js';
import { TRAFFIC_RULE } from './trafficRule.js';
import { trafficTarget } from './trafficTarget.js';
import type { Vocabulary } from './vocabulary.js';

const PREPOSITION = /^(in|from|of|within|inside|under|across)$/;
const KIND_PHRASES: [RegExp, KnownKind][] = [
  [/\bservice\s*accounts?\b/i, 'ServiceAccount'],
  [/\bconfig\s*maps?\b/i, 'ConfigMap'],
  [/\bstateful\s*sets?\b/i, 'StatefulSet'],
  [/\bdaemon\s*sets?\b/i, 'DaemonSet'],
  [/\b(?:persistent\s+)?volume\s+claims?\b/i, 'PersistentVolumeClaim'],
  [/\bcron\s*jobs?\b/i, 'CronJob'],
  [/\b(?:horizontal\s+pod\s+)?auto-?scalers?\b/i, 'HorizontalPodAutoscaler'],
  [/\brole\s*bindings?\b/i, 'RoleBinding'],
  [/\bnetwork\s*polic(?:y|ies)\b/i, 'NetworkPolicy'],
  [/\bresource\s*quotas?\b/i, 'ResourceQuota'],
];

function placeholder(token: Token, q: ReturnType<typeof extractQuantities>): string {
  const w = token.lower;
  if (w.includes('=')) return 'kv';
  if (q.images.some((i) => i.toLowerCase() === w)) return 'img';
  if (/^\d+(?:\.\d+)?%$/.test(w)) return 'pct';
  if (/^\d+(?:\.\d+)?(?:m|mi|gi|ki|ti|mb|gb|g|k|t|mib|gib)$/.test(w)) return 'q';
  if (/^v?\d+(?:\.\d+)+$/.test(w)) return '#';
  if (/^\d+$/.test(w)) return '#';
  return w;
}

/**
 * Structural rules the word statistics cannot see: a removal that names a label or an annotation removes that key,
 * never the object (`delete the team label from backend`).
 */

/** A question asking why (or how come): answered by a diagnosis, never by a change. */
export const ASKS_WHY =
  /\bwhy\b|\bhow\s+come\b|\bwhat(?:'s|\s+is)\s+(?:wrong|going\s+on|preventing|stopping|blocking)\b/i;
/** A request that asks rather than orders (`which pods …`, `how many …`, `is backend …`). */
const ASKING = /^(?:what|which|who|how|show|list|get|display|describe|is|are|does|do|did|tell)\b/i;
const READ_ONLY: ActionClass[] = ['get', 'list', 'analyze', 'logs', 'metrics', 'changes', 'unsupported'];

function adjust(ranking: ActionScore[], text: string, exists: (name: string) => boolean): ActionScore[] {
  const top = ranking[0]?.action;
  let wanted: ActionClass | undefined;
  if (ASKS_WHY.test(text) && top && !READ_ONLY.includes(top) && top !== 'fix')
    return [{ action: 'analyze', probability: 1 }, ...ranking.filter((r) => r.action !== 'analyze')];
  const creating =
    describesExistence(text, exists) ||
    /^(?:deploy|run|launch)\s+(?:\d+\s+replicas?\s+of\s+)?[a-z0-9][\w./-]*(?::[\w.-]+)?\s+as\s+/i.test(text) ||
    (new RegExp(
      String.raw`^${CREATE_VERB}\s+(?:me\s+)?(?:an?\s+|the\s+|one\s+)?(?:new\s+|one-off\s+|clusterip\s+|nodeport\s+|headless\s+)?(?:[a-z0-9][a-z0-9.-]*\s+)?${CREATABLE}\b`,
      'i',
    ).test(text) &&
      !/^(?:add|set|give)\s+(?:an?\s+|the\s+)?(?:labels?|annotations?|env|environment|replicas?|\d+)\b/i.test(text));
  const policy = /\b(network\s*polic\w*|netpol|firewall)\b/i.test(text) || TRAFFIC_RULE.test(text);
  // Access given to an account (`let the service account reader5 look at pods`, `allow user ann to list pods`).
  const granting =
    /^(?:let|allow|permit|grant|give|enable|authori[sz]e)\b/i.test(text) &&
    /\b(?:service\s*accounts?|serviceaccounts?|user|group)\b/i.test(text) &&
    /\b(?:pods?|deployments?|services?|secrets?|config\s*maps?|configmaps?|jobs?|logs?|nodes?|namespaces?)\b/i.test(
      text,
    );
  if ((creating || granting) && top !== 'create') wanted = 'create';
  else if (policy && !/^(?:delete|remove|list|show|get|describe|which|what)\b/i.test(text) && top !== 'create')
    wanted = 'create';
  else if (AUTOSCALE_WORDS.test(text) && !/^(?:delete|remove|list|show|get|describe)\b/i.test(text) && top !== 'create')
    wanted = 'create';
  else if (
    /\bcanary\b/i.test(text) &&
    !/^(?:delete|remove|list|show|get|describe|scale|promote)\b/i.test(text) &&
    top !== 'create'
  )
    wanted = 'create';
  else if (
    /^(?:what|which|list|show|get|display)\b/i.test(text) &&
    /\bimages?\b/i.test(text) &&
    !/[:@]/.test(text) &&
    top === 'setImage'
  )
    wanted = 'list';
  if (wanted) return [{ action: wanted, probability: 1 }, ...ranking.filter((r) => r.action !== wanted)];
  if (creating || policy) return ranking;
  if ((top === 'delete' || top === 'create' || top === 'setEnv') && /\bannotations?\b/i.test(text)) wanted = 'annotate';
  else if (
    (top === 'delete' || top === 'create' || top === 'setEnv') &&
    /\blabels?\b/i.test(text) &&
    !/\b(list|show|get|which|find)\b/i.test(text)
  )
    wanted = 'label';
  if (!wanted) return ranking;
  return [{ action: wanted, probability: 1 }, ...ranking.filter((r) => r.action !== wanted)];
}

/**
 * Reads a request into a {@link Frame} against the cluster's vocabulary: filler and the namespace phrase are taken
 * out, typed values extracted (they are never names), the remaining words searched for live objects, and the action
 * classified from the request with objects written `@` and values by their type.
 */
export function parseFrame(input: string, vocabulary: Vocabulary): Frame {
  const names = new Set([...vocabulary.namespaces, ...vocabulary.entities.map((e) => e.name.toLowerCase())]);
  const clean = cleanRequest(
    fieldValues(pairsFromWords(digitsForNumberWords(mendTypos(input, names)))),
    vocabulary.namespaces,
  );
  const text = clean.text;
  const tokens = tokenize(text);
  const quantities = extractQuantities(text);
  const exclude = new Set<number>();
  for (const [from, to] of quantities.used) for (const i of tokensIn(tokens, from, to)) exclude.add(i);
  let mentions = findMentions(tokens, vocabulary, exclude);
  let namespace = clean.namespace;
  // A namespace named after a preposition qualifies the other names ("backend from todo", "todo's backend").
  mentions = mentions.filter((m) => {
    const onlyNamespaces = m.entities.every((e) => e.kind === 'Namespace');
    if (!onlyNamespaces) return true;
    const before = tokens[m.start - 1]?.lower ?? '';
    const after = tokens[m.end]?.lower ?? '';
    const qualifies =
      PREPOSITION.test(before) ||
      (/^(namespace|ns)$/.test(before) && PREPOSITION.test(tokens[m.start - 2]?.lower ?? '')) ||
      (/^(namespace|ns)$/.test(after) && PREPOSITION.test(before)) ||
      /'s$/i.test(text.slice(tokens[m.start]?.start ?? 0, (tokens[m.end - 1]?.end ?? 0) + 2)) ||
      (mentions.length > 1 && !/^(namespace|ns)$/.test(before) && !/^(namespaces?|ns)$/.test(after)) ||
      // A namespace as the subject that needs something (`todo needs a service account named robot6`).
      (m.start === 0 &&
        /^(needs?|requires?|should|must|wants?|gets?)$/.test(after) &&
        describesExistence(text, (n) => names.has(n)));
    if (qualifies && !namespace) namespace = m.entities[0]?.name;
    return !qualifies;
  });
  const kinds: KnownKind[] = [];
  for (const [pattern, kind] of KIND_PHRASES) if (pattern.test(text)) kinds.push(kind);
  tokens.forEach((t, i) => {
    if (mentions.some((m) => i >= m.start && i < m.end && !t.lower.includes('/'))) return;
    const word = t.lower.includes('/') ? (t.lower.split('/')[0] ?? '') : t.lower;
    const kind = /^[a-z]+$/.test(word) ? kindOfWord(word) : undefined;
    if (kind && !kinds.includes(kind) && !(kind === 'ConfigMap' && word === 'config' && kinds.length)) kinds.push(kind);
  });
  const normalizedWords: string[] = [];
  for (const t of tokens) {
    const inMention = mentions.some((m) => t.index >= m.start && t.index < m.end);
    const word = inMention ? '@' : exclude.has(t.index) ? placeholder(t, quantities) : placeholder(t, quantities);
    if (word === '@' && normalizedWords.at(-1) === '@') continue;
    normalizedWords.push(word);
  }
  const normalized = normalizedWords.join(' ');
  let ranking = adjust(classifyAction(normalized), text, (name) => names.has(name));
  // A Service named with a value that would select another workload (`point the web service at green`) and a word
  // of moving traffic: a traffic switch, grounded in the Service's selector.
  const traffic =
    ranking[0]?.action !== 'switchTraffic' &&
    !ASKING.test(text) &&
    !TRAFFIC_RULE.test(text) &&
    !['delete', 'label', 'annotate', 'scale', 'logs', 'analyze'].includes(ranking[0]?.action ?? '') &&
    /\b(?:switch|point|rout|send|move|direct|redirect|flip|cut|shift|serve|traffic|swap|go|sends|use|select|target)\w*/i.test(
      text,
    )
      ? trafficTarget(tokens, mentions, vocabulary)
      : undefined;
  // `make the web service send requests to green`: `the` names the existing Service, nothing is created.
  if (
    traffic &&
    (ranking[0]?.action !== 'create' ||
      new RegExp(String.raw`\bthe\s+${traffic.service.name.replace(/[.]/g, '\\.')}\b`, 'i').test(text))
  )
    ranking = [{ action: 'switchTraffic', probability: 1 }, ...ranking.filter((r) => r.action !== 'switchTraffic')];
  // `tag frontend with team=payments`: a pair and no image or version is metadata, not an image change.
  if (
    ranking[0]?.action === 'setImage' &&
    !quantities.images.length &&
    !quantities.tag &&
    Object.keys(quantities.pairs).length &&
    /\b(?:tag|tags|tagged|mark|marked)\b/i.test(text)
  )
    ranking = [{ action: 'label', probability: 1 }, ...ranking.filter((r) => r.action !== 'label')];
  // A described end state of a live workload's replica count (`backend should be scaled so that four pods are
  // running`, `we need four instances of backend`) is a scale, whatever the other words suggest.
  const top = ranking[0]?.action;
  const workload = mentions.some(
    (m) => m.tier !== 'fuzzy' && m.entities.some((e) => e.kind === 'Deployment' || e.kind === 'StatefulSet'),
  );
  if (
    quantities.scale &&
    workload &&
    top &&
    ['get', 'list', 'create', 'unsupported', 'setEnv'].includes(top) &&
    !ASKING.test(text) &&
    !AUTOSCALE_WORDS.test(text) &&
    !(top === 'create' && (/\bcanary\b/i.test(text) || new RegExp(String.raw`^${CREATE_VERB}\b`, 'i').test(text)))
  )
    ranking = [{ action: 'scale', probability: 1 }, ...ranking.filter((r) => r.action !== 'scale')];
  const all = /\b(all|every|each|both)\b/i.test(text);
  const pronoun = /\b(it|them|those|these|that one|this one|the same)\b/i.test(text);
  return {
    text,
    input,
    tokens,
    action: ranking[0]?.action ?? 'unsupported',
    ranking,
    kinds,
    mentions,
    ...(namespace ? { namespace } : {}),
    allNamespaces: clean.allNamespaces,
    all,
    pronoun,
    quantities,
    normalized,
  };
}
