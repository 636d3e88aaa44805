import type { Clock } from '@opspilot/core';
import type { ResourceRegistry } from '../api/resourceRegistry.js';
import type { SimHooks } from '../server/simHooks.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ObjectStore } from '../store/objectStore.js';
import { lookupImage } from './imageCatalog.js';
import { isPodReady } from './replicaSetController.js';

type Json = Record<string, unknown>;

/**
 * Pod logs and metrics from the image catalogue: each running container logs its image's lines (one every 10 s of
 * cluster time since it started) and uses its image's CPU and memory; nodes report the sum of their pods.
 */
export function catalogHooks(store: ObjectStore, registry: ResourceRegistry, clock: Clock): SimHooks {
  const podType = registry.find('', 'v1', 'pods')!;
  const usage = (pod: KubeObject) =>
    (((pod.spec as Json).containers as Json[] | undefined) ?? []).map((c) => {
      const profile = lookupImage(String(c.image ?? ''));
      return { name: String(c.name), cpu: profile?.cpuMillicores ?? 0, memoryMi: profile?.memoryMi ?? 0 };
    });
  const stamp = () =>
    clock
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  return {
    logs({ pod, container, tailLines, timestamps }) {
      const spec = ((pod.spec as Json).containers as Json[]).find((c) => c.name === container);
      const profile = spec ? lookupImage(String(spec.image ?? '')) : undefined;
      const status = (((pod.status as Json | undefined)?.containerStatuses as Json[] | undefined) ?? []).find(
        (s) => s.name === container,
      );
      const started = ((status?.state as Json | undefined)?.running as Json | undefined)?.startedAt;
      if (!profile || !started) return [];
      const count = profile.logs.length + Math.floor((clock.now().getTime() - Date.parse(String(started))) / 10_000);
      const lines = Array.from({ length: count }, (_, i) => {
        const line = profile.logs[i % profile.logs.length]!;
        return timestamps ? `${new Date(Date.parse(String(started)) + i * 10_000).toISOString()} ${line}` : line;
      });
      return tailLines !== undefined ? lines.slice(-tailLines) : lines;
    },
    podMetrics(namespace) {
      return store
        .list(podType, { namespace })
        .items.filter((p) => (p.status as Json | undefined)?.phase === 'Running' && isPodReady(p))
        .map((p) => ({
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
          containers: usage(p).map((u) => ({
            name: u.name,
            usage: { cpu: `${u.cpu * 1_000_000}n`, memory: `${u.memoryMi * 1024}Ki` },
          })),
        }));
    },
    nodeMetrics() {
      const pods = store.list(podType).items.filter((p) => (p.status as Json | undefined)?.phase === 'Running');
      return store.list(registry.find('', 'v1', 'nodes')!).items.map((n) => {
        const onNode = pods.filter((p) => (p.spec as Json).nodeName === n.metadata.name).flatMap(usage);
        const cpu = 100 + onNode.reduce((s, u) => s + u.cpu, 0);
        const memoryMi = 600 + onNode.reduce((s, u) => s + u.memoryMi, 0);
        return {
          apiVersion: 'metrics.k8s.io/v1beta1',
          kind: 'NodeMetrics',
          metadata: { name: n.metadata.name, labels: n.metadata.labels, creationTimestamp: stamp() },
          timestamp: stamp(),
          window: '20s',
          usage: { cpu: `${cpu * 1_000_000}n`, memory: `${memoryMi * 1024}Ki` },
        };
      });
    },
  };
}
