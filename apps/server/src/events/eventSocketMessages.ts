import { NewSubscription } from '@opspilot/core';
import { z } from 'zod';

/** Bounds of `batch.max_delay_ms`: below a few milliseconds batching saves little; above a second it is not live. */
export const BATCH_DELAY_MS = { min: 1, max: 1_000 } as const;

/**
 * The opt-in batched delivery of a subscription: the server collects the matching events for at most
 * `max_delay_ms` after the first one and sends them as one WebSocket message holding a JSON array of events,
 * in publish order. 20–50 ms suits dashboards and cuts the server's per-message work by that factor on busy streams.
 */
export const BatchOption = z
  .object({ max_delay_ms: z.number().int().min(BATCH_DELAY_MS.min).max(BATCH_DELAY_MS.max) })
  .strict();
export type BatchOption = z.infer<typeof BatchOption>;

/**
 * What a client sends on `/api/events`: a seed 003 §6.2 Subscription without the server-assigned fields (`id`,
 * `created_at`); `client_id` is optional (the server names the connection otherwise), and `batch` opts in to
 * arrays of events ({@link BatchOption}; without it every event is its own message, as before). Each message
 * replaces the connection's previous subscription.
 */
export const SubscribeMessage = NewSubscription.partial({ client_id: true })
  .extend({ batch: BatchOption.optional() })
  .strict();
export type SubscribeMessage = z.infer<typeof SubscribeMessage>;
