import type { Clock } from '@opspilot/core';
import type { ResourceRegistry } from '../api/resourceRegistry.js';
import { StatusError } from '../api/statusError.js';
import { isInteractiveShell } from '../controllers/attachedShell.js';
import { containerProcess } from '../controllers/containerProcess.js';
import { imageRegistryOf } from '../controllers/imageRegistry.js';
import { podEnv } from '../controllers/podEnv.js';
import { staticFiles } from '../controllers/podFiles.js';
import { containerNetwork } from '../exec/networkCommand.js';
import { type ExpositionTarget, exposition } from '../metrics/exposition.js';
import type { SimHooks } from '../server/simHooks.js';
import type { ObjectStore } from '../store/objectStore.js';
import type { AnomalySchedule } from './anomalySchedule.js';
import { grantedUsage, nodeCpuShares } from './cpuContention.js';
import { podLogLines } from './podLogLines.js';
import { processLogLines } from './processLogLines.js';
import { podUsage } from './usageModel.js';

type Json = Record<string, unknown>;

/**
 * The behaviour model plugged into the API server: pod logs, `metrics.k8s.io` usage and the Prometheus exposition,
 * all from the image catalogue and the scheduled anomalies on the cluster clock. Nodes report their pods' sum plus
 * a system overhead.
 */
export function behaviourHooks(
  store: ObjectStore,
  registry: ResourceRegistry,
  clock: Clock,
  anomalies: AnomalySchedule,
): SimHooks {
  const podType = registry.find('', 'v1', 'pods')!;
  const images = imageRegistryOf(store);
  const stamp = () =>
    clock
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  const running = (namespace?: string) =>
    store.list(podType, { namespace }).items.filter((p) => (p.status as Json | undefined)?.phase === 'Running');
  /** Every running pod's usage now, its CPU as granted when its node is over-committed. */
  const grantedNow = () => {
    const { shares, usage } = nodeCpuShares(running(), store.list(registry.find('', 'v1', 'nodes')!).items, (p) =>
      podUsage(p, clock.now(), anomalies, images),
    );
    return (pod: Json & { metadata: { name: string; namespace?: string } }) => {
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      return (usage.get(key) ?? []).map((u) => grantedUsage(u, shares.get(key)));
    };
  };
  return {
    logs({ pod, container, tailLines, timestamps, previous }) {
      const spec = ((pod.spec as Json).containers as Json[]).find((c) => c.name === container);
      const profile = spec ? images.lookup(String(spec.image ?? '')) : undefined;
      const status = (((pod.status as Json | undefined)?.containerStatuses as Json[] | undefined) ?? []).find(
        (s) => s.name === container,
      );
      const run = logRun(status, previous ?? false);
      if (!run) {
        if (previous) {
          throw new StatusError(
            400,
            'BadRequest',
            `previous terminated container "${container}" in pod "${pod.metadata.name}" not found`,
          );
        }
        return [];
      }
      // An interactive shell prints only what it runs, which goes to the attached client, not the log.
      if (!profile || !spec || isInteractiveShell(spec)) return [];
      const end = run.end ?? clock.now();
      const view = { store, registry, now: () => clock.now() };
      const env = podEnv(view, pod, String(spec.name));
      const files = staticFiles(view, pod, String(spec.name));
      const process = containerProcess(spec, profile, env, files, containerNetwork(view, pod, String(spec.name)));
      const logged = processLogLines(process, run.start, end) ?? podLogLines(pod, profile, run.start, end, anomalies);
      const lines = logged.map((l) => (timestamps ? `${l.at.toISOString()} ${l.line}` : l.line));
      return tailLines !== undefined ? lines.slice(-tailLines) : lines;
    },
    podMetrics(namespace) {
      // As metrics-server: every pod with a running container, Ready or not (a leaking one is measured until killed).
      const granted = grantedNow();
      return running(namespace)
        .map((p) => ({ p, usage: granted(p) }))
        .filter(({ usage }) => usage.length > 0)
        .map(({ p, usage }) => ({
          apiVersion: 'metrics.k8s.io/v1beta1',
          kind: 'PodMetrics',
          metadata: {
            name: p.metadata.name,
            namespace: p.metadata.namespace,
            labels: p.metadata.labels,
            creationTimestamp: stamp(),
          },
          timestamp: stamp(),
          window: '15s',
          containers: usage.map((u) => ({
            name: u.container,
            usage: {
              cpu: `${Math.round(u.cpuMillicores * 1_000_000)}n`,
              memory: `${Math.round(u.memoryBytes / 1024)}Ki`,
            },
          })),
        }));
    },
    nodeMetrics() {
      const pods = running();
      const granted = grantedNow();
      return store.list(registry.find('', 'v1', 'nodes')!).items.map((n) => {
        const onNode = pods.filter((p) => (p.spec as Json).nodeName === n.metadata.name).flatMap((p) => granted(p));
        const cpu = NODE_OVERHEAD.cpuMillicores + onNode.reduce((s, u) => s + u.cpuMillicores, 0);
        const memory = NODE_OVERHEAD.memoryBytes + onNode.reduce((s, u) => s + u.memoryBytes, 0);
        return {
          apiVersion: 'metrics.k8s.io/v1beta1',
          kind: 'NodeMetrics',
          metadata: { name: n.metadata.name, labels: n.metadata.labels, creationTimestamp: stamp() },
          timestamp: stamp(),
          window: '20s',
          usage: { cpu: `${Math.round(cpu * 1_000_000)}n`, memory: `${Math.round(memory / 1024)}Ki` },
        };
      });
    },
    metrics(target: ExpositionTarget) {
      return exposition(target, { store, registry, now: clock.now(), anomalies });
    },
  };
}

/**
 * Which run of a container a log request reads, as the kubelet keeps them: the running one; else, while the
 * container waits to restart or after it finished for good, the run that ended last; with `previous`, the run before
 * the current one (`lastState.terminated`). Finished runs end at their `finishedAt`.
 */
function logRun(status: Json | undefined, previous: boolean): { start: Date; end?: Date } | undefined {
  const span = (t: Json | undefined) =>
    t?.startedAt
      ? { start: new Date(String(t.startedAt)), end: new Date(String(t.finishedAt ?? t.startedAt)) }
      : undefined;
  const state = (status?.state ?? {}) as Json;
  const last = (status?.lastState as Json | undefined)?.terminated as Json | undefined;
  if (previous) return span(last);
  const running = state.running as Json | undefined;
  if (running?.startedAt) return { start: new Date(String(running.startedAt)) };
  return span(state.terminated as Json | undefined) ?? span(last);
}

/** What a node's system daemons use besides its pods. */
export const NODE_OVERHEAD = { cpuMillicores: 100, memoryBytes: 600 * 1024 * 1024 };
