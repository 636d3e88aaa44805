import { describe, expect, it } from 'vitest';
import { operationEvents } from './operationEvents.js';

const event = (type: string, payload: Record<string, unknown>, timestamp: string) => ({
  event_type: type,
  timestamp,
  payload,
});

describe('operationEvents', () => {
  it('keeps the state changes and operation events of one operation, oldest first', () => {
    const events = [
      event('PLAN_STATE_CHANGED', { operation_id: 'a', state: 'APPLIED' }, '4'),
      event('operation.applied', { operation_id: 'a' }, '3'),
      event('operation.step', { operation_id: 'b' }, '2'),
      event('AUDIT_APPENDED', { operation_id: 'a' }, '2'),
      event('operation.applying', { id: 'a' }, '1'),
    ];
    expect(operationEvents(events, 'a').map((e) => e.event_type)).toEqual([
      'operation.applying',
      'operation.applied',
      'PLAN_STATE_CHANGED',
    ]);
  });
});
