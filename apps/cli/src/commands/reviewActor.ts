import { userInfo } from 'node:os';

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
