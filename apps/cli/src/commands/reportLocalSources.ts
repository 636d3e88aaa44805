import { type ClusterSnapshot, type Incident, objectsOf, parseQuantity, UpstreamError } from '@opspilot/core';
import type { ReportSources } from '@opspilot/reports';
import type { Store } from '@opspilot/store';

const GIB = 1024 ** 3;

function requested(snapshot: ClusterSnapshot, resource: 'cpu' | 'memory'): number {
  let total = 0;
  for (const pod of objectsOf(snapshot, 'Pod')) {
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
 * Report sources for the CLI: incidents, cost records and security scans from the local store; fleet health and
 * capacity from one snapshot of the current cluster (`snapshot` rejects when the cluster cannot be reached, and
 * those sections are then MISSING). The analyzers' findings come from the server's fleet watchers, so the CLI has none.
 */
export function reportLocalSources(
  store: Store,
  clusterName: string,
  snapshot: () => Promise<ClusterSnapshot>,
): ReportSources {
  let taken: Promise<ClusterSnapshot> | undefined;
  const once = () => {
    taken ??= snapshot();
    return taken;
  };
  return {
    async fleet() {
      const s = await once();
      const nodes = objectsOf(s, 'Node');
      const pods = objectsOf(s, 'Pod');
      const ready = nodes.filter((n) =>
        ((n.status as { conditions?: { type: string; status: string }[] })?.conditions ?? []).some(
          (c) => c.type === 'Ready' && c.status === 'True',
        ),
      ).length;
      const failing = pods.filter(
        (p) => !['Running', 'Succeeded'].includes((p.status as { phase?: string })?.phase ?? ''),
      ).length;
      return [
        {
          name: clusterName,
          status: ready === nodes.length && failing === 0 ? 'HEALTHY' : 'DEGRADED',
          nodes: nodes.length,
          ready_nodes: ready,
          pods: pods.length,
          failing_pods: failing,
        },
      ];
    },
    async incidents(period): Promise<Incident[]> {
      return (await store.incidents.list({ detected_at: { gte: period.start, lte: period.end } }, { page_size: 100 }))
        .items;
    },
    async cost(period) {
      const rows = (
        await store.costRecords.list({ period_start: { gte: period.start, lte: period.end } }, { page_size: 100 })
      ).items;
      const byDay = new Map<string, number>();
      for (const r of rows)
        byDay.set(r.period_start.slice(0, 10), (byDay.get(r.period_start.slice(0, 10)) ?? 0) + r.cost_amount);
      return {
        currency: rows[0]?.currency ?? 'USD',
        daily: [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([date, cost]) => ({ date, cost })),
      };
    },
    async security() {
      const rows = (await store.securityScans.list({ scan_type: 'KUBERNETES' }, { page_size: 30 })).items.filter(
        (r) => typeof (r.report as { score?: unknown }).score === 'number',
      );
      const latest = rows.sort((a, b) => b.started_at.localeCompare(a.started_at))[0];
      if (!latest)
        throw new UpstreamError('no completed security scan is stored', {
          source: 'security',
          retryable: false,
          hint: 'run `opspilot security scan`',
        });
      return {
        score: (latest.report as { score: number }).score,
        counts: {
          CRITICAL: latest.critical_count,
          HIGH: latest.high_count,
          MEDIUM: latest.medium_count,
          LOW: latest.low_count,
        },
        scanned_at: latest.started_at,
        trend: [...rows].reverse().map((r) => ({ at: r.started_at, score: (r.report as { score: number }).score })),
      };
    },
    async capacity() {
      const s = await once();
      let cpu = 0;
      let memory = 0;
      for (const node of objectsOf(s, 'Node')) {
        const alloc = (node.status as { allocatable?: Record<string, unknown> } | undefined)?.allocatable ?? {};
        cpu += parseQuantity(alloc.cpu) ?? 0;
        memory += parseQuantity(alloc.memory) ?? 0;
      }
      return {
        allocatable: { cpu, memory_gib: memory / GIB },
        requests: [{ at: s.takenAt, cpu: requested(s, 'cpu'), memory_gib: requested(s, 'memory') / GIB }],
      };
    },
  };
}
