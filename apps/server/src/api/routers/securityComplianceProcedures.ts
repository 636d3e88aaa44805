import { ComplianceReport, NotFoundError } from '@opspilot/core';
import { complianceHtml, complianceMarkdown, complianceReport, frameworkOf, scanFromRow } from '@opspilot/security';
import { z } from 'zod';
import { audit, procedureFor } from '../trpc.js';
import { visibleCluster } from '../visibleClusters.js';

const FrameworkInput = z.enum(['CIS', 'NSA_CISA', 'SOC2', 'HIPAA', 'PCI_DSS']);

/** The compliance procedures of the security router (seed 004 `securityGuardian.checkCompliance`). */
export const securityComplianceProcedures = {
  compliance: procedureFor('OPERATOR')
    .meta({ openapi: { method: 'POST', path: '/security/compliance', tags: ['security'], protect: true } })
    .input(z.object({ cluster_id: z.uuid(), framework: FrameworkInput }))
    .output(
      z.object({
        report: ComplianceReport,
        title: z.string(),
        scan_id: z.string(),
        markdown: z.string(),
        html: z.string(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const [row] = (
        await ctx.services.store.securityScans.list(
          { cluster_id: cluster.id, scan_type: 'KUBERNETES' },
          { page_size: 1 },
        )
      ).items;
      if (!row)
        throw new NotFoundError(`cluster ${cluster.name} has not been scanned`, { hint: 'run security.scan first' });
      const findings = [];
      for (let page = 1; ; page++) {
        const found = await ctx.services.store.securityFindings.list({ scan_id: row.id }, { page, page_size: 100 });
        findings.push(...found.items);
        if (page >= found.total_pages) break;
      }
      const result = complianceReport(
        scanFromRow(row, findings),
        frameworkOf(input.framework),
        ctx.services.clock.now(),
      );
      const report = await ctx.services.store.complianceReports.create({
        cluster_id: cluster.id,
        framework: result.framework,
        controls: result.controls,
        score: result.score,
        generated_at: result.generatedAt,
      });
      await audit(ctx, {
        action: 'security.compliance',
        target: `cluster/${cluster.name}`,
        details: { framework: result.framework, score: result.score, report_id: report.id },
      });
      return {
        report,
        title: result.title,
        scan_id: row.id,
        markdown: complianceMarkdown(result),
        html: complianceHtml(result),
      };
    }),

  complianceHistory: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/security/compliance', tags: ['security'], protect: true } })
    .input(
      z.object({
        cluster_id: z.uuid(),
        framework: FrameworkInput.optional(),
        limit: z.coerce.number().int().min(1).max(100).default(30),
      }),
    )
    .output(z.array(z.object({ id: z.string(), framework: z.string(), score: z.number(), generated_at: z.string() })))
    .query(async ({ ctx, input }) => {
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const rows = await ctx.services.store.complianceReports.list(
        { cluster_id: cluster.id, framework: input.framework },
        { page_size: input.limit },
      );
      return rows.items.map((r) => ({
        id: r.id,
        framework: r.framework,
        score: r.score,
        generated_at: r.generated_at,
      }));
    }),
};
