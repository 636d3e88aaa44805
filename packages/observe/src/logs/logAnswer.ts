import { LogEntry } from '@opspilot/core';
import { z } from 'zod';

/** How one cluster fared in a log query. */
export const LogClusterStatus = z.object({
  cluster_id: z.string().optional(),
  cluster_name: z.string(),
  status: z.enum(['SUCCESS', 'PARTIAL', 'ERROR']),
  /** Streams (pod containers) read. */
  streams: z.number().int().min(0),
  error: z.string().optional(),
});
export type LogClusterStatus = z.infer<typeof LogClusterStatus>;

/**
 * The answer to a log query: the lines (at most `limit`, newest first for BACKWARD), whether more matched than
 * were returned, and how each cluster fared. `notes` say every limit that cut the answer, in words.
 */
export const LogAnswer = z.object({
  entries: z.array(LogEntry),
  limit: z.number().int(),
  truncated: z.boolean(),
  status: z.enum(['SUCCESS', 'PARTIAL', 'ERROR']),
  clusters: z.array(LogClusterStatus),
  notes: z.array(z.string()),
  source: z.enum(['kubernetes', 'loki']),
  /** A metric query's result (Loki only): labels and `[time, value]` points. */
  series: z
    .array(z.object({ labels: z.record(z.string(), z.string()), points: z.array(z.tuple([z.string(), z.number()])) }))
    .optional(),
});
export type LogAnswer = z.infer<typeof LogAnswer>;

/** The whole answer's status from its clusters': SUCCESS when all succeeded, ERROR when none did, else PARTIAL. */
export function overallStatus(clusters: LogClusterStatus[]): LogAnswer['status'] {
  if (clusters.length === 0 || clusters.every((c) => c.status === 'SUCCESS')) return 'SUCCESS';
  return clusters.every((c) => c.status === 'ERROR') ? 'ERROR' : 'PARTIAL';
}

/** Orders entries by time (newest first for BACKWARD) and keeps the first `limit`. */
export function orderAndLimit(
  entries: LogEntry[],
  direction: 'FORWARD' | 'BACKWARD',
  limit: number,
): { entries: LogEntry[]; truncated: boolean } {
  const sorted = [...entries].sort((a, b) =>
    direction === 'FORWARD' ? a.timestamp.localeCompare(b.timestamp) : b.timestamp.localeCompare(a.timestamp),
  );
  return { entries: sorted.slice(0, limit), truncated: sorted.length > limit };
}
