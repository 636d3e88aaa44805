import { z } from 'zod';

/**
 * One trace of Tempo's `GET /api/search` answer: hex trace id, root span's service and name, start in unix
 * nanoseconds (text), duration in milliseconds (missing when under 1 ms) and per-service span counts.
 * @see https://grafana.com/docs/tempo/latest/api_docs/#search
 */
export const TempoSearchTrace = z
  .object({
    traceID: z.string().min(1),
    rootServiceName: z.string().optional(),
    rootTraceName: z.string().optional(),
    startTimeUnixNano: z.union([z.string(), z.number()]),
    durationMs: z.number().optional(),
    /** Per service of the trace: its spans and how many of them failed (Tempo 2.2 and later). */
    serviceStats: z
      .record(z.string(), z.object({ spanCount: z.number().default(0), errorCount: z.number().default(0) }).loose())
      .optional(),
  })
  .loose();
export type TempoSearchTrace = z.infer<typeof TempoSearchTrace>;

/** Tempo's `GET /api/search` answer. */
export const TempoSearchResponse = z.object({ traces: z.array(TempoSearchTrace).default([]) }).loose();

/**
 * Tempo's `GET /api/traces/<id>` answer: OTLP/JSON resource spans under `batches` (v1), or under
 * `trace.resourceSpans` (`/api/v2/traces/<id>`); ids are base64 there.
 */
export const TempoTraceResponse = z
  .object({
    batches: z.array(z.unknown()).optional(),
    trace: z
      .object({ resourceSpans: z.array(z.unknown()).default([]) })
      .loose()
      .optional(),
  })
  .loose();
