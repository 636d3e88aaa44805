import { describe, expect, it } from 'vitest';
import type { Event } from '../models/seed003/index.js';
import { matchesSubscription } from './eventBus.js';

const c1 = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const c2 = '7f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const event: Event = {
  event_type: 'ALERT_FIRED',
  cluster_id: c1,
  namespace: 'todo',
  timestamp: '2026-01-01T00:00:00Z',
  payload: {},
};

describe('matchesSubscription', () => {
  it('passes everything through an empty filter', () => {
    expect(matchesSubscription(event, {})).toBe(true);
    expect(matchesSubscription(event, { event_types: [], cluster_filter: [], namespace_filter: [] })).toBe(true);
  });

  it('filters by type, cluster and namespace', () => {
    expect(matchesSubscription(event, { event_types: ['ALERT_FIRED'] })).toBe(true);
    expect(matchesSubscription(event, { event_types: ['GPU_UPDATE'] })).toBe(false);
    expect(matchesSubscription(event, { cluster_filter: [c2] })).toBe(false);
    expect(matchesSubscription(event, { cluster_filter: [c1, c2], namespace_filter: ['todo'] })).toBe(true);
    expect(matchesSubscription(event, { namespace_filter: ['kube-system'] })).toBe(false);
  });

  it('does not pass a cluster-less event through a cluster filter', () => {
    const { cluster_id: _c, ...fleetWide } = event;
    expect(matchesSubscription(fleetWide, { cluster_filter: [c1] })).toBe(false);
  });
});
