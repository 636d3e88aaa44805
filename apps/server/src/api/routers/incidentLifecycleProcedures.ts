import { Incident, IncidentAction } from '@opspilot/core';
import { z } from 'zod';
import { incidentsOf } from '../../incidents/incidentServices.js';
import { IdInput } from '../apiSchemas.js';
import { procedureFor } from '../trpc.js';
import { Note, user, visibleIncident } from './incidentAccess.js';

/**
 * The lifecycle of an incident (OPERATOR): acknowledge (taking ownership), mitigate, resolve (with its root cause),
 * close, reopen, comment and assign an owner — each on the timeline, audited and announced by the engine.
 */
export const incidentLifecycleProcedures = {
  acknowledge: lifecycle('acknowledge', 'ack', 'Acknowledge (take ownership)'),
  mitigate: lifecycle('mitigate', 'mitigate', 'Mark mitigated'),
  resolve: procedureFor('OPERATOR')
    .meta({
      openapi: {
        method: 'POST',
        path: '/incidents/{id}/resolve',
        tags: ['incidents'],
        protect: true,
        summary: 'Resolve',
      },
    })
    .input(IdInput.extend({ note: Note, root_cause: z.string().max(2000).optional() }))
    .output(Incident)
    .mutation(async ({ ctx, input }) => {
      await visibleIncident(ctx.services, ctx.principal, input.id);
      return incidentsOf(ctx.services).engine.resolve(input.id, {
        user: user(ctx.principal),
        note: input.note,
        root_cause: input.root_cause,
      });
    }),
  close: lifecycle('close', 'close', 'Close a resolved incident'),
  reopen: lifecycle('reopen', 'reopen', 'Reopen a resolved incident'),

  comment: procedureFor('OPERATOR')
    .meta({
      openapi: {
        method: 'POST',
        path: '/incidents/{id}/comments',
        tags: ['incidents'],
        protect: true,
        summary: 'Comment',
      },
    })
    .input(IdInput.extend({ text: z.string().min(1).max(10_000) }))
    .output(IncidentAction)
    .mutation(async ({ ctx, input }) => {
      await visibleIncident(ctx.services, ctx.principal, input.id);
      return incidentsOf(ctx.services).engine.comment(input.id, { user: user(ctx.principal), text: input.text });
    }),

  assign: procedureFor('OPERATOR')
    .meta({
      openapi: {
        method: 'POST',
        path: '/incidents/{id}/owner',
        tags: ['incidents'],
        protect: true,
        summary: 'Assign an owner',
      },
    })
    .input(IdInput.extend({ owner: z.string().min(1).max(255) }))
    .output(Incident)
    .mutation(async ({ ctx, input }) => {
      await visibleIncident(ctx.services, ctx.principal, input.id);
      return incidentsOf(ctx.services).engine.assign(input.id, { user: user(ctx.principal), owner: input.owner });
    }),
};

function lifecycle(method: 'acknowledge' | 'mitigate' | 'close' | 'reopen', path: string, summary: string) {
  return procedureFor('OPERATOR')
    .meta({ openapi: { method: 'POST', path: `/incidents/{id}/${path}`, tags: ['incidents'], protect: true, summary } })
    .input(IdInput.extend({ note: Note }))
    .output(Incident)
    .mutation(async ({ ctx, input }) => {
      await visibleIncident(ctx.services, ctx.principal, input.id);
      return incidentsOf(ctx.services).engine[method](input.id, { user: user(ctx.principal), note: input.note });
    });
}
