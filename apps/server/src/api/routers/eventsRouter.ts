import { Event, type EventFilter, EventType } from '@opspilot/core';
import { z } from 'zod';
import { canSeeEvent } from '../../events/canSeeEvent.js';
import { ListParam } from '../apiSchemas.js';
import { procedureFor, router } from '../trpc.js';

/**
 * Recent live events (the last few hundred seen by this server), filtered like a WebSocket subscription
 * (seed 003 §6.2) and by the caller's clusters. For a live stream use the WebSocket `/api/events`.
 */
export const eventsRouter = router({
  recent: procedureFor('VIEWER')
    .meta({
      openapi: { method: 'GET', path: '/events/recent', tags: ['events'], protect: true, summary: 'Recent events' },
    })
    .input(
      z.object({
        event_types: ListParam(EventType),
        cluster_filter: ListParam(z.uuid()),
        namespace_filter: ListParam(z.string().min(1)),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
    )
    .output(z.object({ items: z.array(Event) }))
    .query(({ ctx, input }) => {
      const { limit, ...filter } = input;
      const visible = ctx.services.recent
        .list(filter as EventFilter, 500)
        .filter((event) => canSeeEvent(ctx.principal, event))
        .slice(0, limit);
      return { items: visible };
    }),
});
