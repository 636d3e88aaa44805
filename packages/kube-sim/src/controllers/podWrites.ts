import type { KubeObject } from '../store/kubeObject.js';
import { containerProcess } from './containerProcess.js';
import type { FileWrite, ProcessFiles } from './fileWrites.js';
import { imageRegistryOf } from './imageRegistry.js';
import { type PodView, podEnv } from './podEnv.js';

type Json = Record<string, unknown>;

/** A change to a pod's files at a point in time (ms since the epoch), by one of its containers. */
export interface TimedWrite extends Omit<FileWrite, 'atMs'> {
  container: string;
  atMs: number;
  /** Made by a run that has ended: it lands in volumes only (the container's own layer was discarded). */
  previousRun: boolean;
}

/** How many iterations of a `while true` loop's writes are replayed (the latest ones). */
const LOOP_ITERATIONS = 100;

const execState = new WeakMap<object, Map<string, TimedWrite[]>>();

/** The writes `kubectl exec` made into a pod (kept per cluster, by pod uid). */
export function execWrites(store: object, pod: KubeObject): TimedWrite[] {
  return execState.get(store)?.get(String(pod.metadata.uid)) ?? [];
}

/** Records a write made through `kubectl exec`. */
export function recordExecWrite(store: object, pod: KubeObject, write: TimedWrite): void {
  const pods = execState.get(store) ?? new Map<string, TimedWrite[]>();
  execState.set(store, pods);
  const uid = String(pod.metadata.uid);
  pods.set(uid, [...(pods.get(uid) ?? []), write]);
}

/** The writes one run of a container's interpreted process makes between `startMs` and `endMs` (absolute). */
export function runWrites(
  container: Json,
  files: ProcessFiles,
  env: Record<string, string>,
  profile: NonNullable<ReturnType<ReturnType<typeof imageRegistryOf>['lookup']>>,
  startMs: number,
  endMs: number,
): FileWrite[] {
  const process = containerProcess(container, profile, env, files);
  if (process.kind !== 'runs' && process.kind !== 'exits') return [];
  const out = (process.writes ?? []).filter((w) => startMs + w.atMs <= endMs);
  if (process.kind === 'runs' && process.every?.writes?.length) {
    const { ms, startMs: loopStart = 0, writes } = process.every;
    const last = Math.floor((endMs - startMs - loopStart) / ms);
    for (let k = Math.max(0, last - LOOP_ITERATIONS); k <= last; k++)
      for (const w of writes) {
        const atMs = loopStart + k * ms + w.atMs;
        if (startMs + atMs <= endMs) out.push({ ...w, atMs });
      }
  }
  return out;
}

/**
 * The writes the interpreted processes of a pod's containers have made by `nowMs`: those of each container's current
 * (or finished) run, and of its previous run (which only volumes keep).
 */
export function processWrites(
  view: PodView,
  pod: KubeObject,
  nowMs: number,
  filesOf: (view: PodView, pod: KubeObject, container: string) => ProcessFiles,
): TimedWrite[] {
  const spec = (pod.spec ?? {}) as Json;
  const statuses = ((pod.status as Json | undefined)?.containerStatuses as Json[] | undefined) ?? [];
  const writes: TimedWrite[] = [];
  for (const container of (spec.containers as Json[] | undefined) ?? []) {
    if (!container.command && !container.args) continue;
    const status = statuses.find((s) => s.name === container.name);
    const profile = imageRegistryOf(view.store).lookup(String(container.image ?? ''));
    if (!status || !profile) continue;
    const name = String(container.name);
    const runs: { state: Json | undefined; previousRun: boolean }[] = [
      { state: status.state as Json | undefined, previousRun: false },
      { state: status.lastState as Json | undefined, previousRun: true },
    ];
    for (const { state, previousRun } of runs) {
      const run = (state?.running ?? state?.terminated) as Json | undefined;
      const start = Date.parse(String(run?.startedAt ?? ''));
      if (!run || Number.isNaN(start)) continue;
      const finished = Date.parse(String(run.finishedAt ?? ''));
      const end = Math.min(nowMs, Number.isNaN(finished) ? nowMs : finished + 999);
      const env = podEnv(view, pod, name);
      for (const w of runWrites(container, filesOf(view, pod, name), env, profile, start, end))
        writes.push({ ...w, container: name, atMs: start + w.atMs, previousRun });
    }
  }
  return writes;
}
