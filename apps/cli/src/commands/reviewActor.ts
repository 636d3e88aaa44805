import { userInfo } from 'node:os';
import { InputError, Uuid } from '@opspilot/core';
import { z } from 'zod';

/**
 * Who is acting, for the audit log: `--user`, else `OPSPILOT_USER`, else the operating-system user name, else
 * `unknown`.
 */
export function reviewActor(option: string | undefined, env: Record<string, string | undefined>): string {
  if (option?.trim()) return option.trim();
  if (env.OPSPILOT_USER?.trim()) return env.OPSPILOT_USER.trim();
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Checks a configuration id given on the command line (a UUID), so a typo is an InputError with a hint rather
 * than a database lookup.
 */
export function reviewConfigId(id: string): string {
  const parsed = Uuid.safeParse(id.trim());
  if (!parsed.success) {
    throw new InputError(`"${id}" is not a configuration id`, {
      hint: 'ids are UUIDs; list them with opspilot review list',
    });
  }
  return parsed.data;
}

/** The options of a review decision, as commander hands them over. */
export const ReviewOptions = z.object({
  notes: z.string().optional(),
  user: z.string().optional(),
  file: z.string().min(1).optional(),
});
