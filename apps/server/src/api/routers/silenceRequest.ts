import { type Alert, Duration, durationToMs } from '@opspilot/core';
import { type PostableSilence, parseMatchers } from '@opspilot/observe';
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
