import { describe, expect, it } from 'vitest';
import { NewSubscription, Subscription } from './subscription.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';

describe('Subscription', () => {
  it('defaults every filter to empty, meaning everything', () => {
    expect(NewSubscription.parse({ client_id: 'ws-1' })).toEqual({
      client_id: 'ws-1',
      event_types: [],
      cluster_filter: [],
      namespace_filter: [],
    });
    expect(Subscription.safeParse({ id, client_id: 'ws-1', created_at: '2026-01-01T00:00:00Z' }).success).toBe(true);
  });

  it('accepts known event types, cluster ids and namespaces', () => {
    const sub = { client_id: 'ws-1', event_types: ['ALERT_FIRED'], cluster_filter: [id], namespace_filter: ['todo'] };
    expect(NewSubscription.parse(sub)).toEqual(sub);
  });

  it('refuses unknown event types, non-UUID clusters and a missing client', () => {
    expect(NewSubscription.safeParse({ client_id: 'ws-1', event_types: ['EVERYTHING'] }).success).toBe(false);
    expect(NewSubscription.safeParse({ client_id: 'ws-1', cluster_filter: ['prod-east-1'] }).success).toBe(false);
    expect(NewSubscription.safeParse({ client_id: '' }).success).toBe(false);
  });
});
