import { describe, expect, it } from 'vitest';
import { type AlertTransition, alertFirings } from './alertFirings.js';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 15, 10, minute)).toISOString();
const t = (state: AlertTransition['state'], start: number, end?: number): AlertTransition => ({
  state,
  starts_at: at(start),
  ...(end === undefined ? {} : { ends_at: at(end) }),
  recorded_at: at(end ?? start),
});

describe('alertFirings', () => {
  it('turns fire, resolve and re-fire into numbered firings with durations, the last one open', () => {
    expect(
      alertFirings([t('FIRING', 0), t('RESOLVED', 0, 5), t('FIRING', 20), t('RESOLVED', 20, 50), t('FIRING', 55)]),
    ).toEqual([
      { number: 1, started_at: at(0), ended_at: at(5), duration_seconds: 300, state: 'RESOLVED' },
      { number: 2, started_at: at(20), ended_at: at(50), duration_seconds: 1800, state: 'RESOLVED' },
      { number: 3, started_at: at(55), state: 'FIRING' },
    ]);
  });

  it('closes a firing at the next start when no resolve came, and ignores PENDING', () => {
    expect(alertFirings([t('PENDING', 0), t('FIRING', 1), t('FIRING', 10)])).toEqual([
      { number: 1, started_at: at(1), ended_at: at(10), duration_seconds: 540, state: 'RESOLVED' },
      { number: 2, started_at: at(10), state: 'FIRING' },
    ]);
  });

  it('counts an alert first heard of as resolved as one closed firing, once', () => {
    expect(alertFirings([t('RESOLVED', 0, 3), t('RESOLVED', 0, 3)])).toEqual([
      { number: 1, started_at: at(0), ended_at: at(3), duration_seconds: 180, state: 'RESOLVED' },
    ]);
    expect(alertFirings([])).toEqual([]);
  });
});
