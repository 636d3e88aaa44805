import { type Cluster, durationToMs, type Incident, objectsOf, parseQuantity, UpstreamError } from '@opspilot/core';
import { forecastDailyCost } from '@opspilot/cost';
import {
  type AnalysisFinding,
  type CapacitySeries,
  type CostTrend,
  type FleetClusterHealth,
  type ReportSources,
  readCapacityHistory,
} from '@opspilot/reports';
import type { ApiServices } from '../api/apiServices.js';
import { CAPACITY_QUERIES, capacityMetricsSource } from './capacityMetricsSource.js';

type Services = Pick<ApiServices, 'store' | 'fleet' | 'gateways' | 'clock'> &
  Partial<Pick<ApiServices, 'metrics' | 'config'>>;
const GIB = 1024 ** 3;

async function allPages<T>(page: (n: number) => Promise<{ items: T[]; total_pages: number }>): Promise<T[]> {
  const out: T[] = [];
  for (let n = 1; n <= 50; n++) {
    const got = await page(n);
    out.push(...got.items);
    if (n >= got.total_pages) break;
  }
  return out;
}

function requestsOf(pods: { spec?: unknown; status?: unknown }[], resource: 'cpu' | 'memory'): number {
  let total = 0;
  for (const pod of pods) {
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    const containers = ((pod.spec as { containers?: unknown[] } | undefined)?.containers ?? []) as {
      resources?: { requests?: Record<string, unknown> };
    }[];
    for (const c of containers) total += parseQuantity(c.resources?.requests?.[resource]) ?? 0;
  }
  return total;
}

/**
 * The report data sources of the server over the given clusters: the fleet watchers (health and findings), the
 * incident commander's records, the stored cost records (with the cost optimizer's Holt-Winters forecast), the
 * stored security scans, and each cluster's Nodes and Pods (allocatable and requests now) through its gateway with
 * the history of requests and usage from its Prometheus or built-in sampler (`readCapacityHistory`). A source
 * that cannot answer throws, and its report sections say so.
 */
export function reportSourcesFor(services: Services, clusters: Cluster[]): ReportSources {
  const { store } = services;
  const ids = new Set(clusters.map((c) => c.id));
  return {
    async fleet(): Promise<FleetClusterHealth[]> {
      return clusters.map((cluster) => {
        const report = services.fleet.get(cluster.id)?.report();
        const status = report?.status ?? cluster.status;
        const counts = report?.counts ?? { nodes: 0, nodes_ready: 0, pods: 0, pods_healthy: 0 };
        return {
          name: cluster.name,
          status: report ? status.state : `${status.state} (not watched)`,
          ...(status.health_score !== undefined ? { health_score: status.health_score } : {}),
          nodes: counts.nodes,
          ready_nodes: counts.nodes_ready,
          pods: counts.pods,
          failing_pods: counts.pods - counts.pods_healthy,
        };
      });
    },
    async findings(): Promise<AnalysisFinding[]> {
      const unwatched = clusters.filter((c) => !services.fleet.get(c.id));
      if (unwatched.length === clusters.length && clusters.length > 0) {
        throw new UpstreamError('no cluster is watched, so no analysis is current', {
          source: 'fleet',
          retryable: true,
        });
      }
      return clusters.flatMap((c) =>
        (services.fleet.get(c.id)?.findings() ?? []).map((f) => ({
          cluster: c.name,
          severity: f.severity,
          resource: `${f.resource.kind}/${f.resource.namespace ? `${f.resource.namespace}/` : ''}${f.resource.name}`,
          message: f.message,
        })),
      );
    },
    async incidents(period): Promise<Incident[]> {
      const rows = await allPages((page) =>
        store.incidents.list({ detected_at: { gte: period.start, lte: period.end } }, { page, page_size: 100 }),
      );
      return rows.filter((i) => !i.cluster_id || ids.size === 0 || ids.has(i.cluster_id));
    },
    async cost(period): Promise<CostTrend> {
      const rows = await allPages((page) =>
        store.costRecords.list({ period_start: { gte: period.start, lte: period.end } }, { page, page_size: 100 }),
      );
      const byDay = new Map<string, number>();
      let currency = 'USD';
      for (const r of rows) {
        if (r.cluster_id && ids.size > 0 && !ids.has(r.cluster_id)) continue;
        if (r.resource_type.startsWith('budget')) continue;
        currency = r.currency ?? currency;
        const day = r.period_start.slice(0, 10);
        byDay.set(day, (byDay.get(day) ?? 0) + r.cost_amount);
      }
      const daily = [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([date, cost]) => ({ date, cost }));
      const forecast =
        daily.length >= 7
          ? forecastDailyCost(
              daily.map((d) => ({ day: Date.parse(`${d.date}T00:00:00Z`) / 1000, cost: d.cost })),
              { horizonDays: 7 },
            )
          : undefined;
      return {
        currency,
        daily,
        ...(forecast
          ? {
              forecast: forecast.points.map((p) => ({
                date: new Date(p.day * 1000).toISOString().slice(0, 10),
                cost: p.cost,
              })),
            }
          : {}),
      };
    },
    async security() {
      const rows = (
        await Promise.all(
          clusters.map(
            async (c) =>
              (
                await store.securityScans.list({ cluster_id: c.id, scan_type: 'KUBERNETES' }, { page_size: 30 })
              ).items,
          ),
        )
      ).flat();
      const completed = rows.filter((r) => typeof (r.report as { score?: unknown }).score === 'number');
      if (completed.length === 0) {
        throw new UpstreamError('no completed security scan is stored', {
          source: 'security',
          retryable: false,
          hint: 'run `opspilot security scan`',
        });
      }
      const latest = new Map<string, (typeof completed)[number]>();
      for (const r of completed)
        if (!latest.has(r.cluster_id ?? '') || (latest.get(r.cluster_id ?? '')?.started_at ?? '') < r.started_at)
          latest.set(r.cluster_id ?? '', r);
      const newest = [...latest.values()];
      const score = Math.round(
        newest.reduce((a, r) => a + ((r.report as { score: number }).score ?? 0), 0) / newest.length,
      );
      const sum = (k: 'critical_count' | 'high_count' | 'medium_count' | 'low_count') =>
        newest.reduce((a, r) => a + (r[k] ?? 0), 0);
      return {
        score,
        counts: {
          CRITICAL: sum('critical_count'),
          HIGH: sum('high_count'),
          MEDIUM: sum('medium_count'),
          LOW: sum('low_count'),
        },
        scanned_at: newest
          .map((r) => r.started_at)
          .sort()
          .at(-1),
        trend: completed
          .sort((a, b) => a.started_at.localeCompare(b.started_at))
          .map((r) => ({ at: r.started_at, score: (r.report as { score: number }).score })),
      };
    },
    async capacity(period): Promise<CapacitySeries> {
      let cpu = 0;
      let memory = 0;
      let reqCpu = 0;
      let reqMemory = 0;
      for (const cluster of clusters) {
        const gateway = await services.gateways.get(cluster.id);
        const snapshot = await gateway.snapshot({ kinds: ['Node', 'Pod'] });
        for (const node of objectsOf(snapshot, 'Node')) {
          const alloc = (node.status as { allocatable?: Record<string, unknown> } | undefined)?.allocatable ?? {};
          cpu += parseQuantity(alloc.cpu) ?? 0;
          memory += parseQuantity(alloc.memory) ?? 0;
        }
        const pods = objectsOf(snapshot, 'Pod');
        reqCpu += requestsOf(pods, 'cpu');
        reqMemory += requestsOf(pods, 'memory');
      }
      const at = services.clock.now().toISOString();
      const now = { at, cpu: reqCpu, memory_gib: reqMemory / GIB };
      if (!services.metrics) return { allocatable: { cpu, memory_gib: memory / GIB }, requests: [now] };
      // The history of requests and usage from each cluster's Prometheus or built-in sampler, ending with now.
      const history = await readCapacityHistory(capacityMetricsSource(services.metrics, clusters), CAPACITY_QUERIES, {
        period,
        clusterIds: clusters.map((c) => c.id),
        ...(services.config ? { maxRangeSeconds: durationToMs(services.config.prometheus.max_range) / 1000 } : {}),
      });
      const before = (points: typeof history.requests) => points.filter((p) => p.at < at);
      return {
        allocatable: { cpu, memory_gib: memory / GIB },
        requests: [...before(history.requests), now],
        ...(history.usage.length > 0 ? { usage: history.usage } : {}),
        ...(history.errors.length > 0
          ? { history_note: `The history could not be read in full: ${history.errors.join('; ')}.` }
          : history.requests.length === 0
            ? {
                history_note:
                  'No history of requests is kept for these clusters (no Prometheus series), so the trend is unknown.',
              }
            : {}),
      };
    },
  };
}
