import { z } from 'zod';
import { Duration, Timestamp } from '../common.js';
import { isInOrder } from './timeOrder.js';

/**
 * A time window given either absolutely, as `start` and `end`, or relative to now, as a `duration` such as `1h`
 * (seed 003 §8.2). Exactly one form must be used, so that nobody has to guess which one wins. Convert a duration
 * with `durationToMs`.
 */
export const TimeRange = z
  .object({ start: Timestamp.optional(), end: Timestamp.optional(), duration: Duration.optional() })
  .superRefine((range, ctx) => {
    const hasStart = range.start !== undefined;
    const hasEnd = range.end !== undefined;
    if (range.duration !== undefined) {
      if (hasStart || hasEnd) {
        ctx.addIssue({ code: 'custom', path: ['duration'], message: 'give start and end, or a duration, not both' });
      }
      return;
    }
    if (!hasStart && !hasEnd) {
      ctx.addIssue({ code: 'custom', path: [], message: 'give either start and end, or a duration such as 1h' });
    } else if (!hasStart || !hasEnd) {
      ctx.addIssue({ code: 'custom', path: [hasStart ? 'end' : 'start'], message: 'give start and end together' });
    } else if (!isInOrder(range.start, range.end)) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'start must not be after end' });
    }
  });
export type TimeRange = z.infer<typeof TimeRange>;
