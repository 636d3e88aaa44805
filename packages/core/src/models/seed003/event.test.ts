import { describe, expect, it } from 'vitest';
import { Event } from './event.js';

const event = { event_type: 'ALERT_FIRED', timestamp: '2026-01-01T00:00:00Z' };

describe('Event', () => {
  it('needs only a type and a timestamp, and defaults to an empty payload', () => {
    expect(Event.parse(event)).toEqual({ ...event, payload: {} });
  });

  it.each(['CLUSTER_STATUS_CHANGED', 'CHAT_MESSAGE', 'PLAN_STATE_CHANGED', 'FINDING_DETECTED'])(
    'accepts the type %s',
    (event_type) => {
      expect(Event.safeParse({ ...event, event_type }).success).toBe(true);
    },
  );

  it('refuses an unknown or lower-case type and a missing timestamp', () => {
    expect(Event.safeParse({ ...event, event_type: 'alert_fired' }).success).toBe(false);
    expect(Event.safeParse({ ...event, event_type: 'POD_DELETED' }).success).toBe(false);
    expect(Event.safeParse({ event_type: 'ALERT_FIRED' }).success).toBe(false);
  });

  it('requires UUID ids and an object payload', () => {
    expect(Event.safeParse({ ...event, cluster_id: 'prod-east-1' }).success).toBe(false);
    expect(Event.safeParse({ ...event, event_id: 'e1' }).success).toBe(false);
    expect(Event.safeParse({ ...event, payload: 'fired' }).success).toBe(false);
  });
});
