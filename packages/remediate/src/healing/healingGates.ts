import type { HealingAction } from '@opspilot/core';
import type { HealingLimits, MaintenanceWindow } from './healingPolicy.js';

/** When an action happened on the engine's clock (`started_at`; the store's `created_at` is wall time). */
const at = (a: HealingAction) => a.started_at ?? a.created_at;

/**
 * Why a rule holds back from acting on a target now, or undefined when it may act: an action on the same object
 * within the cooldown (two triggers give one action), the window already holding its most actions, or more failures
 * on the object in a row than the rule's retries allow.
 */
export function holdBack(
  history: { rule: HealingAction[]; target: HealingAction[] },
  limits: HealingLimits & { cooldown_seconds: number; max_retries: number },
  now: Date,
): string | undefined {
  if (limits.maintenance_windows.length > 0 && !inMaintenanceWindow(limits.maintenance_windows, now)) {
    return `maintenance window: acts only ${limits.maintenance_windows.map((w) => `${w.days.join(',')} ${w.start}-${w.end}`).join('; ')} UTC`;
  }
  const since = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();
  const cooldownFrom = since(limits.cooldown_seconds);
  const recent = history.target.find((a) => at(a) >= cooldownFrom && !isRefusalNote(a));
  if (recent) return `cooldown: acted on it at ${at(recent)} (${limits.cooldown_seconds}s)`;
  const windowFrom = since(limits.window_seconds);
  const inWindow = history.rule.filter((a) => a.status !== 'SKIPPED' && at(a) >= windowFrom).length;
  if (inWindow >= limits.max_actions_per_window) {
    return `rate limit: ${inWindow} actions in the last ${limits.window_seconds}s (at most ${limits.max_actions_per_window})`;
  }
  let failures = 0;
  for (const a of history.target) {
    if (a.status === 'SUCCEEDED') break;
    if (a.status === 'FAILED') failures++;
  }
  if (failures > limits.max_retries) {
    return `attempts: ${failures} failed actions on it in a row (1 + ${limits.max_retries} retries allowed)`;
  }
  return undefined;
}

/**
 * Whether an action is only the record of a refusal that must not itself hold the target back (a cooldown or a
 * concurrency refusal): the cooldown runs from the last action that acted or was held for another reason.
 */
export function isRefusalNote(a: HealingAction): boolean {
  const reason = String(a.result.reason ?? '');
  return a.status === 'SKIPPED' && (reason.startsWith('cooldown') || reason.startsWith('concurrency'));
}

/**
 * Whether a cooldown refusal on a target still needs recording: not when one was recorded since the last action that
 * counted (one history line per cooldown, not one per pass).
 */
export function cooldownNoted(target: HealingAction[]): boolean {
  for (const a of target) {
    if (!isRefusalNote(a)) return false;
    if (String(a.result.reason ?? '').startsWith('cooldown')) return true;
  }
  return false;
}

/**
 * Whether a rule's circuit breaker trips: its last `breaker_failures` actions (that acted) all failed, or it has run
 * at least five times with a success rate under 20% (it does not work). Returns the reason.
 */
export function breakerTrips(ruleActions: HealingAction[], limits: HealingLimits): string | undefined {
  const acted = ruleActions.filter((a) => (a.status === 'SUCCEEDED' || a.status === 'FAILED') && !a.dry_run);
  const last = acted.slice(0, limits.breaker_failures);
  if (last.length >= limits.breaker_failures && last.every((a) => a.status === 'FAILED')) {
    return `circuit breaker: the last ${limits.breaker_failures} actions failed`;
  }
  const succeeded = acted.filter((a) => a.status === 'SUCCEEDED').length;
  if (acted.length >= 5 && succeeded / acted.length < 0.2) {
    return `learning: ${succeeded} of ${acted.length} actions succeeded (under 20%)`;
  }
  return undefined;
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether `now` (UTC) falls in one of the windows; a window ending before it starts runs past midnight. */
export function inMaintenanceWindow(windows: MaintenanceWindow[], now: Date): boolean {
  const minute = now.getUTCHours() * 60 + now.getUTCMinutes();
  const today = DAYS[now.getUTCDay()]!;
  const yesterday = DAYS[(now.getUTCDay() + 6) % 7]!;
  return windows.some((w) => {
    const start = minutes(w.start);
    const end = minutes(w.end);
    if (start <= end) return w.days.includes(today) && minute >= start && minute < end;
    return (w.days.includes(today) && minute >= start) || (w.days.includes(yesterday) && minute < end);
  });
}
