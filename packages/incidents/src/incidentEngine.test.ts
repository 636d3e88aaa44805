import { type Event, ManualClock } from '@opspilot/core';
import { openTestStore, type TestStore } from '@opspilot/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Signal } from './correlate/signal.js';
import { createIncidentEngine } from './incidentEngine.js';

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore('sqlite');
});
afterAll(() => t?.cleanup());

function setup() {
  const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
  const events: Event[] = [];
  const notices: string[] = [];
  const engine = createIncidentEngine(
    {
      records: t.store.incidents,
      audit: t.store.audit,
      clock,
      bus: { publish: async (e) => void events.push(e) },
      notify: async (notice, incident) => void notices.push(`${notice}:${incident.status}`),
    },
    { resolveAfterMs: 120_000 },
  );
  const signal = (fingerprint: string, deployment: string, state: Signal['state'] = 'FIRING'): Signal => ({
    source: 'ALERT',
    fingerprint,
    title: `errors in ${deployment}`,
    severity: 'HIGH',
    state,
    labels: { alertname: 'HighErrorRate', namespace: 'shop', deployment },
    resource: { kind: 'Deployment', namespace: 'shop', name: deployment },
    at: clock.now().toISOString(),
  });
  return { clock, events, notices, engine, signal };
}

describe('createIncidentEngine over the store', () => {
  it('opens one incident, records every signal, auto-resolves with hysteresis, and audits and publishes it', async () => {
    const { clock, engine, signal, events, notices } = setup();
    const [opened] = await engine.ingest([signal('a1', 'cart'), signal('a2', 'cart'), signal('a1', 'cart')]);
    expect(opened).toMatchObject({
      status: 'DETECTED',
      severity: 'HIGH',
      title: 'errors in cart on deployment/shop/cart',
    });
    const id = opened!.id;
    await clock.advance(30_000);
    await engine.ingest([signal('a1', 'cart', 'CLEARED'), signal('a2', 'cart', 'CLEARED')]);
    expect(await engine.tick()).toEqual([]);
    await clock.advance(60_000);
    await engine.ingest([signal('a1', 'cart')]); // flaps back before the hysteresis ran out
    await clock.advance(200_000);
    expect(await engine.tick()).toEqual([]);
    await engine.ingest([signal('a1', 'cart', 'CLEARED')]);
    await clock.advance(120_000);
    const [resolved] = await engine.tick();
    expect(resolved).toMatchObject({ id, status: 'RESOLVED' });
    const types = (await engine.timeline(id)).map((a) => a.action_type);
    expect(types).toEqual([
      'signal',
      'signal',
      'signal.cleared',
      'signal.cleared',
      'signal.refired',
      'signal.cleared',
      'status',
    ]);
    expect(events.map((e) => e.event_type)).toContain('INCIDENT_RESOLVED');
    expect(notices[0]).toBe('opened:DETECTED');
    expect(notices.at(-1)).toBe('resolved:RESOLVED');
    const trail = await t.store.audit.list({ target: `incident/${id}` });
    expect(trail.items.map((e) => e.action).reverse()).toEqual(['incident.opened', 'incident.resolved']);
  });

  it('walks the lifecycle with owner, notes and comments, and refuses a move the lifecycle does not allow', async () => {
    const { engine, signal, events, notices } = setup();
    const [incident] = await engine.ingest([signal('b1', 'payments')]);
    const id = incident!.id;
    // A timeline entry (runbook progress, analysis) refreshes open pages, but is no news for the webhooks.
    const [announced, told] = [events.length, notices.length];
    await engine.record(id, { action_type: 'analysis', actor: 'system', status: 'SUCCEEDED', description: 'ranked' });
    expect(events.slice(announced).map((e) => e.event_type)).toEqual(['INCIDENT_UPDATED']);
    expect(notices).toHaveLength(told);
    const acked = await engine.acknowledge(id, { user: 'alice' });
    expect(acked).toMatchObject({ status: 'INVESTIGATING', acknowledged_by: 'alice' });
    await engine.assign(id, { user: 'alice', owner: 'bob' });
    await engine.comment(id, { user: 'bob', text: 'rolled back the canary' });
    await engine.mitigate(id, { user: 'bob', note: 'traffic moved' });
    const resolved = await engine.resolve(id, { user: 'bob', root_cause: 'bad image' });
    expect(resolved).toMatchObject({ status: 'RESOLVED', root_cause: 'bad image', acknowledged_by: 'bob' });
    await expect(engine.mitigate(id, { user: 'bob' })).rejects.toMatchObject({ name: 'ConflictError' });
    const closed = await engine.close(id, { user: 'bob' });
    expect(closed.status).toBe('CLOSED');
    await expect(engine.reopen(id, { user: 'bob' })).rejects.toMatchObject({ hint: 'a closed incident stays closed' });
    // A closed incident is forgotten by the correlator: the same signal opens a new incident.
    const [again] = await engine.ingest([signal('b1', 'payments')]);
    expect(again?.id).not.toBe(id);
  });

  it('counts an anomaly not detected again for a while as cleared, so its incident resolves itself', async () => {
    const { clock, engine } = setup();
    const [opened] = await engine.ingest([
      {
        source: 'ANOMALY',
        fingerprint: 'container_cpu{pod=api-1}',
        title: 'CPU of api-1 jumped',
        severity: 'MEDIUM',
        state: 'FIRING',
        labels: { namespace: 'shop', workload: 'api', pod: 'api-1' },
        at: clock.now().toISOString(),
      },
    ]);
    await clock.advance(10 * 60_000);
    expect(await engine.tick()).toEqual([]);
    await clock.advance(6 * 60_000); // 16 min without a repeat: cleared now, resolved after the hysteresis
    expect(await engine.tick()).toEqual([]);
    await clock.advance(120_000);
    const [resolved] = await engine.tick();
    expect(resolved).toMatchObject({ id: opened?.id, status: 'RESOLVED' });
    expect((await engine.timeline(opened!.id)).map((a) => a.action_type)).toContain('signal.cleared');
  });

  it('rebuilds its correlation state from the store after a restart', async () => {
    const first = setup();
    const [incident] = await first.engine.ingest([first.signal('c1', 'search')]);
    const second = setup();
    expect(await second.engine.restore()).toBeGreaterThan(0);
    const [same] = await second.engine.ingest([second.signal('c2', 'search')]);
    expect(same?.id).toBe(incident?.id);
  });
});
