import { z } from 'zod';
import { StringMap, Timestamp, Uuid } from '../common.js';

/** A LogQL query across clusters (seed 003 §3.7); limit 1 to 5000 (seed 003 §10). */
export const LogQuery = z.object({
  cluster_ids: z.array(Uuid).default([]),
  query: z.string().trim().min(1, 'must be a LogQL expression'),
  start_time: Timestamp.optional(),
  end_time: Timestamp.optional(),
  limit: z.number().int().min(1).max(5000).default(100),
  direction: z.enum(['FORWARD', 'BACKWARD']).default('BACKWARD'),
});
export type LogQuery = z.infer<typeof LogQuery>;

/** One log line with its stream labels (seed 003 §3.8). */
export const LogEntry = z.object({
  cluster_id: Uuid.optional(),
  cluster_name: z.string().optional(),
  timestamp: Timestamp,
  stream: StringMap.default({}),
  message: z.string(),
});
export type LogEntry = z.infer<typeof LogEntry>;
