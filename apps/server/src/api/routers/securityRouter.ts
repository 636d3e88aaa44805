import {
  NamespacePosture,
  postureTrend,
  SecurityFinding,
  SecurityScan,
  SeverityCounts,
  scanFromRow,
} from '@opspilot/security';
import { z } from 'zod';
import { runSecurityScan } from '../../security/runSecurityScan.js';
import { IdInput } from '../apiSchemas.js';
import { audit, procedureFor, router } from '../trpc.js';
import { visibleCluster, visibleClusters } from '../visibleClusters.js';
import { securityAdmissionProcedure } from './securityAdmissionProcedure.js';
import { securityComplianceProcedures } from './securityComplianceProcedures.js';
import { securityFixProcedure } from './securityFixProcedure.js';
import { securityImageProcedures } from './securityImageProcedures.js';
import { securityPolicyProcedures } from './securityPolicyProcedures.js';
import { securityScheduleProcedures } from './securityScheduleProcedures.js';
import { securitySecretProcedures } from './securitySecretProcedures.js';

const ScanSummary = z.object({
  id: z.string(),
  cluster_id: z.string().optional(),
  cluster: z.string().optional(),
  status: SecurityScan.shape.status,
  score: z.number().optional(),
  counts: SeverityCounts,
  started_at: z.string(),
  completed_at: z.string().optional(),
});

async function latestScanRows(store: Parameters<typeof visibleCluster>[0], clusterId: string, limit = 1) {
  return (await store.securityScans.list({ cluster_id: clusterId, scan_type: 'KUBERNETES' }, { page_size: limit }))
    .items;
}

async function findingsOf(store: Parameters<typeof visibleCluster>[0], scanId: string) {
  const out = [];
  for (let page = 1; ; page++) {
    const found = await store.securityFindings.list({ scan_id: scanId }, { page, page_size: 100 });
    out.push(...found.items);
    if (page >= found.total_pages) break;
  }
  return out;
}

/**
 * The security guardian (seed 004 securityGuardian): live posture scans of registered clusters (`scan`), their
 * findings and trend, the posture overview across the fleet, and the policy library with plain-English policies and
 * audits (`templates`, `policies`, `mapPolicy`, `createPolicy`, `deletePolicy`, `audit`), and compliance reports per
 * framework with their history (`compliance`, `complianceHistory`).
 */
export const securityRouter = router({
  scan: procedureFor('OPERATOR')
    .meta({ openapi: { method: 'POST', path: '/security/scans', tags: ['security'], protect: true } })
    .input(z.object({ cluster_id: z.uuid(), namespace: z.string().min(1).max(253).optional() }))
    .output(SecurityScan)
    .mutation(async ({ ctx, input }) => {
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const scan = await runSecurityScan(ctx.services, cluster, input.namespace ? { namespace: input.namespace } : {});
      await audit(ctx, {
        action: 'security.scan',
        target: `cluster/${cluster.name}`,
        details: { scan_id: scan.id, status: scan.status, score: scan.score ?? null, counts: scan.counts },
      });
      return scan;
    }),

  scans: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/security/scans', tags: ['security'], protect: true } })
    .input(z.object({ cluster_id: z.uuid(), limit: z.coerce.number().int().min(1).max(100).default(20) }))
    .output(z.array(ScanSummary))
    .query(async ({ ctx, input }) => {
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const rows = await latestScanRows(ctx.services.store, cluster.id, input.limit);
      return rows.map((r) => {
        const s = scanFromRow(r);
        return {
          id: s.id,
          cluster_id: cluster.id,
          cluster: cluster.name,
          status: s.status,
          ...(s.score !== undefined ? { score: s.score } : {}),
          counts: s.counts,
          started_at: s.startedAt,
          ...(s.completedAt ? { completed_at: s.completedAt } : {}),
        };
      });
    }),

  getScan: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/security/scans/{id}', tags: ['security'], protect: true } })
    .input(IdInput)
    .output(SecurityScan)
    .query(async ({ ctx, input }) => {
      const row = await ctx.services.store.securityScans.get(input.id);
      if (row.cluster_id) await visibleCluster(ctx.services.store, ctx.principal, row.cluster_id);
      return scanFromRow(row, await findingsOf(ctx.services.store, row.id));
    }),

  findings: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/security/findings', tags: ['security'], protect: true } })
    .input(
      z.object({
        cluster_id: z.uuid(),
        severity: z.enum(['critical', 'high', 'medium', 'low']).optional(),
        category: z.string().max(50).optional(),
        namespace: z.string().max(253).optional(),
      }),
    )
    .output(z.object({ scan_id: z.string().nullable(), findings: z.array(SecurityFinding) }))
    .query(async ({ ctx, input }) => {
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const [row] = await latestScanRows(ctx.services.store, cluster.id);
      if (!row) return { scan_id: null, findings: [] };
      const scan = scanFromRow(row, await findingsOf(ctx.services.store, row.id));
      const findings = scan.findings.filter(
        (f) =>
          (!input.severity || f.severity === input.severity) &&
          (!input.category || f.category === input.category) &&
          (!input.namespace || f.object.namespace === input.namespace),
      );
      return { scan_id: row.id, findings };
    }),

  trend: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/security/trend', tags: ['security'], protect: true } })
    .input(z.object({ cluster_id: z.uuid(), limit: z.coerce.number().int().min(1).max(100).default(30) }))
    .output(
      z.array(
        z.object({
          at: z.string(),
          status: SecurityScan.shape.status,
          score: z.number().optional(),
          critical: z.number(),
          high: z.number(),
          medium: z.number(),
          low: z.number(),
        }),
      ),
    )
    .query(async ({ ctx, input }) => {
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      return postureTrend(await latestScanRows(ctx.services.store, cluster.id, input.limit));
    }),

  overview: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/security/overview', tags: ['security'], protect: true } })
    .input(z.object({}).optional())
    .output(
      z.array(
        z.object({
          cluster_id: z.string(),
          cluster: z.string(),
          scan: ScanSummary.nullable(),
          namespaces: z.array(NamespacePosture),
        }),
      ),
    )
    .query(async ({ ctx }) => {
      const clusters = await visibleClusters(ctx.services.store, ctx.principal);
      return Promise.all(
        clusters.map(async (c) => {
          const [row] = await latestScanRows(ctx.services.store, c.id);
          if (!row) return { cluster_id: c.id, cluster: c.name, scan: null, namespaces: [] };
          const s = scanFromRow(row);
          return {
            cluster_id: c.id,
            cluster: c.name,
            scan: {
              id: s.id,
              status: s.status,
              ...(s.score !== undefined ? { score: s.score } : {}),
              counts: s.counts,
              started_at: s.startedAt,
              ...(s.completedAt ? { completed_at: s.completedAt } : {}),
            },
            namespaces: s.namespaces,
          };
        }),
      );
    }),

  ...securityPolicyProcedures,
  ...securityComplianceProcedures,
  ...securityFixProcedure,
  ...securityImageProcedures,
  ...securitySecretProcedures,
  ...securityScheduleProcedures,
  ...securityAdmissionProcedure,
});
