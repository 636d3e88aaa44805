import { describe, expect, it } from 'vitest';
import { mergeEvents } from './mergeEvents.js';

const at = (id: string | undefined, timestamp: string) => ({
  event_id: id,
  event_type: 'AUDIT_APPENDED',
  timestamp,
  payload: { action: id ?? 'x' },
});

describe('mergeEvents', () => {
  it('drops events seen in both lists and sorts newest first', () => {
    const merged = mergeEvents(
      [at('b', '2026-01-01T00:00:02Z')],
      [at('a', '2026-01-01T00:00:01Z'), at('b', '2026-01-01T00:00:02Z'), at('c', '2026-01-01T00:00:03Z')],
    );
    expect(merged.map((e) => e.event_id)).toEqual(['c', 'b', 'a']);
  });

  it('keeps distinct events without ids', () => {
    expect(mergeEvents([at(undefined, '2026-01-01T00:00:01Z')], [at(undefined, '2026-01-01T00:00:02Z')])).toHaveLength(
      2,
    );
  });
});
