import { ConflictError, NotAllowedError, NotFoundError, Operation, redactOperation } from '@opspilot/core';
import {
  applyChartRelease,
  approveChartRelease,
  type ChartReleaseDeps,
  chartDetailsOf,
  chartOfConfigs,
  generatePipeline,
  proposeChartRelease,
  rollbackChartRelease,
  validatePipeline,
} from '@opspilot/delivery';
import { createHelmReleaser } from '@opspilot/helm';
import { diffObjects } from '@opspilot/kube';
import { z } from 'zod';
import { canSeeCluster, type Principal } from '../../auth/principal.js';
import type { ApiServices } from '../apiServices.js';
import { procedureFor, router } from '../trpc.js';
import { visibleCluster } from '../visibleClusters.js';
import { deliveryReleaseProcedures } from './deliveryReleaseProcedures.js';
import { deliveryRunProcedures } from './deliveryRunProcedures.js';
import { deliveryTestProcedures } from './deliveryTestProcedures.js';

const DnsLabel = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
  .max(53);

async function deps(services: ApiServices, clusterId: string): Promise<ChartReleaseDeps> {
  const gateway = await services.gateways.get(clusterId);
  return {
    releaser: createHelmReleaser({ kubeconfig: gateway.config.kubeConfig.exportConfig() }),
    gateway,
    operations: services.store.operations,
    audit: services.store.audit,
    clock: services.clock,
    diff: diffObjects,
    events: services.bus,
    clusterId,
  };
}

async function visibleChartOperation(services: ApiServices, principal: Principal, id: string) {
  const operation = await services.store.operations.get(id);
  if (!operation?.cluster_id || !canSeeCluster(principal, operation.cluster_id) || !chartDetailsOf(operation)) {
    throw new NotFoundError(`chart release ${id} not found`, { hint: 'propose the release first' });
  }
  return operation;
}

/** The chart of an approved generated configuration, with every file of it. */
async function chartOf(services: ApiServices, configId: string) {
  const config = await services.store.generatedConfigs.find(configId);
  if (!config) throw new NotFoundError(`generated configuration ${configId} not found`, { hint: 'list reviews' });
  const siblings = config.ai_command_id
    ? (await services.store.generatedConfigs.list({ ai_command_id: config.ai_command_id }, { page_size: 100 })).items
    : [];
  return chartOfConfigs(config, siblings);
}

const ReleaseRef = z.object({ cluster_id: z.uuid(), namespace: DnsLabel, release: DnsLabel });

/**
 * Delivery (seed 004 CI/CD): generated charts installed, upgraded and rolled back with helm as reviewed operations —
 * propose (helm template, server dry-run, diff), approve (an approver other than the proposer), apply (helm upgrade
 * --install rolled back on failure, rollout verification) — release history, and CI pipelines generated from a
 * project's files and validated against their CI system's schema.
 */
export const deliveryRouter = router({
  ...deliveryReleaseProcedures,
  ...deliveryRunProcedures,
  ...deliveryTestProcedures,
  proposeChart: procedureFor('OPERATOR')
    .meta({
      openapi: {
        method: 'POST',
        path: '/delivery/charts',
        tags: ['delivery'],
        protect: true,
        summary: 'Propose a chart release',
      },
    })
    .input(
      z.object({
        generated_config_id: z.uuid(),
        cluster_id: z.uuid(),
        namespace: DnsLabel,
        release: DnsLabel.optional(),
        values: z.record(z.string(), z.unknown()).default({}),
        timeout_seconds: z.number().int().min(1).max(3600).default(300),
      }),
    )
    .output(Operation)
    .mutation(async ({ ctx, input }) => {
      await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const chart = await chartOf(ctx.services, input.generated_config_id);
      const operation = await proposeChartRelease(await deps(ctx.services, input.cluster_id), {
        chart: chart.files,
        chartName: chart.chartName,
        release: input.release ?? chart.chartName,
        namespace: input.namespace,
        values: input.values,
        timeoutSeconds: input.timeout_seconds,
        configIds: chart.configs.map((c) => c.id),
        user: ctx.principal.user.username,
      });
      return redactOperation(operation);
    }),

  approveChart: procedureFor('APPROVER')
    .meta({
      openapi: {
        method: 'POST',
        path: '/delivery/charts/{id}/approve',
        tags: ['delivery'],
        protect: true,
        summary: 'Approve a chart release',
      },
    })
    .input(z.object({ id: z.uuid() }))
    .output(Operation)
    .mutation(async ({ ctx, input }) => {
      const op = await visibleChartOperation(ctx.services, ctx.principal, input.id);
      if (op.proposed_by === ctx.principal.user.username) {
        throw new NotAllowedError('you cannot approve a release you proposed yourself', {
          hint: 'ask another approver',
        });
      }
      return redactOperation(
        await approveChartRelease(await deps(ctx.services, op.cluster_id!), op.id, ctx.principal.user.username),
      );
    }),

  applyChart: procedureFor('OPERATOR')
    .meta({
      openapi: {
        method: 'POST',
        path: '/delivery/charts/{id}/apply',
        tags: ['delivery'],
        protect: true,
        summary: 'Install or upgrade an approved chart release',
      },
    })
    .input(z.object({ id: z.uuid() }))
    .output(Operation)
    .mutation(async ({ ctx, input }) => {
      const op = await visibleChartOperation(ctx.services, ctx.principal, input.id);
      const details = chartDetailsOf(op)!;
      const first = details.config_ids[0];
      if (!first) throw new ConflictError(`chart release ${op.id} names no chart`, { hint: 'propose it again' });
      const chart = await chartOf(ctx.services, first);
      const d = await deps(ctx.services, op.cluster_id!);
      const done = await applyChartRelease(d, op.id, chart.files, ctx.principal.user.username);
      if (done.state === 'APPLIED') {
        for (const c of chart.configs) {
          await ctx.services.store.generatedConfigs.transition(c.id, 'APPLIED');
          await ctx.services.store.audit.append({
            user_id: ctx.principal.user.username,
            action: 'generated_config.applied',
            target: `generated_config/${c.id}`,
            ai_tool: 'opspilot-generate',
            input_prompt: done.request,
            cluster_id: op.cluster_id,
            details: { from: 'APPROVED', to: 'APPLIED', file_path: c.file_path, notes: `operation ${done.id}` },
          });
        }
      }
      return redactOperation(done);
    }),

  rollbackChart: procedureFor('APPROVER')
    .meta({
      openapi: {
        method: 'POST',
        path: '/delivery/releases/rollback',
        tags: ['delivery'],
        protect: true,
        summary: 'Roll a release back',
      },
    })
    .input(ReleaseRef.extend({ revision: z.number().int().min(1).optional() }))
    .output(Operation)
    .mutation(async ({ ctx, input }) => {
      await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const op = await rollbackChartRelease(await deps(ctx.services, input.cluster_id), {
        release: input.release,
        namespace: input.namespace,
        revision: input.revision,
        user: ctx.principal.user.username,
      });
      return redactOperation(op);
    }),

  history: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'GET',
        path: '/delivery/releases/history',
        tags: ['delivery'],
        protect: true,
        summary: 'A release’s revisions',
      },
    })
    .input(ReleaseRef)
    .output(
      z.array(
        z.object({
          revision: z.number(),
          status: z.string(),
          chart: z.string(),
          app_version: z.string(),
          description: z.string(),
          updated: z.string(),
        }),
      ),
    )
    .query(async ({ ctx, input }) => {
      await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const h = await (await deps(ctx.services, input.cluster_id)).releaser.history(input.release, input.namespace);
      if (!h.ok) throw h.error;
      return h.value;
    }),

  generatePipeline: procedureFor('OPERATOR')
    .meta({
      openapi: {
        method: 'POST',
        path: '/delivery/pipelines',
        tags: ['delivery'],
        protect: true,
        summary: 'Generate a CI pipeline',
      },
    })
    .input(
      z.object({
        files: z
          .array(z.object({ path: z.string().min(1).max(1024), content: z.string().max(1_000_000) }))
          .min(1)
          .max(5000),
        ci: z.enum(['github', 'gitlab']),
        deploy: z.enum(['helm', 'kubectl']).default('helm'),
        name: DnsLabel.optional(),
        namespace: DnsLabel.default('default'),
        timeout_seconds: z.number().int().min(30).max(3600).default(300),
      }),
    )
    .output(
      z.object({
        path: z.string(),
        content: z.string(),
        valid: z.boolean(),
        problems: z.array(z.object({ path: z.string(), message: z.string() })),
        missing_dockerfiles: z.array(z.string()),
      }),
    )
    .mutation(async ({ input }) => {
      const r = generatePipeline(input.files, {
        ci: input.ci,
        deploy: input.deploy,
        namespace: input.namespace,
        timeoutSeconds: input.timeout_seconds,
        ...(input.name ? { name: input.name } : {}),
      });
      if (!r.ok) throw r.error;
      const problems = await validatePipeline(input.ci, r.value.file.content, r.value.file.path);
      return {
        path: r.value.file.path,
        content: r.value.file.content,
        valid: problems.length === 0,
        problems,
        missing_dockerfiles: r.value.missingDockerfiles,
      };
    }),
});
