import type { ImageProfile } from './imageCatalog.js';
import { parseQuantity } from './quantity.js';

type Json = Record<string, unknown>;

/** Back-off between restarts of a crashing container: 10 s doubling, capped at 5 minutes. */
export function backoffMs(restarts: number): number {
  return Math.min(10_000 * 2 ** restarts, 300_000);
}

/** What happens to a container that starts: runs, or keeps terminating for a reason. */
export type Fate =
  | { kind: 'runs' }
  | { kind: 'terminates'; reason: 'Error' | 'OOMKilled' | 'LivenessProbeFailed'; exitCode: number; message: string };

function probePath(probe: unknown): string | undefined {
  return ((probe as Json | undefined)?.httpGet as Json | undefined)?.path as string | undefined;
}

/**
 * Decides a container's fate from its spec and its image's profile: a failing command, memory use over the limit
 * (OOMKilled) and a liveness probe on a path the app does not serve all make it terminate again and again.
 */
export function containerFate(container: Json, profile: ImageProfile): Fate {
  const command = [...((container.command as string[]) ?? []), ...((container.args as string[]) ?? [])].join(' ');
  if (profile.exitCode !== undefined || /(^|\s)(false|exit [1-9]\d*)(\s|$)/.test(command)) {
    return {
      kind: 'terminates',
      reason: 'Error',
      exitCode: profile.exitCode ?? 1,
      message: profile.logs[profile.logs.length - 1] ?? 'exited',
    };
  }
  const limit = parseQuantity(((container.resources as Json)?.limits as Json | undefined)?.memory);
  if (limit !== undefined && limit < profile.memoryMi * 2 ** 20) {
    return { kind: 'terminates', reason: 'OOMKilled', exitCode: 137, message: '' };
  }
  const liveness = probePath(container.livenessProbe);
  if (liveness && !profile.serves.includes(liveness)) {
    return {
      kind: 'terminates',
      reason: 'LivenessProbeFailed',
      exitCode: 137,
      message: `Liveness probe failed: HTTP probe failed with statuscode: 404`,
    };
  }
  return { kind: 'runs' };
}

/** Whether a running container passes its readiness probe (no probe: ready once running). */
export function isReady(container: Json, profile: ImageProfile): boolean {
  const path = probePath(container.readinessProbe);
  return path === undefined || profile.serves.includes(path);
}

/**
 * Restarts of a container that terminates every time it runs, given how long it has existed: each run lasts
 * `runMs`, then it waits the back-off before the next. Returns the count and when the next restart happens.
 */
export function crashLoop(elapsedMs: number, runMs: number): { restarts: number; nextAtMs: number; running: boolean } {
  let t = runMs;
  let restarts = 0;
  for (;;) {
    const wait = backoffMs(restarts);
    if (elapsedMs < t) return { restarts, nextAtMs: t, running: true };
    if (elapsedMs < t + wait) return { restarts, nextAtMs: t + wait, running: false };
    t += wait + runMs;
    restarts++;
  }
}
