import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';

/**
 * Types of streamed events (seed 003 §6.1), plus opspilot's own lifecycle events
 * (plan state changes, new findings).
 */
export const EventType = z.enum([
  'CLUSTER_STATUS_CHANGED',
  'METRIC_UPDATE',
  'ALERT_FIRED',
  'ALERT_RESOLVED',
  'TRACE_RECEIVED',
  'GPU_UPDATE',
  'ANOMALY_DETECTED',
  'CHAT_MESSAGE',
  'PLAN_STATE_CHANGED',
  'FINDING_DETECTED',
]);
export type EventType = z.infer<typeof EventType>;

/** A real-time event; ephemeral, streamed only (seed 003 §6.1). */
export const Event = z.object({
  event_id: Uuid.optional(),
  event_type: EventType,
  cluster_id: Uuid.optional(),
  namespace: z.string().optional(),
  timestamp: Timestamp,
  payload: JsonObject.default({}),
});
export type Event = z.infer<typeof Event>;

/** What a WebSocket client wants to receive; empty filters mean everything (seed 003 §6.2). */
export const Subscription = z.object({
  id: Uuid,
  client_id: z.string().min(1),
  event_types: z.array(EventType).default([]),
  cluster_filter: z.array(Uuid).default([]),
  namespace_filter: z.array(z.string()).default([]),
  created_at: Timestamp,
});
export type Subscription = z.infer<typeof Subscription>;
