import { NotFoundError, Vulnerability } from '@opspilot/core';
import { checkImageGate, ImageGatePolicy, parseScannerReport, recordImageScan } from '@opspilot/security';
import { z } from 'zod';
import { imageGateOf, latestImageReports, saveGate, storedGate } from '../../security/securityGates.js';
import { audit, procedureFor } from '../trpc.js';
import { visibleCluster } from '../visibleClusters.js';

const ImageScanSummary = z.object({
  id: z.string(),
  image: z.string(),
  scanner: z.string(),
  critical: z.number(),
  high: z.number(),
  medium: z.number(),
  low: z.number(),
  total: z.number(),
  completed_at: z.string().optional(),
});

const GateResult = z.object({
  passed: z.boolean(),
  images: z.array(
    z.object({
      image: z.string(),
      status: z.enum(['PASS', 'FAIL', 'NOT_SCANNED']),
      reason: z.string(),
      tolerated: z.number(),
      blocking: z.array(
        z.object({
          id: z.string(),
          package: z.string(),
          installedVersion: z.string(),
          fixedVersion: z.string().optional(),
          severity: z.string(),
          cvss: z.number().optional(),
          title: z.string(),
        }),
      ),
    }),
  ),
});

/**
 * The image procedures of the security router: Trivy and Grype JSON reports stored as seed-004 image scans and
 * Vulnerability records, and the image gate (seed 001 "images must pass security scanning") with its policy.
 */
export const securityImageProcedures = {
  importImageScan: procedureFor('OPERATOR')
    .meta({ openapi: { method: 'POST', path: '/security/images/scans', tags: ['security'], protect: true } })
    .input(
      z.object({
        /** The report's JSON text (`trivy image -f json`, `grype -o json`). */
        report: z.string().min(2).max(20_000_000),
        file_name: z.string().min(1).max(255).default('report.json'),
        cluster_id: z.uuid().optional(),
      }),
    )
    .output(ImageScanSummary)
    .mutation(async ({ ctx, input }) => {
      const cluster = input.cluster_id
        ? await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id)
        : undefined;
      const report = parseScannerReport(input.report, input.file_name);
      const at = ctx.services.clock.now().toISOString();
      const scan = await recordImageScan(ctx.services.store, report, {
        ...(cluster ? { clusterId: cluster.id } : {}),
        at,
      });
      const counts = {
        critical: scan.critical_count,
        high: scan.high_count,
        medium: scan.medium_count,
        low: scan.low_count,
      };
      await ctx.services.bus.publish({
        event_type: 'SECURITY_SCAN_COMPLETED',
        ...(cluster ? { cluster_id: cluster.id } : {}),
        timestamp: at,
        payload: { scan_id: scan.id, scan_type: 'CONTAINER', image: report.image, scanner: report.scanner, ...counts },
      });
      await audit(ctx, {
        action: 'security.image_scan',
        target: `image/${report.image}`,
        details: { scan_id: scan.id, scanner: report.scanner, ...counts },
      });
      return {
        id: scan.id,
        image: report.image,
        scanner: report.scanner,
        ...counts,
        total: scan.findings_count,
        completed_at: at,
      };
    }),

  imageScans: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/security/images/scans', tags: ['security'], protect: true } })
    .input(z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) }))
    .output(z.array(ImageScanSummary))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.services.store.securityScans.list({ scan_type: 'CONTAINER' }, { page_size: input.limit });
      return rows.items.map((s) => ({
        id: s.id,
        image: s.target,
        scanner: String((s.report as { scanner?: unknown }).scanner ?? 'unknown'),
        critical: s.critical_count,
        high: s.high_count,
        medium: s.medium_count,
        low: s.low_count,
        total: s.findings_count,
        ...(s.completed_at ? { completed_at: s.completed_at } : {}),
      }));
    }),

  vulnerabilities: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/security/vulnerabilities', tags: ['security'], protect: true } })
    .input(z.object({ scan_id: z.uuid() }))
    .output(z.array(Vulnerability))
    .query(async ({ ctx, input }) => {
      const scan = await ctx.services.store.securityScans.get(input.scan_id);
      if (scan.scan_type !== 'CONTAINER')
        throw new NotFoundError(`scan ${input.scan_id} is not an image scan`, { hint: 'list image scans first' });
      const out: Vulnerability[] = [];
      for (let page = 1; ; page++) {
        const found = await ctx.services.store.vulnerabilities.list({ scan_id: scan.id }, { page, page_size: 100 });
        out.push(...found.items);
        if (page >= found.total_pages) break;
      }
      const rank = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3, UNKNOWN: 4 };
      return out.sort(
        (a, b) => rank[a.severity] - rank[b.severity] || a.vulnerability_id.localeCompare(b.vulnerability_id),
      );
    }),

  imageGate: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/security/gates/image', tags: ['security'], protect: true } })
    .input(z.object({ cluster_id: z.uuid().optional() }))
    .output(z.object({ scope: z.string().nullable(), enabled: z.boolean(), policy: ImageGatePolicy.nullable() }))
    .query(async ({ ctx, input }) => {
      if (input.cluster_id) await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const row = await storedGate(ctx.services, 'IMAGE', input.cluster_id);
      return row
        ? { scope: row.scope, enabled: row.enabled, policy: ImageGatePolicy.parse(row.settings) }
        : { scope: null, enabled: false, policy: null };
    }),

  setImageGate: procedureFor('APPROVER')
    .meta({ openapi: { method: 'PUT', path: '/security/gates/image', tags: ['security'], protect: true } })
    .input(ImageGatePolicy.extend({ cluster_id: z.uuid().optional(), enabled: z.boolean().default(true) }))
    .output(z.object({ scope: z.string(), enabled: z.boolean(), policy: ImageGatePolicy }))
    .mutation(async ({ ctx, input }) => {
      const { cluster_id, enabled, ...policy } = input;
      if (cluster_id) await visibleCluster(ctx.services.store, ctx.principal, cluster_id);
      const row = await saveGate(ctx.services, {
        kind: 'IMAGE',
        ...(cluster_id ? { clusterId: cluster_id } : {}),
        settings: policy,
        enabled,
        user: ctx.principal.user.username,
      });
      await audit(ctx, {
        action: 'security.gate.image',
        target: `gate/image/${row.scope}`,
        details: { enabled, ...policy },
      });
      return { scope: row.scope, enabled: row.enabled, policy: ImageGatePolicy.parse(row.settings) };
    }),

  checkImages: procedureFor('VIEWER')
    .meta({ openapi: { method: 'POST', path: '/security/images/check', tags: ['security'], protect: true } })
    .input(
      z.object({
        images: z.array(z.string().min(1).max(500)).min(1).max(200),
        cluster_id: z.uuid().optional(),
        /** Checked under this policy instead of the stored gate. */
        policy: ImageGatePolicy.optional(),
      }),
    )
    .output(GateResult)
    .mutation(async ({ ctx, input }) => {
      if (input.cluster_id) await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const policy = input.policy ?? (await imageGateOf(ctx.services, input.cluster_id)) ?? ImageGatePolicy.parse({});
      return checkImageGate(policy, input.images, await latestImageReports(ctx.services, input.images));
    }),
};
