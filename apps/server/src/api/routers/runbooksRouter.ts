import { Runbook, RunbookExecution, RunbookVersion } from '@opspilot/core';
import { RunbookDocument } from '@opspilot/incidents';
import { z } from 'zod';
import { incidentsOf } from '../../incidents/incidentServices.js';
import { PageInput, pageOf } from '../apiSchemas.js';
import { procedureFor, router } from '../trpc.js';
import { visibleCluster } from '../visibleClusters.js';

const NameInput = z.object({ name: z.string().min(1).max(255) });

/**
 * Runbooks as versioned YAML: listed and read by VIEWER, saved (validated; problems name their lines) by OPERATOR,
 * run by hand against a cluster by OPERATOR (each change still waits for an approver in review).
 */
export const runbooksRouter = router({
  list: procedureFor('VIEWER')
    .meta({
      openapi: { method: 'GET', path: '/runbooks', tags: ['runbooks'], protect: true, summary: 'List runbooks' },
    })
    .input(z.object(PageInput))
    .output(pageOf(Runbook))
    .query(async ({ ctx, input }) => {
      const incidents = incidentsOf(ctx.services);
      await incidents.ready();
      return incidents.library.list(input);
    }),

  get: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'GET',
        path: '/runbooks/{name}',
        tags: ['runbooks'],
        protect: true,
        summary: 'A runbook with its YAML',
      },
    })
    .input(NameInput)
    .output(
      z.object({
        runbook: Runbook,
        version: z.number().int(),
        source: z.string(),
        document: RunbookDocument,
        versions: z.array(RunbookVersion),
      }),
    )
    .query(async ({ ctx, input }) => {
      const incidents = incidentsOf(ctx.services);
      await incidents.ready();
      const library = incidents.library;
      const loaded = await library.load(input.name);
      return {
        runbook: loaded.runbook,
        version: loaded.version,
        source: loaded.source,
        document: loaded.document,
        versions: await library.versions(input.name),
      };
    }),

  save: procedureFor('OPERATOR')
    .meta({
      openapi: {
        method: 'PUT',
        path: '/runbooks',
        tags: ['runbooks'],
        protect: true,
        summary: 'Save a runbook from YAML',
      },
    })
    .input(z.object({ source: z.string().min(1).max(200_000) }))
    .output(z.object({ runbook: Runbook, version: z.number().int() }))
    .mutation(async ({ ctx, input }) => {
      const incidents = incidentsOf(ctx.services);
      await incidents.ready();
      const saved = await incidents.library.save(input.source, ctx.principal.user.username);
      return { runbook: saved.runbook, version: saved.version };
    }),

  run: procedureFor('OPERATOR')
    .meta({
      openapi: {
        method: 'POST',
        path: '/runbooks/{name}/run',
        tags: ['runbooks'],
        protect: true,
        summary: 'Run a runbook by hand',
      },
    })
    .input(
      NameInput.extend({
        cluster_id: z.uuid(),
        input: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
      }),
    )
    .output(RunbookExecution)
    .mutation(async ({ ctx, input }) => {
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const commander = await incidentsOf(ctx.services).commanderFor(cluster.id);
      return commander.runner.start({ runbook: input.name, input: input.input, user: ctx.principal.user.username });
    }),
});
