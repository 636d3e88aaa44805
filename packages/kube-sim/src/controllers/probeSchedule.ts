import { type ProbeResult, type ProbeTarget, probeResult, processWrites } from './probeResult.js';

type Json = Record<string, unknown>;

/** A probe's timings as the kubelet reads them (its defaults: no delay, every 10 s, 3 failures, 1 success). */
export function probeTimings(probe: unknown) {
  const p = (probe ?? {}) as Json;
  return {
    delayMs: Number(p.initialDelaySeconds ?? 0) * 1000,
    periodMs: Math.max(1, Number(p.periodSeconds ?? 10)) * 1000,
    failureThreshold: Math.max(1, Number(p.failureThreshold ?? 3)),
    successThreshold: Math.max(1, Number(p.successThreshold ?? 1)),
  };
}

/** When a probe's answer can change during a run: the run's start and its process's file writes. */
function changePoints(probe: Json, target: ProbeTarget): number[] {
  if (!probe.exec) return [0];
  return [0, ...new Set(processWrites(target.process).map((w) => w.atMs))];
}

/** A probe evaluated over a run: the answer at each tick `delay + k·period` (k ≥ 1), cached per segment. */
function answers(probe: Json, target: ProbeTarget) {
  const points = changePoints(probe, target);
  const cache = new Map<number, ProbeResult>();
  const at = (ms: number): ProbeResult => {
    const from = points.filter((p) => p <= ms).pop() ?? 0;
    let result = cache.get(from);
    if (!result) {
      result = probeResult(probe, target, from);
      cache.set(from, result);
    }
    return result;
  };
  return { at, settledMs: Math.max(...points) };
}

/** A readiness probe's state `runningMs` into a run (see readiness). */
export interface ReadinessState {
  ready: boolean;
  /** Failed probes so far in this run. */
  failures: number;
  /** The latest failure's text. */
  message?: string;
  /** When (ms into the run) the state can next change. */
  nextMs: number;
}

/**
 * A readiness probe over a run: ready from `initialDelaySeconds` when the probe answers then, and after
 * `successThreshold` successes in a row; unready after `failureThreshold` failures in a row. No probe: ready.
 */
export function readiness(probe: unknown, target: ProbeTarget, runningMs: number): ReadinessState {
  if (!probe || typeof probe !== 'object') return { ready: true, failures: 0, nextMs: Number.POSITIVE_INFINITY };
  const t = probeTimings(probe);
  const { at, settledMs } = answers(probe as Json, target);
  const tick = (k: number) => t.delayMs + k * t.periodMs;
  const ticksSoFar = runningMs < tick(1) ? 0 : Math.floor((runningMs - t.delayMs) / t.periodMs);
  const first = at(t.delayMs);
  let ready = first.ok && t.successThreshold === 1 && runningMs >= t.delayMs;
  let message = first.ok ? undefined : first.message;
  let failures = 0;
  let okRun = first.ok ? 1 : 0;
  let failRun = first.ok ? 0 : 1;
  const simulated = Math.min(
    ticksSoFar,
    Math.ceil((settledMs - t.delayMs) / t.periodMs) + t.failureThreshold + t.successThreshold + 2,
  );
  let last: ProbeResult = first;
  for (let k = 1; k <= simulated; k++) {
    last = at(tick(k));
    if (last.ok) {
      okRun++;
      failRun = 0;
      if (okRun >= t.successThreshold) ready = true;
    } else {
      failures++;
      message = last.message;
      failRun++;
      okRun = 0;
      if (failRun >= t.failureThreshold) ready = false;
    }
  }
  if (!last.ok) failures += ticksSoFar - simulated;
  if (simulated < ticksSoFar) ready = last.ok;
  const nextMs = runningMs < t.delayMs ? t.delayMs : tick(ticksSoFar + 1);
  return { ready, failures, ...(message !== undefined ? { message } : {}), nextMs };
}

/**
 * When a liveness probe makes the kubelet kill the container, in ms into the run (`failureThreshold` failures in a
 * row), with the last failure's text; undefined when it never fails that often.
 */
export function livenessKill(probe: unknown, target: ProbeTarget): { killMs: number; message: string } | undefined {
  if (!probe || typeof probe !== 'object') return undefined;
  const t = probeTimings(probe);
  const { at, settledMs } = answers(probe as Json, target);
  const limit = Math.ceil(Math.max(0, settledMs - t.delayMs) / t.periodMs) + t.failureThreshold + 1;
  let failRun = 0;
  for (let k = 1; k <= limit; k++) {
    const result = at(t.delayMs + k * t.periodMs);
    failRun = result.ok ? 0 : failRun + 1;
    if (!result.ok && failRun >= t.failureThreshold)
      return { killMs: t.delayMs + k * t.periodMs, message: result.message };
  }
  return undefined;
}

/** How many liveness probes failed `runningMs` into a run that has not been killed yet. */
export function livenessFailures(probe: unknown, target: ProbeTarget, runningMs: number): number {
  if (!probe || typeof probe !== 'object') return 0;
  const t = probeTimings(probe);
  const { at } = answers(probe as Json, target);
  let failures = 0;
  for (let k = 1; t.delayMs + k * t.periodMs <= runningMs; k++) if (!at(t.delayMs + k * t.periodMs).ok) failures++;
  return failures;
}

/** The first tick (ms into a run) at which a probe answers with a success; undefined when it never does. */
export function firstSuccessMs(probe: unknown, target: ProbeTarget): number | undefined {
  if (!probe || typeof probe !== 'object') return undefined;
  const t = probeTimings(probe);
  const { at, settledMs } = answers(probe as Json, target);
  const limit = Math.ceil(Math.max(0, settledMs - t.delayMs) / t.periodMs) + 1;
  for (let k = 1; k <= limit; k++) if (at(t.delayMs + k * t.periodMs).ok) return t.delayMs + k * t.periodMs;
  return undefined;
}
