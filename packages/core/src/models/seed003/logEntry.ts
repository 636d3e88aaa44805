import { z } from 'zod';
import { StringMap, Timestamp, Uuid } from '../common.js';

/**
 * One log line with its stream labels (seed 003 §3.8). The message is text from the cluster: untrusted data that
 * must be labelled as such before it reaches a prompt.
 */
export const LogEntry = z.object({
  cluster_id: Uuid.optional(),
  cluster_name: z.string().optional(),
  timestamp: Timestamp,
  stream: StringMap.default({}),
  message: z.string(),
});
export type LogEntry = z.infer<typeof LogEntry>;
