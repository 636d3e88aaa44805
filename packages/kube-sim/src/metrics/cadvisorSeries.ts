import type { Registry } from 'prom-client';
import { nodeCpuShares } from '../behaviour/cpuContention.js';
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
  const periods = counterFamily(
    registry,
    'container_cpu_cfs_periods_total',
    'Number of elapsed enforcement period intervals.',
    labels,
  );
  const throttled = counterFamily(
    registry,
    'container_cpu_cfs_throttled_periods_total',
    'Number of throttled period intervals.',
    labels,
  );
  const pods = listKind(ctx, '', 'v1', 'pods').filter((p) => (p.status as Json | undefined)?.phase === 'Running');
  const images = imageRegistryOf(ctx.store);
  const { shares } = nodeCpuShares(pods, listKind(ctx, '', 'v1', 'nodes'), (p) =>
    podUsage(p, ctx.now, ctx.anomalies, images),
  );
  for (const pod of pods) {
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
      if (running?.startedAt) {
        const since = new Date(String(running.startedAt));
        started(l, since.getTime() / 1000);
        // 100 ms CFS periods; throttled ones while a co-located pod's CPU spike over-commits the node (at the
        // share the node gives this pod now).
        const uptimeS = Math.max(0, (ctx.now.getTime() - since.getTime()) / 1000);
        periods(l, Math.floor(uptimeS * 10));
        const share = shares.get(`${pod.metadata.namespace}/${pod.metadata.name}`);
        const contendedMs = share?.throttledRatio
          ? Math.max(
              0,
              ...pods
                .filter((o) => o !== pod && (o.spec as Json).nodeName === (pod.spec as Json).nodeName)
                .flatMap((o) => ctx.anomalies.overlaps(o, 'cpu-spike', since, ctx.now).map((x) => x.ms)),
            )
          : 0;
        throttled(l, Math.floor((share?.throttledRatio ?? 0) * (contendedMs / 1000) * 10));
      }
    }
  }
}
