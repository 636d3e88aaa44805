import { describe, expect, it } from 'vitest';
import { parseEventMessage } from './parseEventMessage.js';

const event = (n: number, event_type = 'GPU_UPDATE') => ({
  event_type,
  timestamp: '2026-01-01T00:00:00Z',
  payload: { n },
});

describe('parseEventMessage', () => {
  it('reads a single event, including types added later', () => {
    const events = parseEventMessage(JSON.stringify(event(0, 'operation.step')));
    expect(events.map((e) => e.event_type)).toEqual(['operation.step']);
    expect(events[0]?.payload).toEqual({ n: 0 });
  });

  it('reads a batch in order and skips elements that are not events', () => {
    const events = parseEventMessage(JSON.stringify([event(1), { nope: true }, event(2), 7, event(3)]));
    expect(events.map((e) => e.payload.n)).toEqual([1, 2, 3]);
    expect(parseEventMessage('[]')).toEqual([]);
  });

  it('ignores the subscription acknowledgement, error objects and junk', () => {
    expect(parseEventMessage(JSON.stringify({ id: 's1', client_id: 'x', created_at: 'now' }))).toEqual([]);
    expect(
      parseEventMessage(JSON.stringify({ id: 's1', client_id: 'x', created_at: 'now', batch: { max_delay_ms: 50 } })),
    ).toEqual([]);
    expect(parseEventMessage(JSON.stringify({ error_code: 'INPUT', message: 'bad' }))).toEqual([]);
    expect(parseEventMessage('{nope')).toEqual([]);
    expect(parseEventMessage(new ArrayBuffer(2))).toEqual([]);
  });
});
