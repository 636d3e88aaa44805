import type { Registry } from 'prom-client';
import { podUsage } from '../behaviour/usageModel.js';
import { imageRegistryOf } from '../controllers/imageRegistry.js';
import { parseQuantity } from '../controllers/quantity.js';
import { counterFamily, gaugeFamily } from './metricFamilies.js';
import { listKind, type ScrapeContext } from './scrapeContext.js';

type Json = Record<string, unknown>;

/**
 * Container series as the kubelet's cAdvisor endpoint names them (`container_cpu_usage_seconds_total`,
 * `container_memory_working_set_bytes`, …), one per running container, labelled namespace, pod, container, image
 * and node.
 * @see https://github.com/google/cadvisor/blob/master/docs/storage/prometheus.md
 */
export function cadvisorSeries(registry: Registry, ctx: ScrapeContext): void {
  const labels = ['namespace', 'pod', 'container', 'image', 'node'];
  const cpu = counterFamily(
    registry,
    'container_cpu_usage_seconds_total',
    'Cumulative cpu time consumed in seconds.',
    labels,
  );
  const workingSet = gaugeFamily(
    registry,
    'container_memory_working_set_bytes',
    'Current working set in bytes.',
    labels,
  );
  const usage = gaugeFamily(registry, 'container_memory_usage_bytes', 'Current memory usage in bytes.', labels);
  const limit = gaugeFamily(registry, 'container_spec_memory_limit_bytes', 'Memory limit for the container.', labels);
  const quota = gaugeFamily(registry, 'container_spec_cpu_quota', 'CPU quota of the container.', labels);
  const period = gaugeFamily(registry, 'container_spec_cpu_period', 'CPU period of the container.', labels);
  const started = gaugeFamily(
    registry,
    'container_start_time_seconds',
    'Start time of the container since unix epoch in seconds.',
    labels,
  );
  for (const pod of listKind(ctx, '', 'v1', 'pods')) {
    if ((pod.status as Json | undefined)?.phase !== 'Running') continue;
    const specs = ((pod.spec as Json).containers as Json[] | undefined) ?? [];
    const statuses = ((pod.status as Json).containerStatuses as Json[] | undefined) ?? [];
    for (const u of podUsage(pod, ctx.now, ctx.anomalies, imageRegistryOf(ctx.store))) {
      const l = {
        namespace: pod.metadata.namespace ?? '',
        pod: pod.metadata.name,
        container: u.container,
        image: u.image,
        node: String((pod.spec as Json).nodeName ?? ''),
      };
      cpu(l, u.cpuSecondsTotal);
      workingSet(l, u.memoryBytes);
      usage(l, Math.round(u.memoryBytes * 1.1));
      const limits = (specs.find((c) => c.name === u.container)?.resources as Json | undefined)?.limits as
        | Json
        | undefined;
      const memoryLimit = parseQuantity(limits?.memory);
      limit(l, memoryLimit ?? 0);
      const cpuLimit = parseQuantity(limits?.cpu);
      if (cpuLimit !== undefined) {
        quota(l, Math.round(cpuLimit * 100_000));
        period(l, 100_000);
      }
      const running = (statuses.find((s) => s.name === u.container)?.state as Json | undefined)?.running as
        | Json
        | undefined;
      if (running?.startedAt) started(l, Date.parse(String(running.startedAt)) / 1000);
    }
  }
}
