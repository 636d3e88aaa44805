import { InputError } from '@opspilot/core';
import type { z } from 'zod';

/**
 * Parses caller input with a zod schema; on failure throws an InputError naming every bad field, so the HTTP and CLI
 * edges can show the user what to correct.
 */
export function parseInput<V>(schema: z.ZodType<V, unknown>, value: unknown, noun: string): V {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`);
  throw new InputError(`invalid ${noun}: ${problems.join('; ')}`, {
    hint: 'correct the fields named above',
    details: { issues: result.error.issues },
  });
}
