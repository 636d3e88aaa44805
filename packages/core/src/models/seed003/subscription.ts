import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';
import { EventType } from './event.js';

/**
 * What a WebSocket client wants to receive (seed 003 §6.2), for the lifetime of its connection. Each empty
 * filter means everything; see `matchesSubscription` for how events are matched.
 */
export const Subscription = z.object({
  id: Uuid,
  client_id: z.string().min(1),
  event_types: z.array(EventType).default([]),
  cluster_filter: z.array(Uuid).default([]),
  namespace_filter: z.array(z.string().min(1)).default([]),
  created_at: Timestamp,
});
export type Subscription = z.infer<typeof Subscription>;

/** What a client sends to subscribe; the server assigns the id and the creation time. */
export const NewSubscription = Subscription.omit({ id: true, created_at: true });
export type NewSubscription = z.input<typeof NewSubscription>;
