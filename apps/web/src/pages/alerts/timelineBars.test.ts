import { describe, expect, it } from 'vitest';
import { timelineBars } from './timelineBars.js';

const from = new Date('2026-03-01T09:00:00Z');
const to = new Date('2026-03-01T10:00:00Z');
const alert = (id: string, starts_at: string, ends_at?: string) => ({
  id,
  alertname: id,
  state: 'FIRING',
  severity: 'WARNING',
  starts_at,
  ends_at,
});

describe('timelineBars', () => {
  it('places alerts on the window, clipping and keeping firing ones open to its end', () => {
    const bars = timelineBars(
      [
        alert('a', '2026-03-01T09:15:00Z', '2026-03-01T09:30:00Z'),
        alert('b', '2026-03-01T08:00:00Z'),
        alert('c', '2026-03-01T07:00:00Z', '2026-03-01T08:00:00Z'),
        alert('d', '2026-03-01T09:59:59.900Z', '2026-03-01T10:00:00Z'),
      ],
      from,
      to,
    );
    expect(bars.map((b) => [b.alert.id, Math.round(b.left), Math.round(b.width), b.open])).toEqual([
      ['a', 25, 25, false],
      ['b', 0, 100, true],
      ['d', 100, 1, false],
    ]);
    expect(bars[2]?.width).toBe(0.5);
  });
});
