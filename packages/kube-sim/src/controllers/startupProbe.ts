import type { ProbeTarget } from './probeResult.js';
import { firstSuccessMs, livenessKill } from './probeSchedule.js';

type Json = Record<string, unknown>;

/**
 * A startup probe over a run: it passes at its first success (`passedMs` into the run), or the kubelet kills the
 * container after `failureThreshold` failures in a row (`killMs`, with the last failure's text).
 * @see https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/#define-startup-probes
 */
export type StartupOutcome = { passedMs: number } | { killMs: number; message: string };

/** The outcome of a container's startup probe; undefined when it has none. */
export function startupOutcome(target: ProbeTarget): StartupOutcome | undefined {
  const probe = target.container.startupProbe;
  if (!probe || typeof probe !== 'object') return undefined;
  const passedMs = firstSuccessMs(probe, target);
  const kill = livenessKill(probe, target);
  if (passedMs !== undefined && (!kill || passedMs < kill.killMs)) return { passedMs };
  return kill;
}

/**
 * A container as the kubelet probes it once its startup probe passed at `passedMs`: its liveness and readiness
 * probes start no earlier than that (they are disabled until the startup probe succeeds).
 */
export function afterStartup(container: Json, passedMs: number): Json {
  const shifted = (probe: unknown) => {
    if (!probe || typeof probe !== 'object') return probe;
    const p = probe as Json;
    return { ...p, initialDelaySeconds: Math.max(Number(p.initialDelaySeconds ?? 0) * 1000, passedMs) / 1000 };
  };
  return {
    ...container,
    livenessProbe: shifted(container.livenessProbe),
    readinessProbe: shifted(container.readinessProbe),
  };
}
