import { z } from 'zod';

/**
 * A list setting: an array in a file, or a comma-separated string in the environment (items trimmed, empty ones
 * dropped), each item checked by `item`; `error` names what was expected when it is neither.
 */
export const commaList = <T extends z.ZodType>(item: T, error: string) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item, { error }),
  );
