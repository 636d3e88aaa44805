import { CiProvider, CiRun, DeploymentRecord, NotFoundError, PipelineRunStatus, TestReport } from '@opspilot/core';
import { doraReport, listAll, recordDeployments } from '@opspilot/delivery';
import { z } from 'zod';
import { canSeeCluster } from '../../auth/principal.js';
import { IdInput } from '../apiSchemas.js';
import { audit, procedureFor } from '../trpc.js';
import { namedVisibleCluster, visibleCluster, visibleClusters } from '../visibleClusters.js';

const Page = { page: z.number().int().min(1).default(1), page_size: z.number().int().min(1).max(100).default(20) };
const Hex = z.string().regex(/^[0-9a-f]{7,64}$/);
const SourceName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
  .default('default');

const DoraFiguresOut = z.object({
  key: z.string(),
  namespace: z.string(),
  service: z.string().optional(),
  deployments: z.number(),
  rollbacks: z.number(),
  deployments_per_day: z.number(),
  lead_time_hours: z.object({ median: z.number().nullable(), p90: z.number().nullable(), samples: z.number() }),
  change_failure_rate: z.number().nullable(),
  failed_deployments: z.number(),
  time_to_restore_hours: z.object({ median: z.number().nullable(), samples: z.number(), open_incidents: z.number() }),
});

const SecretInfo = z.object({
  provider: CiProvider,
  name: z.string(),
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});

/**
 * Run tracking procedures of the delivery router: pipeline runs reported by CI webhooks, the deployments seen on the
 * clusters and linked to them, DORA metrics, and the webhook secrets (sealed; never returned).
 */
export const deliveryRunProcedures = {
  runs: procedureFor('VIEWER')
    .meta({
      openapi: { method: 'GET', path: '/delivery/runs', tags: ['delivery'], protect: true, summary: 'Pipeline runs' },
    })
    .input(
      z.object({
        provider: CiProvider.optional(),
        repository: z.string().min(1).max(255).optional(),
        pipeline: z.string().min(1).max(255).optional(),
        status: PipelineRunStatus.optional(),
        commit: Hex.optional(),
        ...Page,
      }),
    )
    .output(
      z.object({
        items: z.array(CiRun),
        total: z.number(),
        page: z.number(),
        page_size: z.number(),
        total_pages: z.number(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const { page, page_size, commit, ...filter } = input;
      return ctx.services.store.ciRuns.list(
        { ...filter, ...(commit ? { commit_sha: { gte: commit, lt: `${commit}g` } } : {}) },
        { page, page_size },
      );
    }),

  run: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'GET',
        path: '/delivery/runs/{id}',
        tags: ['delivery'],
        protect: true,
        summary: 'A run, its deployments and test reports',
      },
    })
    .input(IdInput)
    .output(
      z.object({
        run: CiRun,
        jobs: z.array(CiRun),
        deployments: z.array(DeploymentRecord),
        test_reports: z.array(TestReport),
      }),
    )
    .query(async ({ ctx, input }) => {
      const store = ctx.services.store;
      const run = await store.ciRuns.find(input.id);
      if (!run) throw new NotFoundError(`pipeline run ${input.id} not found`, { hint: 'list runs with delivery.runs' });
      const deployments = (await listAll(store.deploymentRecords, { run_id: run.id }, 200)).filter((d) =>
        canSeeCluster(ctx.principal, d.cluster_id),
      );
      return {
        run,
        jobs: await listAll(store.ciRuns, { parent_key: run.run_key }, 200),
        deployments,
        test_reports: await listAll(store.testReports, { run_id: run.id }, 100),
      };
    }),

  deployments: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'GET',
        path: '/delivery/deployments',
        tags: ['delivery'],
        protect: true,
        summary: 'Deployments seen on clusters',
      },
    })
    .input(
      z.object({
        cluster_id: z.uuid().optional(),
        namespace: z.string().min(1).max(253).optional(),
        service: z.string().min(1).max(253).optional(),
        ...Page,
      }),
    )
    .output(
      z.object({
        items: z.array(DeploymentRecord),
        total: z.number(),
        page: z.number(),
        page_size: z.number(),
        total_pages: z.number(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const { page, page_size, ...filter } = input;
      if (filter.cluster_id) await visibleCluster(ctx.services.store, ctx.principal, filter.cluster_id);
      else if (ctx.principal.clusterIds !== 'all') {
        const [only] = await visibleClusters(ctx.services.store, ctx.principal);
        if (!only) return { items: [], total: 0, page, page_size, total_pages: 0 };
        filter.cluster_id = only.id;
      }
      return ctx.services.store.deploymentRecords.list(filter, { page, page_size });
    }),

  syncDeployments: procedureFor('OPERATOR')
    .meta({
      openapi: {
        method: 'POST',
        path: '/delivery/deployments/sync',
        tags: ['delivery'],
        protect: true,
        summary: 'Record the rollouts of a cluster now',
      },
    })
    .input(z.object({ cluster_id: z.uuid(), namespace: z.string().min(1).max(253).optional() }))
    .output(z.array(DeploymentRecord))
    .mutation(async ({ ctx, input }) => {
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const made = await recordDeployments(
        {
          gateway: await ctx.services.gateways.get(cluster.id),
          records: ctx.services.store,
          clusterId: cluster.id,
          now: () => ctx.services.clock.now(),
          events: ctx.services.bus,
        },
        input.namespace ? { namespace: input.namespace } : {},
      );
      if (made.length > 0) {
        await audit(ctx, {
          action: 'delivery.deployments.recorded',
          target: `cluster/${cluster.name}`,
          cluster_id: cluster.id,
          details: {
            deployments: made.map((d) => `${d.namespace}/${d.workload}`),
            linked: made.filter((d) => d.run_id).length,
          },
        });
      }
      return made;
    }),

  dora: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'GET',
        path: '/delivery/dora',
        tags: ['delivery'],
        protect: true,
        summary: 'DORA metrics per service or namespace',
      },
    })
    .input(
      z.object({
        cluster_id: z.uuid().optional(),
        /** A registered cluster by name (or id); unknown: 404 naming the registered clusters. */
        cluster: z
          .string()
          .min(1)
          .max(253)
          .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'a cluster name or id')
          .optional(),
        namespace: z.string().min(1).max(253).optional(),
        service: z.string().min(1).max(253).optional(),
        days: z.number().int().min(1).max(365).default(30),
        to: z.iso.datetime().optional(),
        group_by: z.enum(['service', 'namespace']).default('service'),
      }),
    )
    .output(
      z.object({
        from: z.string(),
        to: z.string(),
        group_by: z.enum(['service', 'namespace']),
        groups: z.array(DoraFiguresOut),
      }),
    )
    .query(async ({ ctx, input }) => {
      const to = input.to ? new Date(input.to) : ctx.services.clock.now();
      const clusterIds = input.cluster
        ? [(await namedVisibleCluster(ctx.services.store, ctx.principal, input.cluster)).id]
        : input.cluster_id
          ? [(await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id)).id]
          : ctx.principal.clusterIds === 'all'
            ? undefined
            : (await visibleClusters(ctx.services.store, ctx.principal)).map((c) => c.id);
      return doraReport(ctx.services.store, {
        from: new Date(to.getTime() - input.days * 86_400_000),
        to,
        groupBy: input.group_by,
        ...(clusterIds ? { clusterIds } : {}),
        ...(input.namespace ? { namespace: input.namespace } : {}),
        ...(input.service ? { service: input.service } : {}),
      });
    }),

  webhookSecrets: procedureFor('ADMIN')
    .meta({
      openapi: {
        method: 'GET',
        path: '/delivery/webhook-secrets',
        tags: ['delivery'],
        protect: true,
        summary: 'CI webhook sources (never their secrets)',
      },
    })
    .input(z.object({}))
    .output(z.array(SecretInfo))
    .query(async ({ ctx }) => ctx.services.store.webhookSecrets.list()),

  setWebhookSecret: procedureFor('ADMIN')
    .meta({
      openapi: {
        method: 'POST',
        path: '/delivery/webhook-secrets',
        tags: ['delivery'],
        protect: true,
        summary: 'Set a CI webhook secret',
      },
    })
    .input(z.object({ provider: CiProvider, name: SourceName, secret: z.string().min(16).max(512) }))
    .output(SecretInfo)
    .mutation(async ({ ctx, input }) => {
      const saved = await ctx.services.store.webhookSecrets.set(
        input.provider,
        input.name,
        input.secret,
        ctx.principal.user.username,
      );
      await audit(ctx, {
        action: 'delivery.webhook_secret.set',
        target: `webhook/${input.provider.toLowerCase()}/${input.name}`,
        details: {},
      });
      return saved;
    }),
};
