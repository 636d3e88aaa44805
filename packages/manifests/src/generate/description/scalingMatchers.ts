import { INT, isInt, lower, type Matcher, PERCENT, span } from './matcherKit.js';

/** Reads `between 2 and 10 replicas`, `from 2 to 10`, `2-10 replicas`, `2 to 10 replicas`. */
export const replicaRange: Matcher = (t, i, sink) => {
  const w = lower(t, i);
  let min: number | undefined;
  let max: number | undefined;
  let used = 0;
  const range = /^(\d+)-(\d+)$/.exec(w);
  if (range && ['replicas', 'pods', 'instances'].includes(lower(t, i + 1))) {
    [min, max, used] = [Number(range[1]), Number(range[2]), 2];
  } else if (['between', 'from'].includes(w) && isInt(t, i + 1) && ['and', 'to'].includes(lower(t, i + 2))) {
    if (!isInt(t, i + 3)) return 0;
    [min, max, used] = [Number(lower(t, i + 1)), Number(lower(t, i + 3)), 4];
    if (['replicas', 'pods', 'instances'].includes(lower(t, i + 4))) used += 1;
  } else if (isInt(t, i) && lower(t, i + 1) === 'to' && isInt(t, i + 2) && lower(t, i + 3) === 'replicas') {
    [min, max, used] = [Number(w), Number(lower(t, i + 2)), 4];
  }
  if (used === 0 || min === undefined || max === undefined) return 0;
  sink.set('minReplicas', min, span(t, i, used));
  sink.set('maxReplicas', max, span(t, i, used));
  return used;
};

/** Reads `min 2`, `max replicas 10`. */
export const minMax: Matcher = (t, i, sink) => {
  const w = lower(t, i);
  const field = ['min', 'minimum'].includes(w) ? 'minReplicas' : ['max', 'maximum'].includes(w) ? 'maxReplicas' : '';
  if (!field) return 0;
  const skip = ['replicas', 'pods'].includes(lower(t, i + 1)) ? 1 : 0;
  if (!isInt(t, i + 1 + skip)) return 0;
  sink.set(field, Number(lower(t, i + 1 + skip)), span(t, i, 2 + skip));
  return 2 + skip;
};

/** Reads `3 replicas`, `replicas 3`. */
export const replicas: Matcher = (t, i, sink) => {
  if (['replicas', 'replica'].includes(lower(t, i)) && isInt(t, i + 1)) {
    sink.set('replicas', Number(lower(t, i + 1)), span(t, i, 2));
    return 2;
  }
  if (isInt(t, i) && ['replicas', 'replica', 'instances', 'copies', 'pods'].includes(lower(t, i + 1))) {
    sink.set('replicas', Number(lower(t, i)), span(t, i, 2));
    return 2;
  }
  return 0;
};

/** Reads `cpu 70%`, `70% cpu`, `target 60%`, `memory 80%`. */
export const targetPercent: Matcher = (t, i, sink) => {
  let j = i;
  if (['target', 'targeting', 'at'].includes(lower(t, j))) j += 1;
  const metricFirst = ['cpu', 'memory', 'mem'].includes(lower(t, j)) && PERCENT.test(lower(t, j + 1));
  const percentFirst = PERCENT.test(lower(t, j)) && ['cpu', 'memory', 'mem'].includes(lower(t, j + 1));
  const bareTarget = j > i && lower(t, i) === 'target' && PERCENT.test(lower(t, j));
  if (!metricFirst && !percentFirst && !bareTarget) return 0;
  const metric = bareTarget ? 'cpu' : metricFirst ? lower(t, j) : lower(t, j + 1);
  const percent = Number(PERCENT.exec(metricFirst ? lower(t, j + 1) : lower(t, j))![1]);
  const used = j - i + (bareTarget ? 1 : 2);
  sink.set(metric === 'cpu' ? 'targetCpuPercent' : 'targetMemoryPercent', percent, span(t, i, used));
  return used;
};

/** Reads `min available 1`, `max unavailable 25%`. */
export const disruption: Matcher = (t, i, sink) => {
  const w = lower(t, i);
  const two = `${w} ${lower(t, i + 1)}`;
  const field =
    w === 'minavailable' || two === 'min available'
      ? 'minAvailable'
      : w === 'maxunavailable' || two === 'max unavailable'
        ? 'maxUnavailable'
        : undefined;
  if (!field) return 0;
  const at = w.includes(' ') || w.endsWith('available') ? i + 1 : i + 2;
  const value = lower(t, at);
  if (!INT.test(value) && !PERCENT.test(value)) return 0;
  sink.set(field, INT.test(value) ? Number(value) : value, span(t, i, at - i + 1));
  return at - i + 1;
};
