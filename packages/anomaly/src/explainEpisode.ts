import type { AnomalySignal } from './anomalySignals.js';
import type { DetectedEpisode } from './detectors/seriesDetector.js';
import { formatValue } from './formatValue.js';

/** What a series is about, in words: "pod todo/backend-7d9f", "workload todo/backend", "node worker-1". */
export function seriesSubject(signal: Pick<AnomalySignal, 'scope'>, labels: Record<string, string>): string {
  const ns = labels.namespace ? `${labels.namespace}/` : '';
  switch (signal.scope) {
    case 'pod':
      return `pod ${ns}${labels.pod ?? '?'}`;
    case 'workload':
      return `workload ${ns}${labels.app ?? labels.workload ?? '?'}`;
    case 'node':
      return `node ${labels.node ?? labels.instance ?? '?'}`;
    case 'gpu':
      return `GPU ${labels.gpu ?? labels.UUID ?? '?'} on ${labels.Hostname ?? labels.node ?? '?'}`;
  }
}

function howFar(e: DetectedEpisode): string {
  const parts: string[] = [];
  if (e.expected > 0 && e.actual >= 0) {
    const ratio = e.actual / e.expected;
    if (ratio >= 1.5) parts.push(`${ratio.toFixed(1)}× the expected`);
    else if (ratio <= 0.67) parts.push(`${(100 * (1 - ratio)).toFixed(0)}% below the expected`);
  }
  const dev = Math.abs(e.deviations);
  parts.push(
    `${dev >= 100 ? '>100' : dev.toFixed(1)} robust deviations ${e.deviations >= 0 ? 'above' : 'below'} normal`,
  );
  return parts.join(', ');
}

/**
 * The plain-words explanation stored with an anomaly: what happened to which series, how far from normal (ratio to
 * the forecast, robust deviations from the baseline, the usual value) and since when.
 * @example
 * // "CPU of pod todo/backend-7d9f jumped to 820m cores (4.1× the expected, 9.3 robust deviations above normal;
 * //  expected about 200m cores, usually 190m cores ± 12m cores) since 2026-12-06T14:02:00Z."
 */
export function explainEpisode(signal: AnomalySignal, labels: Record<string, string>, e: DetectedEpisode): string {
  const fmt = (v: number) => formatValue(v, signal.unit);
  const what = `${signal.title.charAt(0).toUpperCase()}${signal.title.slice(1)} of ${seriesSubject(signal, labels)}`;
  const up = e.direction > 0;
  let verb: string;
  switch (e.type) {
    case 'SPIKE':
      verb = `jumped to ${fmt(e.actual)}`;
      break;
    case 'DROP':
      verb = `dropped to ${fmt(e.actual)}`;
      break;
    case 'TREND_CHANGE':
      verb = `has been drifting ${up ? 'up' : 'down'}, now ${fmt(e.actual)}`;
      break;
    case 'PATTERN_BREAK':
      verb = `broke its usual daily pattern at ${fmt(e.actual)}`;
      break;
    case 'THRESHOLD_BREACH': {
      const t = signal.detector?.thresholds;
      const limit = up ? t?.above : t?.below;
      verb = `crossed ${limit === undefined ? 'its threshold' : `the threshold of ${fmt(limit)}`} at ${fmt(e.actual)}`;
      break;
    }
  }
  const since = new Date(e.time * 1000).toISOString().replace('.000Z', 'Z');
  const season = e.seasonal ? ' for this time of day' : '';
  return `${what} ${verb} (${howFar(e)}; expected about ${fmt(e.expected)}, usually ${fmt(e.normal)} ± ${fmt(e.normalScale)}${season}) since ${since}.`;
}
