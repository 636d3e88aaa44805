import { type Alert, Duration, durationToMs, InputError } from '@opspilot/core';
import type { PostableSilence } from '@opspilot/observe';
import { z } from 'zod';

/** What `alerts.silence` takes: a stored alert to silence (its labels become the matchers) or matchers of its own. */
export const SilenceInput = z
  .object({
    alert_id: z.uuid().optional(),
    /** `name=value`, `name!=value`, `name=~regex`, `name!~regex`. */
    matchers: z.array(z.string().min(3).max(1024)).max(50).default([]),
    duration: Duration.default('2h'),
    comment: z.string().trim().min(1, 'say why the alerts are silenced').max(1000),
  })
  .refine((s) => s.alert_id || s.matchers.length > 0, {
    message: 'give alert_id or at least one matcher',
    path: ['matchers'],
  });
export type SilenceInput = z.infer<typeof SilenceInput>;

const MATCHER = /^([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"?(.*?)"?$/;

/** Parses `name=value` style matchers as amtool writes them; an InputError names the first that is not one. */
export function parseMatchers(matchers: string[]): PostableSilence['matchers'] {
  return matchers.map((text) => {
    const m = MATCHER.exec(text.trim());
    if (!m) throw new InputError(`matcher "${text}" is not name=value, name!=value, name=~regex or name!~regex`);
    const op = m[2] as string;
    return { name: m[1] as string, value: m[3] as string, isRegex: op.includes('~'), isEqual: !op.startsWith('!') };
  });
}

/** The silence to create for `input`, starting now. */
export function silenceRequestOf(input: SilenceInput, alert: Alert | undefined, createdBy: string, now: Date) {
  const fromAlert = alert ? Object.entries(alert.labels).map(([name, value]) => `${name}=${value}`) : [];
  const matchers = [...fromAlert, ...input.matchers];
  const silence: PostableSilence = {
    matchers: parseMatchers(matchers),
    startsAt: now.toISOString(),
    endsAt: new Date(now.getTime() + durationToMs(input.duration)).toISOString(),
    createdBy,
    comment: input.comment,
  };
  return { silence, matchers };
}
