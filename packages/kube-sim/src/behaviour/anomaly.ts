import { z } from 'zod';
import { parseDuration } from './parseDuration.js';

const Duration = z.string().refine((v) => parseDuration(v) !== undefined, {
  message: 'expected a duration such as 30s, 5m or 1h30m',
});

/**
 * The kinds of anomaly a scenario can plant in running pods:
 * - `cpu-spike`: CPU use multiplied by `magnitude` (default 8), held at the container's CPU limit when it has one;
 * - `memory-leak`: memory use growing by `magnitude` MiB per minute (default 25) while active;
 * - `error-burst`: `magnitude` (default 0.4) of the application's requests fail with HTTP 500 and are logged as errors.
 */
export const AnomalyType = z.enum(['cpu-spike', 'memory-leak', 'error-burst']);
export type AnomalyType = z.infer<typeof AnomalyType>;

/**
 * A scheduled anomaly, written as a document of a scenario file:
 * @example
 * apiVersion: sim.opspilot.dev/v1
 * kind: Anomaly
 * metadata: { name: backend-cpu }
 * spec: { type: cpu-spike, namespace: todo, selector: { app: backend }, after: 5m, duration: 10m, every: 1h }
 */
export const Anomaly = z
  .object({
    apiVersion: z.literal('sim.opspilot.dev/v1'),
    kind: z.literal('Anomaly'),
    metadata: z.object({ name: z.string().min(1) }).loose(),
    spec: z
      .object({
        type: AnomalyType,
        namespace: z.string().min(1),
        /** Labels the affected pods carry (all pods of the namespace when empty). */
        selector: z.record(z.string(), z.string()).default({}),
        /** When it starts, counted from the moment the scenario is loaded. */
        after: Duration.default('0s'),
        /** How long it lasts; for ever when missing. */
        duration: Duration.optional(),
        /** Repeats with this period (needs `duration`, shorter than `every`). */
        every: Duration.optional(),
        magnitude: z.number().positive().optional(),
      })
      .strict()
      .refine((s) => !s.every || (s.duration && parseDuration(s.duration)! < parseDuration(s.every)!), {
        message: '`every` needs a `duration` shorter than it',
        path: ['every'],
      }),
  })
  .strict();
export type Anomaly = z.infer<typeof Anomaly>;

/** The default strength of each anomaly type. */
export const DEFAULT_MAGNITUDE: Record<AnomalyType, number> = {
  'cpu-spike': 8,
  'memory-leak': 25,
  'error-burst': 0.4,
};

/** Whether a scenario document is meant as an anomaly (so it is not sent to the API). */
export function isAnomalyDocument(value: unknown): boolean {
  const v = value as { apiVersion?: unknown } | null;
  return typeof v === 'object' && v !== null && v.apiVersion === 'sim.opspilot.dev/v1';
}
