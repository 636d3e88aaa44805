import { Incident, IncidentAction, IncidentStatus, NotFoundError, RunbookExecution, Severity } from '@opspilot/core';
import { RootCauseAnalysis, renderMarkdown, Signal } from '@opspilot/incidents';
import { z } from 'zod';
import { canSeeCluster } from '../../auth/principal.js';
import { IncidentCharts, incidentCharts } from '../../incidents/incidentCharts.js';
import { incidentsOf } from '../../incidents/incidentServices.js';
import { BoolParam, IdInput, ListParam, NoInput, PageInput, pageOf } from '../apiSchemas.js';
import { procedureFor, router } from '../trpc.js';
import { visibleCluster } from '../visibleClusters.js';
import { commanderOf, Note, user, visibleIncident } from './incidentAccess.js';
import { incidentLifecycleProcedures } from './incidentLifecycleProcedures.js';
import { runbooksRouter } from './runbooksRouter.js';

const Execution = RunbookExecution.extend({ runbook_name: z.string() });
const PostMortem = z.object({ markdown: z.string(), html: z.string() });
const Detail = z.object({
  incident: Incident,
  timeline: z.array(IncidentAction),
  signals: z.array(Signal),
  analysis: RootCauseAnalysis.nullable(),
  executions: z.array(Execution),
  post_mortem: PostMortem,
});

/**
 * The incident commander (seed 004 `incidentCommander`): incidents correlated from alerts, anomalies and findings,
 * their lifecycle (acknowledge, mitigate, resolve, close, comment, assign — OPERATOR), root-cause analysis, runbooks
 * run through the operation lifecycle (steps approved by APPROVER), and post-mortems. Per-cluster grants apply.
 */
export const incidentsRouter = router({
  list: procedureFor('VIEWER')
    .meta({
      openapi: { method: 'GET', path: '/incidents', tags: ['incidents'], protect: true, summary: 'List incidents' },
    })
    .input(
      z.object({
        ...PageInput,
        status: ListParam(IncidentStatus),
        severity: ListParam(Severity),
        cluster_id: z.uuid().optional(),
        recurring: BoolParam.optional(),
      }),
    )
    .output(pageOf(Incident))
    .query(async ({ ctx, input }) => {
      const items: Incident[] = [];
      for (let page = 1; page <= 50; page++) {
        const found = await ctx.services.store.incidents.list(
          input.cluster_id ? { cluster_id: input.cluster_id } : {},
          { page, page_size: 100 },
        );
        items.push(
          ...found.items.filter(
            (i) =>
              (input.status.length === 0 || input.status.includes(i.status)) &&
              (input.severity.length === 0 || input.severity.includes(i.severity)) &&
              (input.recurring === undefined || (i.recurring ?? false) === input.recurring) &&
              (i.cluster_id ? canSeeCluster(ctx.principal, i.cluster_id) : ctx.principal.clusterIds === 'all'),
          ),
        );
        if (page >= found.total_pages) break;
      }
      return {
        items: items.slice((input.page - 1) * input.page_size, input.page * input.page_size),
        total: items.length,
        page: input.page,
        page_size: input.page_size,
        total_pages: Math.ceil(items.length / input.page_size),
      };
    }),

  get: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'GET',
        path: '/incidents/{id}',
        tags: ['incidents'],
        protect: true,
        summary: 'An incident with its timeline',
      },
    })
    .input(IdInput)
    .output(Detail)
    .query(async ({ ctx, input }) => {
      const incident = await visibleIncident(ctx.services, ctx.principal, input.id);
      const inc = incidentsOf(ctx.services);
      const commander = incident.cluster_id
        ? await inc.commanderFor(incident.cluster_id).catch(() => undefined)
        : undefined;
      return {
        incident,
        timeline: await inc.engine.timeline(incident.id),
        signals: (await inc.engine.signalsOf(incident.id)).map((h) => h.signal),
        analysis: (await commander?.latestAnalysis(incident.id)) ?? null,
        executions: (await commander?.executionsOf(incident.id)) ?? [],
        post_mortem: { markdown: incident.post_mortem ?? '', html: renderMarkdown(incident.post_mortem ?? '') },
      };
    }),

  charts: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'GET',
        path: '/incidents/{id}/charts',
        tags: ['incidents'],
        protect: true,
        summary: "The incident's signal series around its window, anomalies marked",
      },
    })
    .input(IdInput)
    .output(IncidentCharts)
    .query(async ({ ctx, input, signal }) => {
      const incident = await visibleIncident(ctx.services, ctx.principal, input.id);
      if (!incident.cluster_id) return { from: incident.detected_at, to: incident.detected_at, charts: [] };
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, incident.cluster_id);
      const inc = incidentsOf(ctx.services);
      const signals = (await inc.engine.signalsOf(incident.id)).map((h) => h.signal);
      const commander = await inc.commanderFor(cluster.id).catch(() => undefined);
      const analysis = await commander?.latestAnalysis(incident.id);
      return incidentCharts(ctx.services, cluster, incident, signals, analysis, signal);
    }),

  detect: procedureFor('OPERATOR')
    .meta({
      openapi: {
        method: 'POST',
        path: '/incidents/detect',
        tags: ['incidents'],
        protect: true,
        summary: 'Correlate live findings now',
      },
    })
    .input(NoInput)
    .output(z.object({ touched: z.array(Incident), resolved: z.array(Incident) }))
    .mutation(async ({ ctx }) => incidentsOf(ctx.services).observe()),

  correlate: procedureFor('OPERATOR')
    .meta({
      openapi: {
        method: 'POST',
        path: '/incidents/correlate',
        tags: ['incidents'],
        protect: true,
        summary: 'Correlate signals into incidents',
      },
    })
    .input(z.object({ signals: z.array(Signal).min(1).max(10_000) }))
    .output(z.array(Incident))
    .mutation(async ({ ctx, input }) => {
      for (const s of input.signals) {
        if (!canSeeCluster(ctx.principal, s.cluster_id))
          throw new NotFoundError(`cluster ${s.cluster_id ?? '(none)'} not found`, {
            hint: 'send signals of clusters you have access to',
          });
      }
      return incidentsOf(ctx.services).engine.ingest(input.signals);
    }),

  analyze: procedureFor('OPERATOR')
    .meta({
      openapi: {
        method: 'POST',
        path: '/incidents/{id}/analyze',
        tags: ['incidents'],
        protect: true,
        summary: 'Rank the causes',
      },
    })
    .input(IdInput)
    .output(RootCauseAnalysis)
    .mutation(async ({ ctx, input, signal }) => {
      const incident = await visibleIncident(ctx.services, ctx.principal, input.id);
      return (await commanderOf(ctx.services, incident)).analyze(incident.id, user(ctx.principal), signal);
    }),

  executeRunbook: procedureFor('OPERATOR')
    .meta({
      openapi: {
        method: 'POST',
        path: '/incidents/{id}/runbook',
        tags: ['incidents'],
        protect: true,
        summary: 'Run a runbook for the incident',
      },
    })
    .input(
      IdInput.extend({
        runbook: z.string().min(1).max(255).optional(),
        input: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
      }),
    )
    .output(RunbookExecution)
    .mutation(async ({ ctx, input }) => {
      const incident = await visibleIncident(ctx.services, ctx.principal, input.id);
      const commander = await commanderOf(ctx.services, incident);
      return commander.executeRunbook(incident.id, {
        user: user(ctx.principal),
        runbook: input.runbook,
        input: input.input,
      });
    }),

  approveStep: procedureFor('APPROVER')
    .meta({
      openapi: {
        method: 'POST',
        path: '/incidents/{id}/runbook/{execution_id}/approve',
        tags: ['incidents'],
        protect: true,
        summary: 'Approve the waiting step',
      },
    })
    .input(IdInput.extend({ execution_id: z.uuid(), confirmations: z.array(z.string().min(1)).default([]) }))
    .output(RunbookExecution)
    .mutation(async ({ ctx, input }) => {
      const incident = await visibleIncident(ctx.services, ctx.principal, input.id);
      const commander = await commanderOf(ctx.services, incident);
      return commander.runner.approve(input.execution_id, {
        user: user(ctx.principal),
        confirmations: input.confirmations,
      });
    }),

  rejectStep: procedureFor('APPROVER')
    .meta({
      openapi: {
        method: 'POST',
        path: '/incidents/{id}/runbook/{execution_id}/reject',
        tags: ['incidents'],
        protect: true,
        summary: 'Reject the waiting step',
      },
    })
    .input(IdInput.extend({ execution_id: z.uuid(), reason: Note }))
    .output(RunbookExecution)
    .mutation(async ({ ctx, input }) => {
      const incident = await visibleIncident(ctx.services, ctx.principal, input.id);
      const commander = await commanderOf(ctx.services, incident);
      return commander.runner.reject(input.execution_id, { user: user(ctx.principal), reason: input.reason });
    }),

  generatePostMortem: procedureFor('OPERATOR')
    .meta({
      openapi: {
        method: 'POST',
        path: '/incidents/{id}/postmortem',
        tags: ['incidents'],
        protect: true,
        summary: 'Generate the post-mortem',
      },
    })
    .input(IdInput)
    .output(PostMortem)
    .mutation(async ({ ctx, input }) => {
      const incident = await visibleIncident(ctx.services, ctx.principal, input.id);
      return (await commanderOf(ctx.services, incident)).generatePostMortem(incident.id, user(ctx.principal));
    }),

  postMortem: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'GET',
        path: '/incidents/{id}/postmortem',
        tags: ['incidents'],
        protect: true,
        summary: 'The post-mortem',
      },
    })
    .input(IdInput)
    .output(PostMortem)
    .query(async ({ ctx, input }) => {
      const incident = await visibleIncident(ctx.services, ctx.principal, input.id);
      return (await commanderOf(ctx.services, incident)).postMortem(incident.id);
    }),

  savePostMortem: procedureFor('OPERATOR')
    .meta({
      openapi: {
        method: 'PUT',
        path: '/incidents/{id}/postmortem',
        tags: ['incidents'],
        protect: true,
        summary: 'Save an edited post-mortem',
      },
    })
    .input(IdInput.extend({ markdown: z.string().min(1).max(200_000) }))
    .output(PostMortem)
    .mutation(async ({ ctx, input }) => {
      const incident = await visibleIncident(ctx.services, ctx.principal, input.id);
      return (await commanderOf(ctx.services, incident)).savePostMortem(
        incident.id,
        input.markdown,
        user(ctx.principal),
      );
    }),

  ...incidentLifecycleProcedures,
  runbooks: runbooksRouter,
});
