import { z } from 'zod';
import { Duration, Timestamp } from '../common.js';

/**
 * A time window: either `start` and `end`, or a relative `duration` such as `1h` (seed 003 §8.2).
 */
export const TimeRange = z
  .object({ start: Timestamp.optional(), end: Timestamp.optional(), duration: Duration.optional() })
  .refine((r) => r.duration !== undefined || (r.start !== undefined && r.end !== undefined), {
    message: 'give either start and end, or a duration such as 1h',
  })
  .refine((r) => r.start === undefined || r.end === undefined || Date.parse(r.start) <= Date.parse(r.end), {
    message: 'start must not be after end',
    path: ['end'],
  });
export type TimeRange = z.infer<typeof TimeRange>;
