import { type Alert, InputError } from '@opspilot/core';
import { type PostableSilence, parseMatchers } from '@opspilot/observe';

/** A kubectl-style age: `45s`, `12m`, `3h`, `2d`. */
export function ageOf(since: string, now: Date): string {
  const s = Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 1000));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  if (s < 172_800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86_400)}d`;
}

/** A duration in seconds as people read it: `45s`, `12m 5s`, `3h 20m`, `2d 4h`. */
export function durationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}

/** The silence for a stored alert (its labels) and/or `matchers` in amtool's syntax, from `now` for `ms`. */
export function silenceOf(alert: Alert | undefined, matchers: string[], ms: number, comment: string, now: Date) {
  const all = [...Object.entries(alert?.labels ?? {}).map(([k, v]) => `${k}=${v}`), ...matchers];
  if (all.length === 0)
    throw new InputError('nothing to silence', { hint: 'give an alert id or --matcher name=value' });
  const silence: PostableSilence = {
    matchers: parseMatchers(all),
    startsAt: now.toISOString(),
    endsAt: new Date(now.getTime() + ms).toISOString(),
    createdBy: 'opspilot-cli',
    comment,
  };
  return { silence, matchers: all };
}
