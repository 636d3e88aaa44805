import { describe, expect, it } from 'vitest';
import { parseEventMessage } from './parseEventMessage.js';

describe('parseEventMessage', () => {
  it('reads an event, including types added later', () => {
    const event = parseEventMessage(
      JSON.stringify({ event_type: 'operation.step', timestamp: '2026-01-01T00:00:00Z', payload: { index: 0 } }),
    );
    expect(event?.event_type).toBe('operation.step');
    expect(event?.payload).toEqual({ index: 0 });
  });

  it('ignores the subscription acknowledgement, error objects and junk', () => {
    expect(parseEventMessage(JSON.stringify({ id: 's1', client_id: 'x', created_at: 'now' }))).toBeUndefined();
    expect(parseEventMessage(JSON.stringify({ error_code: 'INPUT', message: 'bad' }))).toBeUndefined();
    expect(parseEventMessage('{nope')).toBeUndefined();
    expect(parseEventMessage(new ArrayBuffer(2))).toBeUndefined();
  });
});
