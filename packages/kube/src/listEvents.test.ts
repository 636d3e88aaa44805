import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayFixture, runFor, startGateway } from './__fixtures__/startGateway.js';
import { eventTime } from './listEvents.js';

let f: GatewayFixture;
beforeAll(async () => {
  f = await startGateway({ scenario: 'broken' });
  await runFor(f, 60_000, 5_000);
});
afterAll(async () => f?.sim.stop());

const involved = (e: unknown) =>
  (e as { involvedObject: { kind: string; name: string; namespace?: string } }).involvedObject;

describe('events', () => {
  it('lists the events of a namespace, oldest first', async () => {
    const events = await f.gateway.events({ namespace: 'broken' });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.kind === 'Event' && e.metadata.namespace === 'broken')).toBe(true);
    const times = events.map(eventTime);
    expect(times).toEqual([...times].sort());
  });

  it('lists only the events about one object', async () => {
    const pods = await f.gateway.list('Pod', { namespace: 'broken', labelSelector: 'app=crashloop' });
    const pod = pods[0];
    expect(pod).toBeDefined();
    const events = await f.gateway.events({ involved: { kind: 'pod', name: pod!.metadata.name, namespace: 'broken' } });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => involved(e).kind === 'Pod' && involved(e).name === pod!.metadata.name)).toBe(true);
    expect(events.map((e) => (e as { reason?: string }).reason)).toContain('BackOff');
  });
});
