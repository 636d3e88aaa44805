import type { HealingAction } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { breakerTrips, holdBack, inMaintenanceWindow } from './healingGates.js';
import { HealingLimits } from './healingPolicy.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const ago = (s: number) => new Date(NOW.getTime() - s * 1000).toISOString();
let n = 0;
const action = (status: HealingAction['status'], secondsAgo: number, target = 'deployment/a/web'): HealingAction => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  rule_id: '00000000-0000-4000-8000-000000000000',
  trigger: 'RULE',
  target,
  status,
  dry_run: false,
  attempt: 1,
  result: {},
  created_at: ago(secondsAgo),
});
const limits = {
  ...HealingLimits.parse({ max_actions_per_window: 2, window_seconds: 3600 }),
  cooldown_seconds: 300,
  max_retries: 1,
};

describe('holdBack', () => {
  it('lets a first action through', () => {
    expect(holdBack({ rule: [], target: [] }, limits, NOW)).toBeUndefined();
  });
  it('holds a second trigger on the same object within the cooldown', () => {
    const a = action('SUCCEEDED', 100);
    expect(holdBack({ rule: [a], target: [a] }, limits, NOW)).toMatch(/^cooldown/);
  });
  it('holds once the window has its most actions, skips not counted', () => {
    const rule = [action('SUCCEEDED', 1000, 'x/a/1'), action('SKIPPED', 900, 'x/a/2'), action('FAILED', 800, 'x/a/3')];
    expect(holdBack({ rule, target: [] }, limits, NOW)).toMatch(/^rate limit: 2 actions in the last 3600s/);
  });
  it('holds after more failures in a row than the retries allow, and counts again after a success', () => {
    const failed = [action('FAILED', 1000), action('FAILED', 2000)];
    expect(holdBack({ rule: [], target: failed }, limits, NOW)).toMatch(/^attempts: 2 failed/);
    expect(
      holdBack({ rule: [], target: [action('FAILED', 1000), action('SUCCEEDED', 2000)] }, limits, NOW),
    ).toBeUndefined();
  });
});

describe('maintenance windows', () => {
  const windows = HealingLimits.parse({ maintenance_windows: [{ days: ['sat'], start: '22:00', end: '02:00' }] });
  it('holds a rule outside its windows, UTC, a window running past midnight included', () => {
    // NOW is Sunday 12:00 UTC.
    expect(holdBack({ rule: [], target: [] }, { ...windows, cooldown_seconds: 0, max_retries: 0 }, NOW)).toMatch(
      /^maintenance window: acts only sat 22:00-02:00 UTC/,
    );
    expect(inMaintenanceWindow(windows.maintenance_windows, new Date('2026-02-28T23:30:00Z'))).toBe(true);
    expect(inMaintenanceWindow(windows.maintenance_windows, new Date('2026-03-01T01:30:00Z'))).toBe(true);
    expect(inMaintenanceWindow(windows.maintenance_windows, new Date('2026-03-01T02:30:00Z'))).toBe(false);
  });
});

describe('breakerTrips', () => {
  const breaker = HealingLimits.parse({ breaker_failures: 2 });
  it('trips after the set number of failures in a row', () => {
    expect(breakerTrips([action('FAILED', 10), action('FAILED', 20)], breaker)).toMatch(/last 2 actions failed/);
    expect(breakerTrips([action('FAILED', 10), action('SUCCEEDED', 20)], breaker)).toBeUndefined();
  });
  it('trips a rule that rarely works, from what it learned', () => {
    const mostlyFailing = [1, 2, 3, 4, 5, 6].map((i) =>
      action(i === 1 ? 'FAILED' : i === 2 ? 'SUCCEEDED' : 'FAILED', i),
    );
    mostlyFailing[0] = action('SUCCEEDED', 0);
    expect(breakerTrips(mostlyFailing, HealingLimits.parse({ breaker_failures: 10 }))).toBeUndefined();
    const worse = [action('SUCCEEDED', 1), ...[2, 3, 4, 5, 6].map((i) => action('FAILED', i))];
    expect(breakerTrips(worse, HealingLimits.parse({ breaker_failures: 10 }))).toMatch(/^learning: 1 of 6/);
  });
});
