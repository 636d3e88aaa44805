import { type Event, type EventFilter, type EventType, matchesSubscription } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { createLocalDispatcher } from './localDispatcher.js';

const TYPES: EventType[] = ['ALERT_FIRED', 'GPU_UPDATE', 'METRIC_UPDATE'];
const CLUSTERS = ['c-1', 'c-2', 'c-3'];
const NAMESPACES = ['shop', 'web'];
const pick = <T>(values: T[], mask: number): T[] => values.filter((_, i) => mask & (1 << i));

// Every combination of filters (empty lists included) and of events (with and without cluster or namespace).
const filters: EventFilter[] = [];
for (let t = 0; t < 8; t++)
  for (let c = 0; c < 8; c++)
    for (let n = 0; n < 4; n++)
      filters.push({
        event_types: pick(TYPES, t),
        cluster_filter: pick(CLUSTERS, c),
        namespace_filter: pick(NAMESPACES, n),
      });
const events: Event[] = [];
for (const event_type of TYPES)
  for (const cluster_id of [undefined, ...CLUSTERS])
    for (const namespace of [undefined, ...NAMESPACES])
      events.push({ event_type, cluster_id, namespace, timestamp: '2026-03-01T10:00:00.000Z', payload: {} });

describe('createLocalDispatcher (indexed by event type and cluster)', () => {
  it('calls exactly the subscribers matchesSubscription accepts, each once', () => {
    const dispatcher = createLocalDispatcher();
    const calls = new Map<number, number>();
    filters.forEach((filter, i) => {
      dispatcher.subscribe(filter, () => void calls.set(i, (calls.get(i) ?? 0) + 1));
    });
    expect(dispatcher.size).toBe(filters.length);
    for (const event of events) {
      calls.clear();
      dispatcher.dispatch(event);
      const expected = filters.flatMap((filter, i) => (matchesSubscription(event, filter) ? [i] : []));
      expect([...calls.keys()].sort((a, b) => a - b)).toEqual(expected);
      expect([...calls.values()].every((n) => n === 1)).toBe(true);
    }
  });

  it('stops calling an ended subscription, counts it once when ended twice, and forgets everything on clear', () => {
    const dispatcher = createLocalDispatcher();
    const seen: string[] = [];
    const end = dispatcher.subscribe({ event_types: ['ALERT_FIRED', 'ALERT_FIRED'], cluster_filter: ['c-1'] }, (e) => {
      seen.push(`a:${e.cluster_id}`);
    });
    dispatcher.subscribe({}, (e) => void seen.push(`all:${e.event_type}`));
    const alert = events.find((e) => e.event_type === 'ALERT_FIRED' && e.cluster_id === 'c-1') as Event;
    dispatcher.dispatch(alert);
    expect(seen.sort()).toEqual(['a:c-1', 'all:ALERT_FIRED']);
    end();
    end();
    expect(dispatcher.size).toBe(1);
    seen.length = 0;
    dispatcher.dispatch(alert);
    expect(seen).toEqual(['all:ALERT_FIRED']);
    dispatcher.clear();
    end();
    expect(dispatcher.size).toBe(0);
    dispatcher.dispatch(alert);
    expect(seen).toEqual(['all:ALERT_FIRED']);
  });

  it('logs a throwing or rejecting handler and still delivers to the others', async () => {
    const warnings: string[] = [];
    const dispatcher = createLocalDispatcher({ warn: (_obj, msg) => void warnings.push(msg ?? '') });
    let delivered = 0;
    dispatcher.subscribe({}, () => {
      throw new Error('boom');
    });
    dispatcher.subscribe({}, async () => {
      throw new Error('later');
    });
    dispatcher.subscribe({ event_types: ['GPU_UPDATE'] }, () => void delivered++);
    dispatcher.dispatch(events.find((e) => e.event_type === 'GPU_UPDATE') as Event);
    await new Promise((r) => setImmediate(r));
    expect(delivered).toBe(1);
    expect(warnings).toEqual(['event subscriber failed', 'event subscriber failed']);
  });
});
