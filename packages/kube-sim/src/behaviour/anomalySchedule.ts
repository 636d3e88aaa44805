import { type Anomaly, type AnomalyType, DEFAULT_MAGNITUDE } from './anomaly.js';
import { parseDuration } from './parseDuration.js';

/** An anomaly in effect for a pod at some moment. */
export interface ActiveAnomaly {
  name: string;
  type: AnomalyType;
  magnitude: number;
  /** Milliseconds since this occurrence began. */
  elapsedMs: number;
}

interface Planned {
  name: string;
  type: AnomalyType;
  namespace: string;
  selector: Record<string, string>;
  magnitude: number;
  startMs: number;
  durationMs: number;
  everyMs: number | undefined;
}

interface PodLike {
  metadata: { namespace?: string; labels?: Record<string, string> };
}

/**
 * The anomalies of a simulated cluster on its clock: which are active for a pod at a moment, and for how long they
 * overlapped a time span (for counters such as CPU seconds). Times are absolute epoch milliseconds.
 */
export class AnomalySchedule {
  private readonly planned: Planned[] = [];

  /** Schedules an anomaly relative to `loadedAt` (when its scenario was loaded). */
  add(anomaly: Anomaly, loadedAt: Date): void {
    const { spec } = anomaly;
    this.planned.push({
      name: anomaly.metadata.name,
      type: spec.type,
      namespace: spec.namespace,
      selector: spec.selector,
      magnitude: spec.magnitude ?? DEFAULT_MAGNITUDE[spec.type],
      startMs: loadedAt.getTime() + parseDuration(spec.after)!,
      durationMs: spec.duration ? parseDuration(spec.duration)! : Number.POSITIVE_INFINITY,
      everyMs: spec.every ? parseDuration(spec.every) : undefined,
    });
  }

  /** How many anomalies are scheduled. */
  get size(): number {
    return this.planned.length;
  }

  /** The anomalies affecting `pod` at `at`. */
  activeFor(pod: PodLike, at: Date): ActiveAnomaly[] {
    const t = at.getTime();
    return this.targeting(pod).flatMap((p) => {
      const began = occurrenceStart(p, t);
      return began === undefined ? [] : [{ name: p.name, type: p.type, magnitude: p.magnitude, elapsedMs: t - began }];
    });
  }

  /** Milliseconds during [from, to] in which an anomaly of `type` affected `pod`, with its magnitude, per anomaly. */
  overlaps(pod: PodLike, type: AnomalyType, from: Date, to: Date): { magnitude: number; ms: number }[] {
    return this.targeting(pod)
      .filter((p) => p.type === type)
      .map((p) => ({ magnitude: p.magnitude, ms: overlapMs(p, from.getTime(), to.getTime()) }))
      .filter((o) => o.ms > 0);
  }

  private targeting(pod: PodLike): Planned[] {
    const labels = pod.metadata.labels ?? {};
    return this.planned.filter(
      (p) => p.namespace === pod.metadata.namespace && Object.entries(p.selector).every(([k, v]) => labels[k] === v),
    );
  }
}

function occurrenceStart(p: Planned, t: number): number | undefined {
  if (t < p.startMs) return undefined;
  const began = p.everyMs ? p.startMs + Math.floor((t - p.startMs) / p.everyMs) * p.everyMs : p.startMs;
  return t < began + p.durationMs ? began : undefined;
}

function overlapMs(p: Planned, from: number, to: number): number {
  if (to <= p.startMs || to <= from) return 0;
  const span = (start: number) => Math.max(0, Math.min(to, start + p.durationMs) - Math.max(from, start));
  if (!p.everyMs) return span(p.startMs);
  let total = 0;
  const first = Math.max(0, Math.floor((from - p.startMs) / p.everyMs));
  for (let k = first; p.startMs + k * p.everyMs < to; k++) total += span(p.startMs + k * p.everyMs);
  return total;
}
