import { cleanRequest } from '../intent/cleanRequest.js';
import { type KnownKind, kindOfWord, SCALABLE_KINDS, WORKLOAD_KINDS } from '../intent/kindWords.js';
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
/**
 * A yes/no question (`is backend scaled to 4?`, `does frontend need a restart`, `do I need to restart frontend?`,
 * `should we roll back web-app?`): it asks about the state, so it is answered by a read and never by a change. A
 * polite order keeps its request (`can you …`, `could the web-app deployment be cut down …`, `is it possible to …`,
 * `do you mind …`).
 */
export const YES_NO_QUESTION =
  /^(?:(?:is|are|was|were|does|did|isn't|aren't|doesn't|didn't)\s+(?!it\s+possible\b|there\s+a\s+way\b)|(?:do|don't|should|shall|must|need|ought)\s+(?:i|we|you|they)\b(?!\s+mind\b)|(?:should|must|ought)\s+(?!be\b)[\w.-]+\s+(?:be|get|have)\b)/i;

/**
 * The kinds an action applies to; an action missing here applies to any kind (label, delete, describe, …). A request
 * whose named objects the classifier's first choice cannot apply to (`sim-worker-1 should not receive any new pods`
 * is not a creation, a node is never scaled) takes the best-ranked action that can.
 */
const ACTION_KINDS: Partial<Record<ActionClass, readonly KnownKind[]>> = {
  scale: SCALABLE_KINDS,
  restart: WORKLOAD_KINDS,
  rollback: WORKLOAD_KINDS,
  setImage: WORKLOAD_KINDS,
  setEnv: WORKLOAD_KINDS,
  setResources: WORKLOAD_KINDS,
  resizeVolume: ['PersistentVolumeClaim', 'StatefulSet'],
  expose: [...WORKLOAD_KINDS, 'Pod'],
  cordon: ['Node'],
  uncordon: ['Node'],
  drain: ['Node'],
  switchTraffic: ['Service'],
};

/** A request that asks rather than orders (`which pods …`, `how many …`, `is backend …`). */
const ASKING = /^(?:what|which|who|how|show|list|get|display|describe|is|are|does|do|did|tell)\b/i;
const READ_ONLY: ActionClass[] = ['get', 'list', 'analyze', 'logs', 'metrics', 'changes', 'unsupported'];

function adjust(ranking: ActionScore[], text: string, exists: (name: string) => boolean): ActionScore[] {
  const top = ranking[0]?.action;
  let wanted: ActionClass | undefined;
  if (ASKS_WHY.test(text) && top && !READ_ONLY.includes(top) && top !== 'fix')
    return [{ action: 'analyze', probability: 1 }, ...ranking.filter((r) => r.action !== 'analyze')];
  // A yes/no question about a change (`do I need to restart frontend?`) is answered by a diagnosis; about a state
  // (`is backend scaled to 4?`) by the object's description.
  if (YES_NO_QUESTION.test(text) && top && !READ_ONLY.includes(top)) {
    const read: ActionClass = /\b(?:need|needs|should|ought|must|have\s+to|has\s+to|worth)\b/i.test(text)
      ? 'analyze'
      : 'get';
    return [{ action: read, probability: 1 }, ...ranking.filter((r) => r.action !== read)];
  }
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
      // A namespace as the subject that needs something (`todo needs a service account named robot6`, `the todo
      // namespace ought to contain …`).
      ((m.start === 0 || (m.start === 1 && tokens[0]?.lower === 'the')) &&
        subjectNeeds(/^(namespace|ns)$/.test(after) ? (tokens[m.end + 1]?.lower ?? '') : after, text, names)) ||
      // A namespace said before a kind as its qualifier (`the batch deployments`).
      (m.start > 0 && !/^(namespace|ns)$/.test(after) && /^[a-z]+s$/.test(after) && kindOfWord(after) !== undefined);
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
  ranking = groundAction(ranking, text, mentions, quantities, names);
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
    (['get', 'list', 'create', 'unsupported', 'setEnv'].includes(top) ||
      // `backend should be at 4`: a bare count is no image or version.
      (top === 'setImage' && !quantities.images.length && !quantities.tag)) &&
    !ASKING.test(text) &&
    !AUTOSCALE_WORDS.test(text) &&
    !(top === 'create' && (/\bcanary\b/i.test(text) || new RegExp(String.raw`^${CREATE_VERB}\b`, 'i').test(text)))
  )
    ranking = [{ action: 'scale', probability: 1 }, ...ranking.filter((r) => r.action !== 'scale')];
  // `the batch deployments`, `the deployments in batch`: a plural kind of a named namespace, with no object named,
  // is every one of them (never for a delete, which must say `all`).
  const theKind = [...text.matchAll(/\bthe\s+(?:[\w.-]+\s+)?([a-z]+s)\b/gi)].some(
    (m) => m[1] !== undefined && kindOfWord(m[1].toLowerCase()) !== undefined && !/^(namespaces|nodes)$/i.test(m[1]),
  );
  const all =
    /\b(all|every|each|both)\b/i.test(text) ||
    (theKind && namespace !== undefined && mentions.length === 0 && ranking[0]?.action !== 'delete');
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

/** Verbs that make a namespace at the head of a request the place something must be in (`todo ought to contain …`). */
const SUBJECT_NEEDS =
  /^(?:needs?|requires?|should|must|ought|wants?|gets?|has|have|contains?|holds?|shall|will|lacks?|misses)$/;

/**
 * Whether a namespace named first is the subject that needs something (`todo needs a service account named robot6`,
 * `todo ought to contain a service account robot9`): a verb of needing or having follows it and the request asks
 * for an object of a creatable kind.
 */
function subjectNeeds(after: string, text: string, names: ReadonlySet<string>): boolean {
  if (!SUBJECT_NEEDS.test(after)) return false;
  return (
    describesExistence(text, (n) => names.has(n)) ||
    new RegExp(String.raw`\b(?:an?|one|new|the)\s+(?:new\s+)?${CREATABLE}\b`, 'i').test(text)
  );
}

const NOT_A_NAME =
  /^(?:on|in|at|for|with|to|from|that|which|who|and|or|of|should|must|is|are|be|per|named|called|running|using|any|more|anymore|again|here|there|now)$/;

/** Whether a kind word is followed by a name the cluster does not have yet (`a service account robot9`). */
function namesNewObject(text: string, names: ReadonlySet<string>): boolean {
  const form = new RegExp(String.raw`\b${CREATABLE}\s+(?:named\s+|called\s+)?([a-z0-9][\w.-]*)`, 'gi');
  return [...text.matchAll(form)].some((m) => {
    const name = (m[1] ?? '').toLowerCase();
    return !names.has(name) && !NOT_A_NAME.test(name);
  });
}

/** A verb of a node taking pods in. */
const INTAKE = String.raw`(?:take|takes|taking|accept|accepts|accepting|receive|receives|receiving|get|gets|getting|schedul\w*|host|hosts|hosting|land|landing)`;
/**
 * A negated intake of pods: `not/never/no longer/stop … take|accept|receive|get|schedule`, `take no (more|new) pods`,
 * `no more/new pods`, `keep pods off`.
 */
const NEGATED_INTAKE = new RegExp(
  String.raw`(?:\bnot|\bnever|\bno\s+longer|n't|\bstop)\s+(?:[\w-]+\s+){0,2}?${INTAKE}\b|\b${INTAKE}\s+(?:no|zero)\s+(?:more\s+|new\s+|further\s+)?(?:pods?|workloads?|work|traffic|requests?|connections?)\b|\bno\s+(?:more|new|further)\s+(?:pods?|workloads?|traffic|requests?|connections?)\b|\bkeep\s+(?:all\s+|any\s+|the\s+)?(?:new\s+)?(?:pods?|workloads?|work)\s+(?:off|away\s+from)\b`,
  'i',
);

/**
 * Whether a request asks that a workload take nothing more in (`backend should take no more traffic`, `frontend must
 * not accept pods anymore`): only a node is cordoned, so this is asked back rather than read as a scale or a restart.
 */
export function workloadRefusesIntake(frame: Frame): boolean {
  const live = frame.mentions.filter((m) => m.tier !== 'fuzzy').flatMap((m) => m.entities);
  return (
    live.some((e) => e.kind === 'Service' || (WORKLOAD_KINDS as readonly string[]).includes(e.kind)) &&
    !live.some((e) => e.kind === 'Node') &&
    !ASKING.test(frame.text) &&
    !READ_ONLY.includes(frame.action) &&
    NEGATED_INTAKE.test(frame.text) &&
    /\b(?:pods?|workloads?|traffic|requests?|connections?|schedul\w*)\b/i.test(frame.text) &&
    !/\b(?:again|\d+)\b/i.test(frame.text)
  );
}

/**
 * The classifier's ranking checked against what the request names: a creation that names only live objects and
 * opens with no verb of creating (`web-app ought to be running nginx:1.26`), or an action the named objects' kinds do
 * not allow (`sim-worker-1 should not receive any new pods` names a node), gives way to the best-ranked action that
 * applies to them.
 */
function groundAction(
  ranking: ActionScore[],
  text: string,
  mentions: Frame['mentions'],
  quantities: Frame['quantities'],
  names: ReadonlySet<string>,
): ActionScore[] {
  const top = ranking[0];
  const live = mentions.filter((m) => m.tier !== 'fuzzy').flatMap((m) => m.entities);
  // A live node that must take no more pods (`sim-worker-1 should take no more pods`, `sim-worker-1 must not accept
  // pods anymore`, `keep pods off sim-worker-2`) is cordoned, whatever the classifier read (a scale, a list, a drain);
  // moving or evicting what it runs stays a drain, and a workload named so is never a node action.
  if (
    top &&
    top.action !== 'cordon' &&
    live.some((e) => e.kind === 'Node') &&
    !live.some((e) => e.kind !== 'Node') &&
    !ASKING.test(text) &&
    NEGATED_INTAKE.test(text) &&
    /\b(?:pods?|workloads?|work|schedul\w*)\b/i.test(text) &&
    !/\b(?:again|drain\w*|evict\w*|evacuat\w*|empty|emptied|move|migrate|existing|running|current)\b/i.test(text)
  )
    return [{ action: 'cordon', probability: 1 }, ...ranking.filter((r) => r.action !== 'cordon')];
  if (!top || top.probability >= 1) return ranking;
  if (!live.length || live.some((e) => e.kind === 'Namespace')) return ranking;
  const fits = (action: ActionClass) => {
    const kinds = ACTION_KINDS[action];
    return !kinds || live.some((e) => kinds.includes(e.kind));
  };
  const emptyCreation =
    top.action === 'create' &&
    !new RegExp(String.raw`^${CREATE_VERB}\b`, 'i').test(text) &&
    !/\bcanary\b/i.test(text) &&
    !AUTOSCALE_WORDS.test(text) &&
    !TRAFFIC_RULE.test(text) &&
    !namesNewObject(text, names);
  // A drain evicts the pods a node runs; a request about new pods only (`keep new workloads off sim-worker-1`) asks
  // that none be scheduled there: a cordon.
  if (
    top.action === 'drain' &&
    /\b(?:new|more|further|future|additional|incoming)\s+(?:pods?|workloads?|work|containers?|replicas?|deployments?)\b/i.test(
      text,
    ) &&
    !/\b(?:drain\w*|evict\w*|evacuat\w*|empty|emptied|move|migrate|existing|running|current)\b/i.test(text)
  )
    return [{ action: 'cordon', probability: 1 }, ...ranking.filter((r) => r.action !== 'cordon')];
  const valueless = top.action === 'setImage' && !quantities.images.length && !quantities.tag && quantities.scale;
  if (!emptyCreation && !valueless && fits(top.action)) return ranking;
  const next = ranking.find(
    (r) => r !== top && r.action !== 'create' && r.action !== 'unsupported' && fits(r.action) && r.probability > 0.01,
  );
  return next ? [{ action: next.action, probability: 1 }, ...ranking.filter((r) => r.action !== next.action)] : ranking;
}
