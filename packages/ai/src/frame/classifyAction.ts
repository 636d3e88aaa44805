import { corpusExamples, type Example } from './actionCorpus.js';
import { stem } from './tokens.js';

/** The actions the classifier tells apart. */
export type ActionClass =
  | 'scale'
  | 'restart'
  | 'rollback'
  | 'setImage'
  | 'setEnv'
  | 'setResources'
  | 'resizeVolume'
  | 'expose'
  | 'create'
  | 'delete'
  | 'cordon'
  | 'uncordon'
  | 'drain'
  | 'label'
  | 'annotate'
  | 'logs'
  | 'list'
  | 'get'
  | 'analyze'
  | 'switchTraffic'
  | 'fix'
  | 'changes'
  | 'metrics'
  | 'unsupported';

/** A ranked reading of a request: the likeliest action and how sure the model is. */
export interface ActionScore {
  action: ActionClass;
  /** Posterior probability among the classes, 0..1. */
  probability: number;
}

/**
 * Synonyms folded onto one feature before counting, so that a word the corpus never saw still counts as its known
 * synonym (`reboot` → `restart`, `enlarge` → `grow`).
 */
const SYNONYMS: Record<string, string> = {
  reboot: 'restart',
  relaunch: 'restart',
  reload: 'restart',
  respawn: 'restart',
  recycle: 'restart',
  bounce: 'restart',
  kick: 'restart',
  refresh: 'restart',
  erase: 'delete',
  destroy: 'delete',
  nuke: 'delete',
  uninstall: 'delete',
  purge: 'delete',
  enlarge: 'grow',
  extend: 'grow',
  expand: 'grow',
  widen: 'grow',
  boost: 'increase',
  raise: 'increase',
  bump: 'increase',
  lower: 'decrease',
  reduce: 'decrease',
  shrink: 'decrease',
  diminish: 'decrease',
  instances: 'replica',
  instance: 'replica',
  copies: 'replica',
  copy: 'replica',
  replicas: 'replica',
  pods: 'pod',
  deployments: 'deployment',
  services: 'service',
  nodes: 'node',
  namespaces: 'namespace',
  ns: 'namespace',
  svc: 'service',
  deploy: 'deploy',
  ram: 'memory',
  mem: 'memory',
  cores: 'cpu',
  core: 'cpu',
  vcpu: 'cpu',
  millicores: 'cpu',
  troubleshoot: 'diagnose',
  investigate: 'diagnose',
  debug: 'diagnose',
  broken: 'wrong',
  failing: 'wrong',
  pvc: 'claim',
  disk: 'volume',
  storage: 'volume',
  autoscaler: 'hpa',
  autoscale: 'hpa',
  autoscaling: 'hpa',
  rollback: 'roll back',
  revert: 'undo',
  environment: 'env',
  variable: 'env',
  variables: 'env',
  var: 'env',
  vars: 'env',
  envvar: 'env',
};

/** The features of a normalised request: stemmed words (synonyms folded) and word pairs. */
export function features(normalized: string): string[] {
  const words = normalized
    .toLowerCase()
    .replace(/[^a-z0-9@#%\s-]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => (SYNONYMS[w] ?? stem(SYNONYMS[stem(w)] ?? w)).split(' '));
  const out = [...words];
  const raw = normalized.toLowerCase().split(/\s+/);
  // A stem that lost a final e (`doubled`, `scaling` → `doubl`, `scal`) also counts as the word with it.
  for (const w of raw) {
    const s = stem(w);
    if (s !== w && /(?:ed|ing|es)$/.test(w) && !/e$/.test(s)) out.push(`${s}e`);
  }
  // The passive voice names the action as a participle (`backend should be restarted`): it counts as the
  // imperative verb that opens a request (`restart backend`).
  raw.forEach((w, i) => {
    const next = raw[i + 1] ?? '';
    if (!/^(be|been|being|get|gets)$/.test(w) || !/ed$/.test(next)) return;
    const s = stem(next);
    const verb = SYNONYMS[next] ?? SYNONYMS[s] ?? s;
    out.push(`^${verb}`, `^${verb}e`);
  });
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]}_${words[i + 1]}`);
  out.push(`^${words[0] ?? ''}`);
  return out;
}

interface Model {
  classes: ActionClass[];
  /** log P(feature | class) per class. */
  logLikelihood: Map<ActionClass, Map<string, number>>;
  /** log of the smoothed probability of a feature seen in the vocabulary but not with this class. */
  unseen: Map<ActionClass, number>;
  vocabulary: Set<string>;
}

/** Trains a multinomial naive-Bayes model (Laplace smoothing, uniform priors) on `examples`. */
export function train(examples: readonly Example[]): Model {
  const counts = new Map<ActionClass, Map<string, number>>();
  const totals = new Map<ActionClass, number>();
  const vocabulary = new Set<string>();
  for (const { action, text } of examples) {
    const c = action as ActionClass;
    const map = counts.get(c) ?? new Map<string, number>();
    counts.set(c, map);
    for (const f of features(text)) {
      vocabulary.add(f);
      map.set(f, (map.get(f) ?? 0) + 1);
      totals.set(c, (totals.get(c) ?? 0) + 1);
    }
  }
  const alpha = 0.5;
  const v = vocabulary.size;
  const logLikelihood = new Map<ActionClass, Map<string, number>>();
  const unseen = new Map<ActionClass, number>();
  for (const [c, map] of counts) {
    const total = totals.get(c) ?? 0;
    const denominator = Math.log(total + alpha * v);
    const logs = new Map<string, number>();
    for (const [f, n] of map) logs.set(f, Math.log(n + alpha) - denominator);
    logLikelihood.set(c, logs);
    unseen.set(c, Math.log(alpha) - denominator);
  }
  return { classes: [...counts.keys()], logLikelihood, unseen, vocabulary };
}

/**
 * The action lexicon: cue features (after synonyms and stemming, see {@link features}) that speak for one action
 * whatever the corpus says. Each cue present adds {@link CUE_WEIGHT} to the class's log score.
 */
export const ACTION_CUES: Record<ActionClass, string[]> = {
  scale: [
    'scale',
    'replica',
    'double',
    'halve',
    'half',
    'triple',
    'twice',
    '2x',
    'shut_down',
    'spin_down',
    'turn_off',
    'stop_all',
  ],
  restart: ['restart', 'redeploy', 'rolling_restart', 'rollout_restart', 'cycle'],
  rollback: ['roll_back', 'undo', 'previou', 'rollout_undo', 'earlier', 'back_out', 'how_it_wa'],
  setImage: ['image', 'img', 'version', 'upgrade', 'tag', 'downgrade', 'rolling_update'],
  setEnv: ['env', 'kv'],
  setResources: ['q', 'request', 'limit', 'resource', 'cpu', 'memory'],
  resizeVolume: ['claim', 'volume', 'grow', 'resize'],
  expose: ['expose', 'publish', 'nodeport', 'loadbalancer', 'load_balancer', 'reachable', 'in_front'],
  create: [
    'create',
    'new',
    'provision',
    'set_up',
    'launch',
    'spin_up',
    'generate',
    'canary',
    'grant',
    'allow',
    'deny',
    'hpa',
    'quota',
    'policy',
  ],
  delete: ['delete', 'remove', 'rid', 'tear_down', 'drop', 'kill', 'clean_up', 'uninstall'],
  cordon: ['cordon', 'unschedulable', 'stop_scheduling', 'disable_scheduling', 'out_of_scheduling'],
  uncordon: ['uncordon', 'schedulable', 'enable_scheduling', 'back_into', 'again'],
  drain: ['drain', 'evacuate', 'evict', 'maintenance', 'off', 'empty'],
  label: ['label', 'unlabel'],
  annotate: ['annotate', 'annotation'],
  logs: ['log', 'grep', 'tail', 'print', 'output', 'logging'],
  list: ['list', 'which', 'enumerate', 'display', 'all', 'how_many'],
  get: ['describe', 'detail', 'statu', 'inspect', 'info', 'about', 'yaml'],
  analyze: ['wrong', 'why', 'diagnose', 'prevent', 'health', 'healthy', 'problem', 'issue', 'stuck', 'pend'],
  switchTraffic: ['traffic', 'green', 'blue', 'cut_over', 'serve'],
  fix: ['fix', 'repair', 'heal', 'remediate', 'work_again', 'sort_out', 'resolve'],
  changes: ['chang', 'recent', 'happen', 'modifi', 'updated', 'who'],
  metrics: ['most', 'top', 'usage', 'consum', 'heaviest', 'rate'],
  unsupported: [
    'exec',
    'shell',
    'ssh',
    'port-forward',
    'attach',
    'joke',
    'weather',
    'poem',
    'pizza',
    'sandwich',
    'coffee',
    'song',
    'music',
  ],
};
const CUE_WEIGHT = 3;
const STOP = new Set([
  'the',
  'a',
  'an',
  'to',
  '@',
  '#',
  'of',
  'in',
  'on',
  'for',
  'me',
  'my',
  'our',
  'please',
  'and',
  'it',
  'i',
  'is',
  'what',
  'with',
  'from',
  'by',
  'at',
  'all',
  'can',
  'you',
  'now',
]);

/** Scores every class for a normalised request, best first; features never seen in training are ignored. */
export function score(model: Model, normalized: string): ActionScore[] {
  const all = features(normalized);
  const present = new Set(all);
  const feats = all.filter((f) => model.vocabulary.has(f));
  const content = feats.filter((f) => !f.includes('_') && !f.startsWith('^') && !STOP.has(f));
  const cued = model.classes.some((c) => (ACTION_CUES[c] ?? []).some((cue) => present.has(cue)));
  if (content.length === 0 && !cued) {
    return model.classes
      .map((c) => ({ action: c, probability: c === 'unsupported' ? 1 : 0 }))
      .sort((a, b) => b.probability - a.probability);
  }
  const logs = model.classes.map((c) => {
    const table = model.logLikelihood.get(c) as Map<string, number>;
    const miss = model.unseen.get(c) as number;
    let sum = 0;
    for (const f of feats) sum += table.get(f) ?? miss;
    // Deleting is never inferred: some word of the request must say it.
    if (c === 'delete' && !ACTION_CUES.delete.some((cue) => present.has(cue))) sum = Number.NEGATIVE_INFINITY;
    for (const cue of ACTION_CUES[c] ?? []) {
      if (present.has(cue)) sum += CUE_WEIGHT;
      // The imperative verb that opens a request says most about it.
      if (present.has(`^${cue}`)) sum += CUE_WEIGHT;
    }
    return { action: c, log: sum };
  });
  const best = Math.max(...logs.map((l) => l.log));
  const total = logs.reduce((s, l) => s + Math.exp(l.log - best), 0);
  return logs
    .map((l) => ({ action: l.action, probability: Math.exp(l.log - best) / total }))
    .sort((a, b) => b.probability - a.probability);
}

let trained: Model | undefined;

/** Whether `word` (as written, lower case) is an action word of the lexicon: a cue or a synonym of one. */
export function isActionWord(word: string): boolean {
  if (SYNONYMS[word]) return true;
  const feats = new Set(features(word));
  return Object.values(ACTION_CUES).some((cues) => cues.some((cue) => !cue.includes('_') && feats.has(cue)));
}

/** Whether `word` (as written, lower case) is a word of the action corpus or lexicon (after synonyms and stemming). */
export function knowsWord(word: string): boolean {
  trained ??= train(corpusExamples());
  const model = trained;
  return features(word).some((f) => !f.includes('_') && !f.startsWith('^') && model.vocabulary.has(f));
}

/**
 * The likeliest actions of a normalised request (objects replaced by `@`, numbers by `#` …, see actionCorpus.ts),
 * by the naive-Bayes model trained once, on first use, on the corpus. Deterministic.
 */
export function classifyAction(normalized: string): ActionScore[] {
  trained ??= train(corpusExamples());
  return score(trained, normalized);
}

/**
 * Accuracy of the classifier by k-fold cross-validation over the corpus (each example classified by a model that
 * never saw it): the figure reported in the documentation.
 */
export function crossValidate(folds = 5): {
  accuracy: number;
  total: number;
  errors: { text: string; expected: string; got: string }[];
} {
  const examples = corpusExamples();
  let correct = 0;
  const errors: { text: string; expected: string; got: string }[] = [];
  for (let k = 0; k < folds; k++) {
    const model = train(examples.filter((_, i) => i % folds !== k));
    examples.forEach((e, i) => {
      if (i % folds !== k) return;
      const got = score(model, e.text)[0]?.action;
      if (got === e.action) correct++;
      else errors.push({ text: e.text, expected: e.action, got: String(got) });
    });
  }
  return { accuracy: correct / examples.length, total: examples.length, errors };
}
