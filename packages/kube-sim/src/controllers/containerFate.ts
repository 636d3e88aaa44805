import {
  type ContainerProcess,
  containerEnv,
  containerProcess,
  memoryLimitMi,
  type NetworkRunner,
} from './containerProcess.js';
import { NO_FILES, type ProcessFiles } from './fileWrites.js';
import type { ImageProfile } from './imageCatalog.js';
import type { ProbeTarget } from './probeResult.js';
import { livenessKill } from './probeSchedule.js';
import { startupOutcome } from './startupProbe.js';

type Json = Record<string, unknown>;

/** Back-off between restarts of a crashing container: 10 s doubling, capped at 5 minutes. */
export function backoffMs(restarts: number): number {
  return Math.min(10_000 * 2 ** restarts, 300_000);
}

/**
 * What happens to a container that starts: runs, finishes its work (exit 0 after `runMs`), or terminates for a
 * reason (after `runMs` when it is known).
 */
export type Fate =
  | { kind: 'runs' }
  | { kind: 'completes'; runMs: number }
  | {
      kind: 'terminates';
      reason: 'Error' | 'OOMKilled' | 'LivenessProbeFailed' | 'StartupProbeFailed' | 'StartError';
      exitCode: number;
      message: string;
      runMs?: number;
    };

const UNITS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * How long a command runs before its process exits, when it is finite: `sleep N` runs N seconds, one-shot shell
 * commands (`echo`, `true`, `date`, …) a second; loops, `exec` and `sleep infinity` never end. Without a command,
 * the image's own run time (batch images) or undefined (servers).
 */
export function finiteRunMs(command: string, profile: ImageProfile): number | undefined {
  if (!command.trim()) return profile.runMs;
  if (/\bwhile\b|\bsleep\s+inf|\bexec\b|\btail\s+-f\b/.test(command)) return undefined;
  const sleep = command.match(/\bsleep\s+(\d+)(s|m|h)?\b/);
  if (sleep) return Number(sleep[1]) * (UNITS[sleep[2] ?? ''] ?? 1000);
  if (/(^|[\s;&|])(true|exit 0|echo|date|printenv|env|ls|cat)(\s|;|$)/.test(command)) return 1000;
  return profile.runMs;
}

/** The HTTP path a probe checks, if it is an `httpGet` probe. */
export function probePath(probe: unknown): string | undefined {
  return ((probe as Json | undefined)?.httpGet as Json | undefined)?.path as string | undefined;
}

/**
 * Decides a container's fate from its spec and its image's profile: a command that cannot start (StartError), a
 * failing command, memory use over the limit — at once, or once a growing process reaches it — (OOMKilled) and a
 * liveness probe on a path the app does not serve all make it terminate again and again. Commands are interpreted
 * by `containerProcess`; those outside its subset are matched loosely, as `finiteRunMs` describes.
 */
export function containerFate(container: Json, profile: ImageProfile, inside: FateInputs = {}): Fate {
  const env = inside.env ?? containerEnv(container);
  const files = inside.files ?? NO_FILES;
  const process = containerProcess(container, profile, env, files, inside.network);
  const target: ProbeTarget = { container, profile, process, env, files, podIP: inside.podIP ?? '' };
  if (process.kind === 'startError')
    return { kind: 'terminates', reason: 'StartError', exitCode: 128, message: process.message, runMs: 0 };
  if (process.kind === 'exits') {
    const killed = probeFate(target);
    if (killed && (killed as { runMs: number }).runMs < process.runMs) return killed;
    return process.exitCode === 0
      ? { kind: 'completes', runMs: process.runMs }
      : { kind: 'terminates', reason: 'Error', exitCode: process.exitCode, message: '', runMs: process.runMs };
  }
  const limitMi = memoryLimitMi(container);
  if (limitMi !== undefined) {
    const shell = process.kind === 'runs';
    const baseMi = shell ? (process.memoryMi ?? 1) : profile.memoryMi;
    const growth = shell ? process.memoryGrowthMiPerMinute : profile.memoryGrowthMiPerMinute;
    // A growing process that levels off under the limit (the image's ceiling) runs; one that reaches it is killed.
    const ceilingMi = shell ? undefined : profile.memoryCeilingMi;
    if (baseMi > limitMi) return { kind: 'terminates', reason: 'OOMKilled', exitCode: 137, message: '' };
    if (growth && (ceilingMi === undefined || ceilingMi > limitMi))
      return {
        kind: 'terminates',
        reason: 'OOMKilled',
        exitCode: 137,
        message: '',
        runMs: Math.max(1000, Math.round(((limitMi - baseMi) / growth) * 60_000)),
      };
  }
  if (process.kind === 'runs') return probeFate(target) ?? { kind: 'runs' };
  return legacyFate(container, profile, target);
}

/** What a container sees when it runs: its resolved environment, its files, its pod's IP (for probe messages). */
export interface FateInputs {
  env?: Record<string, string>;
  files?: ProcessFiles;
  podIP?: string;
  /** How `wget`, `curl` and `nc` reach the network from this container (without it they are unknown programs). */
  network?: NetworkRunner;
}

/** The container's process as interpreted with `inputs` (what the probes of a run talk to). */
export function probeTarget(container: Json, profile: ImageProfile, inside: FateInputs = {}): ProbeTarget {
  const env = inside.env ?? containerEnv(container);
  const files = inside.files ?? NO_FILES;
  const process: ContainerProcess = containerProcess(container, profile, env, files, inside.network);
  return { container, profile, process, env, files, podIP: inside.podIP ?? '' };
}

/** The kill by a failing startup probe, or else by a failing liveness probe (run only once startup passed). */
function probeFate(target: ProbeTarget): Fate | undefined {
  const startup = startupOutcome(target);
  if (startup && 'killMs' in startup)
    return {
      kind: 'terminates',
      reason: 'StartupProbeFailed',
      exitCode: 137,
      message: `Startup probe failed: ${startup.message}`,
      runMs: startup.killMs,
    };
  return livenessFate(target);
}

function livenessFate(target: ProbeTarget): Fate | undefined {
  const kill = livenessKill(target.container.livenessProbe, target);
  if (!kill) return undefined;
  return {
    kind: 'terminates',
    reason: 'LivenessProbeFailed',
    exitCode: 137,
    message: `Liveness probe failed: ${kill.message}`,
    runMs: kill.killMs,
  };
}

/** The fate of the image's own process, or of a command outside the interpreted subset (matched loosely). */
function legacyFate(container: Json, profile: ImageProfile, target: ProbeTarget): Fate {
  const command = [...((container.command as string[]) ?? []), ...((container.args as string[]) ?? [])].join(' ');
  const failing = command.match(/(^|[\s;&])(false|exit ([1-9]\d*))(\s|;|$)/);
  if ((profile.exitCode !== undefined && profile.exitCode !== 0) || failing) {
    const runMs = failing ? finiteRunMs(command.replace(failing[0], ' '), profile) : profile.runMs;
    return {
      kind: 'terminates',
      reason: 'Error',
      exitCode: failing ? Number(failing[3] ?? 1) : (profile.exitCode ?? 1),
      message: profile.logs[profile.logs.length - 1] ?? 'exited',
      ...(runMs !== undefined ? { runMs } : {}),
    };
  }
  const liveness = probeFate(target);
  if (liveness) return liveness;
  const runMs = finiteRunMs(command, profile);
  return runMs === undefined ? { kind: 'runs' } : { kind: 'completes', runMs };
}

/** Whether a running container passes its readiness probe (no probe: ready once running). */
export function isReady(container: Json, profile: ImageProfile): boolean {
  const path = probePath(container.readinessProbe);
  return path === undefined || profile.serves.includes(path);
}

/** When a container's run started and ended, in ms since the container could first start. */
export interface RunSpan {
  startMs: number;
  endMs: number;
}

/**
 * Restarts of a container that terminates every time it runs, given how long it has existed: each run lasts
 * `runMs`, then it waits the back-off before the next. Returns the count, when the next restart happens, when the
 * current (or, while backing off, the last) run started, and the span of the last run that ended.
 */
export function crashLoop(
  elapsedMs: number,
  runMs: number,
): { restarts: number; nextAtMs: number; running: boolean; runStartMs: number; lastRun?: RunSpan } {
  let t = runMs;
  let restarts = 0;
  let lastRun: RunSpan | undefined;
  for (;;) {
    const wait = backoffMs(restarts);
    const runStartMs = t - runMs;
    if (elapsedMs < t) return { restarts, nextAtMs: t, running: true, runStartMs, ...(lastRun ? { lastRun } : {}) };
    if (elapsedMs < t + wait)
      return { restarts, nextAtMs: t + wait, running: false, runStartMs, lastRun: { startMs: runStartMs, endMs: t } };
    lastRun = { startMs: runStartMs, endMs: t };
    t += wait + runMs;
    restarts++;
  }
}

/**
 * How many times a probe has failed `runningMs` into a run: the first probe comes `periodSeconds` after
 * `initialDelaySeconds`, then one every period (the kubelet's defaults: no delay, 10 s).
 */
export function probeFailures(probe: unknown, runningMs: number): { failures: number; nextMs: number } {
  const { delayMs, periodMs } = probeTimings(probe);
  const failures = runningMs < delayMs + periodMs ? 0 : Math.floor((runningMs - delayMs) / periodMs);
  return { failures, nextMs: delayMs + periodMs * (failures + 1) };
}

function probeTimings(probe: unknown): { delayMs: number; periodMs: number; threshold: number } {
  const p = (probe ?? {}) as Json;
  return {
    delayMs: Number(p.initialDelaySeconds ?? 0) * 1000,
    periodMs: Math.max(1, Number(p.periodSeconds ?? 10)) * 1000,
    threshold: Math.max(1, Number(p.failureThreshold ?? 3)),
  };
}

/** How long a container runs before its liveness probe has failed `failureThreshold` times and the kubelet kills it. */
export function livenessKillMs(probe: unknown): number {
  const { delayMs, periodMs, threshold } = probeTimings(probe);
  return delayMs + periodMs * threshold;
}

/** The failure threshold of a probe (default 3). */
export function probeThreshold(probe: unknown): number {
  return probeTimings(probe).threshold;
}
