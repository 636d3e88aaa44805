import type { ToolBackend } from '@opspilot/chat';
import type { Cluster } from '@opspilot/core';
import { answerSavings, HOURS_PER_MONTH, IDLE_KEY } from '@opspilot/cost';
import { scanFromRow } from '@opspilot/security';
import type { ApiServices } from '../api/apiServices.js';
import { allocation } from '../cost/costQueries.js';

const SEVERITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };
const HOUR = 3_600_000;

/**
 * The security and cost members of the tools' backend (`security_findings`, `security_posture`, `cost_allocation`,
 * `cost_recommendations`), over the same store and queries as the API, for clusters `inScope` lets through.
 */
export function moduleToolBackend(
  services: ApiServices,
  inScope: (clusterId: string) => Promise<Cluster>,
): Pick<ToolBackend, 'securityFindings' | 'securityPosture' | 'costAllocation' | 'costRecommendations'> {
  const latestScan = async (clusterId: string) =>
    (await services.store.securityScans.list({ cluster_id: clusterId, scan_type: 'KUBERNETES' }, { page_size: 1 }))
      .items[0];
  return {
    async securityFindings(clusterId, filter) {
      await inScope(clusterId);
      const row = await latestScan(clusterId);
      if (!row) return { scan: null, findings: [], note: 'no security scan of this cluster yet' };
      const rows = [];
      for (let page = 1; ; page++) {
        const found = await services.store.securityFindings.list({ scan_id: row.id }, { page, page_size: 100 });
        rows.push(...found.items);
        if (page >= found.total_pages) break;
      }
      const scan = scanFromRow(row, rows);
      const findings = scan.findings
        .filter(
          (f) =>
            (!filter.severity || f.severity === filter.severity) &&
            (!filter.namespace || f.object.namespace === filter.namespace),
        )
        .sort((a, b) => (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9));
      return {
        scan: { id: scan.id, status: scan.status, completed_at: scan.completedAt },
        total: findings.length,
        findings: findings.slice(0, filter.limit),
      };
    },
    async securityPosture(clusterId) {
      await inScope(clusterId);
      const row = await latestScan(clusterId);
      if (!row) return { scan: null, note: 'no security scan of this cluster yet' };
      const s = scanFromRow(row);
      return {
        scan_id: s.id,
        status: s.status,
        score: s.score,
        counts: s.counts,
        started_at: s.startedAt,
        completed_at: s.completedAt,
        namespaces: s.namespaces.slice(0, 20),
      };
    },
    async costAllocation(clusterId, query) {
      const cluster = await inScope(clusterId);
      const result = await allocation(services, [cluster], {
        aggregate: query.by as never,
        sinceMs: query.sinceHours * HOUR,
        stepMs: HOUR,
        shareIdle: 'none',
      });
      const rows = result.rows
        .filter((r) => !query.namespace || r.key === query.namespace || r.key.startsWith(`${query.namespace}/`))
        .sort((a, b) => b.total_cost - a.total_cost);
      const hours = query.sinceHours;
      return {
        currency: result.currency,
        window_hours: hours,
        rows: rows.slice(0, 50).map((r) => ({
          key: r.key,
          total_cost: round(r.total_cost),
          monthly_rate: round((r.total_cost / hours) * HOURS_PER_MONTH),
          cpu_cost: round(r.cpu_cost),
          memory_cost: round(r.memory_cost),
          gpu_cost: round(r.gpu_cost),
          pv_cost: round(r.pv_cost),
          lb_cost: round(r.lb_cost),
          idle: r.key === IDLE_KEY,
        })),
        gaps: result.gaps.map((g) => g.error),
      };
    },
    async costRecommendations(clusterId, query) {
      await inScope(clusterId);
      const open = (
        await services.store.costRecommendations.list({ cluster_id: clusterId, status: 'OPEN' }, { page_size: 100 })
      ).items.filter((r) => !query.namespace || r.resource.namespace === query.namespace);
      const summary = answerSavings(open);
      return {
        monthly_savings: round(summary.amount),
        currency: summary.currency,
        note: open.length
          ? undefined
          : 'no open recommendations: compute them on the Cost page or with costOptimizer.recommendations',
        items: open
          .sort((a, b) => b.estimated_monthly_savings - a.estimated_monthly_savings)
          .slice(0, query.limit)
          .map((r) => ({
            id: r.id,
            type: r.type,
            resource: r.resource,
            description: r.description,
            estimated_monthly_savings: r.estimated_monthly_savings,
            confidence: r.confidence,
            proposed_change: r.proposed_change,
          })),
      };
    },
  };
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
