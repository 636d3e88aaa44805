import type { KubeObject } from '../store/kubeObject.js';

type Json = Record<string, unknown>;

const SHELLS = ['sh', 'bash', 'ash', 'dash'];

/** How an interactive shell fed through attach ended: its exit code, when (ms since the epoch), in which run. */
export interface AttachedExit {
  exitCode: number;
  atMs: number;
  restartCount: number;
}

const exits = new WeakMap<object, Map<string, AttachedExit>>();
const listeners = new WeakMap<object, Set<() => void>>();

const keyOf = (pod: KubeObject, container: string) => `${pod.metadata.uid}/${container}`;

/**
 * Whether a container's process is an interactive shell: `sh`, `bash`, `ash` or `dash` without `-c`, with
 * `stdin: true` (what `kubectl run -i … -- sh` creates). Such a shell reads what an attached client sends.
 */
export function isInteractiveShell(container: Json): boolean {
  if (container.stdin !== true) return false;
  const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  const argv = [...strings(container.command), ...strings(container.args)];
  const program = argv[0] ?? '';
  return SHELLS.includes(program.slice(program.lastIndexOf('/') + 1)) && !argv.includes('-c');
}

/** Records that the attached shell of `container` ended, and tells the listeners (the kubelet model). */
export function recordAttachedExit(store: object, pod: KubeObject, container: string, exit: AttachedExit): void {
  const pods = exits.get(store) ?? new Map<string, AttachedExit>();
  exits.set(store, pods);
  pods.set(keyOf(pod, container), exit);
  for (const listener of [...(listeners.get(store) ?? [])]) listener();
}

/** How the attached shell of `container` ended, if it has. */
export function attachedExit(store: object, pod: KubeObject, container: string): AttachedExit | undefined {
  return exits.get(store)?.get(keyOf(pod, container));
}

/** Calls `listener` after every recorded exit in this cluster; returns the unsubscribe function. */
export function onAttachedExit(store: object, listener: () => void): () => void {
  const set = listeners.get(store) ?? new Set<() => void>();
  listeners.set(store, set);
  set.add(listener);
  return () => set.delete(listener);
}
