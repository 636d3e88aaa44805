import { describe, expect, it } from 'vitest';
import { waterfallRows } from './waterfallRows.js';

const span = (id: string, parent: string | undefined, start: string, ms: number) => ({
  span_id: id,
  ...(parent ? { parent_span_id: parent } : {}),
  service_name: id,
  operation_name: 'op',
  start_time: start,
  duration_ms: ms,
  status: 'OK',
  tags: {},
});

describe('waterfallRows', () => {
  it('orders spans as a tree and places each on the trace timeline', () => {
    const rows = waterfallRows(
      [
        span('db', 'be', '2026-03-01T10:00:00.050Z', 25),
        span('be', 'fe', '2026-03-01T10:00:00.025Z', 50),
        span('fe', undefined, '2026-03-01T10:00:00.000Z', 100),
        span('cache', 'fe', '2026-03-01T10:00:00.010Z', 0),
      ],
      '2026-03-01T10:00:00.000Z',
      100,
    );
    expect(rows.map((r) => [r.span.span_id, r.depth, r.offsetPct, r.widthPct])).toEqual([
      ['fe', 0, 0, 100],
      ['cache', 1, 10, 0.5],
      ['be', 1, 25, 50],
      ['db', 2, 50, 25],
    ]);
  });

  it('treats a span whose parent was not received as a root', () => {
    const rows = waterfallRows([span('orphan', 'gone', '2026-03-01T10:00:00.000Z', 5)], '2026-03-01T10:00:00.000Z', 5);
    expect(rows).toEqual([expect.objectContaining({ depth: 0, offsetPct: 0, widthPct: 100 })]);
  });
});
