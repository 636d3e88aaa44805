import { NewSubscription } from '@opspilot/core';
import type { z } from 'zod';

/**
 * What a client sends on `/api/events`: a seed 003 §6.2 Subscription without the server-assigned fields (`id`,
 * `created_at`); `client_id` is optional (the server names the connection otherwise). Each message replaces the
 * connection's previous subscription.
 */
export const SubscribeMessage = NewSubscription.partial({ client_id: true }).strict();
export type SubscribeMessage = z.infer<typeof SubscribeMessage>;
