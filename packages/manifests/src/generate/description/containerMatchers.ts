import { ENV_PAIR, IMAGE, isDnsLabel, isInt, looksLikeImage, lower, type Matcher, span, text } from './matcherKit.js';
import { parseCpu, parseMemory } from './parseQuantity.js';
import type { Token } from './tokenize.js';

/** Reads `image X`, or a bare `registry/repo:tag`. */
export const image: Matcher = (t, i, sink) => {
  if (['image', 'img'].includes(lower(t, i)) && IMAGE.test(text(t, i + 1))) {
    sink.set('image', text(t, i + 1), span(t, i, 2));
    return 2;
  }
  if (looksLikeImage(text(t, i))) {
    sink.set('image', text(t, i), span(t, i, 1));
    return 1;
  }
  return 0;
};

const QUALIFIERS = ['limit', 'limits', 'request', 'requests', 'of', '='];
const skipQualifier = (t: readonly Token[], i: number) => (QUALIFIERS.includes(lower(t, i)) ? 1 : 0);

/** Reads `cpu 250m`, `0.5 cpu`, a bare `250m`. */
export const cpu: Matcher = (t, i, sink) => {
  const q = skipQualifier(t, i + 1);
  if (['cpu', 'cpus'].includes(lower(t, i)) && parseCpu(lower(t, i + 1 + q))) {
    sink.set('cpu', parseCpu(lower(t, i + 1 + q)), span(t, i, 2 + q));
    return 2 + q;
  }
  if (parseCpu(lower(t, i)) && ['cpu', 'cpus', 'core', 'cores', 'vcpu', 'vcpus'].includes(lower(t, i + 1))) {
    sink.set('cpu', parseCpu(lower(t, i)), span(t, i, 2));
    return 2;
  }
  if (/^\d+m$/.test(lower(t, i))) {
    sink.set('cpu', lower(t, i), span(t, i, 1));
    return 1;
  }
  return 0;
};

/** Reads `memory 512Mi`, `memory limit 1Gi`, a bare `512Mi`. */
export const memory: Matcher = (t, i, sink) => {
  const q = skipQualifier(t, i + 1);
  if (['memory', 'mem', 'ram'].includes(lower(t, i)) && parseMemory(text(t, i + 1 + q))) {
    sink.set('memory', parseMemory(text(t, i + 1 + q)), span(t, i, 2 + q));
    return 2 + q;
  }
  const size = parseMemory(text(t, i));
  if (!size) return 0;
  const used = ['memory', 'mem', 'ram'].includes(lower(t, i + 1)) ? 2 : 1;
  sink.set('memory', size, span(t, i, used));
  return used;
};

/** Reads `port 8080`, `port 80:8080`, `target port 8080`. */
export const port: Matcher = (t, i, sink) => {
  const w = lower(t, i);
  if ((w === 'target' || w === 'container') && lower(t, i + 1) === 'port' && isInt(t, i + 2)) {
    sink.set('targetPort', Number(lower(t, i + 2)), span(t, i, 3));
    return 3;
  }
  if (['targetport', 'containerport'].includes(w) && isInt(t, i + 1)) {
    sink.set('targetPort', Number(lower(t, i + 1)), span(t, i, 2));
    return 2;
  }
  if (['port', 'ports'].includes(w)) {
    const pair = /^(\d+):(\d+)$/.exec(lower(t, i + 1));
    if (pair) {
      sink.set('port', Number(pair[1]), span(t, i, 2));
      sink.set('targetPort', Number(pair[2]), span(t, i, 2));
      return 2;
    }
    if (isInt(t, i + 1)) {
      sink.set('port', Number(lower(t, i + 1)), span(t, i, 2));
      return 2;
    }
  }
  return 0;
};

const KEY_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Reads `keys DATABASE_URL API_TOKEN` (names only, for Secrets). */
export const keys: Matcher = (t, i, sink) => {
  if (!['keys', 'key'].includes(lower(t, i))) return 0;
  const pairs: Record<string, string> = {};
  let j = i + 1;
  for (; j < t.length && KEY_NAME.test(text(t, j)) && text(t, j) === text(t, j).toUpperCase(); j += 1) {
    pairs[text(t, j)] = '';
  }
  if (j === i + 1) return 0;
  sink.set('env', pairs, span(t, i, j - i));
  return j - i;
};

/** Reads `env K=V …` or bare `K=V` pairs. */
export const env: Matcher = (t, i, sink) => {
  const start = ['env', 'environment', 'vars', 'var', 'data'].includes(lower(t, i)) ? i + 1 : i;
  const pairs: Record<string, string> = {};
  let j = start;
  for (; j < t.length; j += 1) {
    const m = ENV_PAIR.exec(text(t, j));
    if (!m) break;
    pairs[m[1]!] = m[2]!;
  }
  if (j === start) return 0;
  sink.set('env', pairs, span(t, i, j - i));
  return j - i;
};

/** Reads `health /healthz`, `path /api`, a bare `/path`. */
export const paths: Matcher = (t, i, sink) => {
  const w = lower(t, i);
  if (['health', 'healthcheck', 'probe', 'readiness', 'liveness'].includes(w)) {
    const skip = ['path', 'check', 'on', 'at'].includes(lower(t, i + 1)) ? 1 : 0;
    if (!text(t, i + 1 + skip).startsWith('/')) return 0;
    sink.set('healthPath', text(t, i + 1 + skip), span(t, i, 2 + skip));
    return 2 + skip;
  }
  if (w === 'path' && text(t, i + 1).startsWith('/')) {
    sink.set('path', text(t, i + 1), span(t, i, 2));
    return 2;
  }
  if (/^\/[\w\-./{}]*$/.test(text(t, i))) {
    sink.set('path', text(t, i), span(t, i, 1));
    return 1;
  }
  return 0;
};

/** Reads `command "…"`, `runs "…"`. */
export const command: Matcher = (t, i, sink) => {
  if (!['command', 'cmd', 'run', 'runs', 'running', 'args'].includes(lower(t, i)) || !t[i + 1]?.quoted) return 0;
  sink.set(
    'command',
    text(t, i + 1)
      .split(/\s+/)
      .filter(Boolean),
    span(t, i, 2),
  );
  return 2;
};

/** Reads `part of X`. */
export const partOf: Matcher = (t, i, sink) => {
  if (lower(t, i) === 'part' && lower(t, i + 1) === 'of' && isDnsLabel(text(t, i + 2))) {
    sink.set('partOf', text(t, i + 2), span(t, i, 3));
    return 3;
  }
  return 0;
};
