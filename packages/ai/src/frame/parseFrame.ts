import { cleanRequest } from '../intent/cleanRequest.js';
import { type KnownKind, kindOfWord } from '../intent/kindWords.js';
import { type ActionClass, type ActionScore, classifyAction } from './classifyAction.js';
import type { Frame } from './frame.js';
import { findMentions } from './mentions.js';
import { extractQuantities } from './quantities.js';
import { digitsForNumberWords, mendTypos, pairsFromWords } from './spellFix.js';
import { type Token, tokenize, tokensIn } from './tokens.js';
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
const CREATABLE = String.raw`(?:pod|deployment|deploy|namespace|service|svc|config\s*map|configmap|secret|stateful\s*set|statefulset|sts|job|one-off\s+job|cron\s*job|cronjob|service\s*account|serviceaccount|hpa|horizontal\s+pod\s+autoscaler|network\s*policy|networkpolicy|netpol|role|rolebinding|canary|quota|resource\s*quota)s?`;
const CREATE_VERB = String.raw`(?:create|make|add|new|launch|spin\s+up|set\s+up|provision|generate|build|start|run|i\s+need|i\s+want|give\s+me)`;

function adjust(ranking: ActionScore[], text: string): ActionScore[] {
  const top = ranking[0]?.action;
  let wanted: ActionClass | undefined;
  const creating =
    /^(?:deploy|run|launch)\s+(?:\d+\s+replicas?\s+of\s+)?[a-z0-9][\w./-]*(?::[\w.-]+)?\s+as\s+/i.test(text) ||
    (new RegExp(
      String.raw`^${CREATE_VERB}\s+(?:me\s+)?(?:an?\s+|the\s+|one\s+)?(?:new\s+|one-off\s+|clusterip\s+|nodeport\s+|headless\s+)?(?:[a-z0-9][a-z0-9.-]*\s+)?${CREATABLE}\b`,
      'i',
    ).test(text) &&
      !/^(?:add|set|give)\s+(?:an?\s+|the\s+)?(?:labels?|annotations?|env|environment|replicas?|\d+)\b/i.test(text));
  const policy =
    /\b(network\s*polic\w*|netpol|firewall)\b/i.test(text) ||
    /\b(den(?:y|ies|ying|ied)|block\w*|isolat\w*|allow\w*|permit\w*|let|restrict\w*|only)\b.*\b(traffic|ingress|egress|incoming|inbound|outgoing|outbound|connect\w*|reach|talk|dns)\b/i.test(
      text,
    );
  if (creating && top !== 'create') wanted = 'create';
  else if (policy && !/^(?:delete|remove|list|show|get|describe|which|what)\b/i.test(text) && top !== 'create')
    wanted = 'create';
  else if (
    /\b(auto-?scal\w*|hpa|scal\w*\s+automatically)\b/i.test(text) &&
    !/^(?:delete|remove|list|show|get|describe)\b/i.test(text) &&
    top !== 'create'
  )
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
  const clean = cleanRequest(pairsFromWords(digitsForNumberWords(mendTypos(input, names))), vocabulary.namespaces);
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
      (mentions.length > 1 && !/^(namespace|ns)$/.test(before) && !/^(namespaces?|ns)$/.test(after));
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
  const ranking = adjust(classifyAction(normalized), text);
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
