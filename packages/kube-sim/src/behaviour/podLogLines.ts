import type { ImageProfile } from '../controllers/imageCatalog.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { AnomalySchedule } from './anomalySchedule.js';

/** Seconds of cluster time between two log lines of a running container. */
export const LOG_INTERVAL_MS = 10_000;

/**
 * The log of a running container from `startedAt` to `now`: its image's lines cycled, one every 10 s, except while
 * an anomaly is active — an error burst turns request lines into HTTP 500 errors, a memory leak adds warnings.
 */
export function podLogLines(
  pod: KubeObject,
  profile: ImageProfile,
  startedAt: Date,
  now: Date,
  anomalies: AnomalySchedule,
): { at: Date; line: string }[] {
  const count = profile.logs.length + Math.floor((now.getTime() - startedAt.getTime()) / LOG_INTERVAL_MS);
  const path = profile.serves.find((p) => p.startsWith('/api')) ?? profile.serves[0] ?? '/';
  return Array.from({ length: count }, (_, i) => {
    // The start-up lines at once, then one line per interval: never a line after `now`.
    const offsetMs = i < profile.logs.length ? 0 : (i - profile.logs.length + 1) * LOG_INTERVAL_MS;
    const at = new Date(startedAt.getTime() + offsetMs);
    const normal = profile.logs[i % profile.logs.length]!;
    if (i < profile.logs.length || anomalies.size === 0) return { at, line: normal };
    const active = anomalies.activeFor(pod, at);
    if (active.some((a) => a.type === 'error-burst') && profile.serves.length > 0) {
      return { at, line: `ERROR 500 Internal Server Error: GET ${path} failed: upstream request timeout` };
    }
    const leak = active.find((a) => a.type === 'memory-leak');
    if (leak && i % 3 === 0) {
      const grown = Math.round(profile.memoryMi + (leak.magnitude * leak.elapsedMs) / 60_000);
      return { at, line: `WARNING memory usage ${grown}Mi and growing` };
    }
    return { at, line: normal };
  });
}
