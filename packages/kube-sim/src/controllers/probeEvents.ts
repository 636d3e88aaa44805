import type { KubeObject } from '../store/kubeObject.js';
import type { ControllerContext } from './controllerContext.js';

/** How often a container's probes have failed so far, and how often the kubelet killed it for its liveness probe. */
export interface ProbeTally {
  container: string;
  readinessFailures: number;
  /** The latest readiness failure's text (default: an HTTP 404). */
  readinessMessage?: string;
  livenessFailures: number;
  /** The liveness failure's text (default: an HTTP 404). */
  livenessMessage?: string;
  livenessKills: number;
  /** Failed startup probes, the latest one's text, and kills for a startup probe that never passed. */
  startupFailures?: number;
  startupMessage?: string;
  startupKills?: number;
}

const PROBE_FAILED = 'HTTP probe failed with statuscode: 404';

/**
 * Brings a pod's kubelet probe events up to its tallies, as the kubelet writes them: `Unhealthy` Warnings
 * `Readiness probe failed: …` / `Liveness probe failed: …` and `Killing` "Container x failed liveness probe, will be
 * restarted", each counted again (one Event with a rising `count`) on every repeat.
 */
export function syncProbeEvents(ctx: ControllerContext, pod: KubeObject, tallies: ProbeTally[]): void {
  for (const t of tallies) {
    const wanted: ['Normal' | 'Warning', string, string, number][] = [
      ['Warning', 'Unhealthy', `Readiness probe failed: ${t.readinessMessage ?? PROBE_FAILED}`, t.readinessFailures],
      ['Warning', 'Unhealthy', `Liveness probe failed: ${t.livenessMessage ?? PROBE_FAILED}`, t.livenessFailures],
      ['Normal', 'Killing', `Container ${t.container} failed liveness probe, will be restarted`, t.livenessKills],
      ['Warning', 'Unhealthy', `Startup probe failed: ${t.startupMessage ?? PROBE_FAILED}`, t.startupFailures ?? 0],
      ['Normal', 'Killing', `Container ${t.container} failed startup probe, will be restarted`, t.startupKills ?? 0],
    ];
    for (const [type, reason, message, count] of wanted) {
      for (let n = ctx.eventCount(pod, reason, message); n < count; n++)
        ctx.event(pod, type, reason, message, 'kubelet');
    }
  }
}
