import { DIALECTS, openTestStore, type TestStore } from '@opspilot/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Signal } from '../correlate/signal.js';
import { crashLoopEngine, FIRST_SEEN, IDENTITY } from './__fixtures__/crashLoopCause.js';

describe.each(DIALECTS)('reopened incidents and causes derived from signals (store on %s)', (dialect) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(dialect);
  });
  afterAll(() => t?.cleanup());

  async function setup() {
    const { clock, events, engine, run, clusterId } = await crashLoopEngine(t.store, 'reopen');
    /** The cause clears, the incident resolves itself after the hysteresis period. */
    const clearAndResolve = async () => {
      await clock.advance(60_000);
      await run(undefined);
      await clock.advance(120_000);
      return engine.tick();
    };
    return { clock, events, engine, run, clearAndResolve, clusterId };
  }

  it('counts a reopen within the window as one more occurrence: recurring, on the timeline, in the audit and events', async () => {
    const { clock, engine, events, run, clearAndResolve } = await setup();
    const [first] = await run('api-7d9-a');
    expect(first).toMatchObject({ cause_identity: IDENTITY, occurrences: 1, recurring: false });
    const [resolved] = await clearAndResolve();
    expect(resolved).toMatchObject({ id: first!.id, status: 'RESOLVED' });

    // Back within the 10-minute reopen window: the same incident, reopened — its resolution did not hold.
    await clock.advance(3 * 60_000);
    const [reopened] = await run('api-7d9-b');
    expect(reopened).toMatchObject({
      id: first!.id,
      status: 'DETECTED',
      recurring: true,
      occurrences: 2,
      first_seen: FIRST_SEEN,
    });
    expect(reopened?.resolved_at).toBeUndefined();
    const entry = (await engine.timeline(first!.id)).filter((a) => a.description.startsWith('reopened')).at(-1);
    expect(entry?.description).toBe(
      `reopened: "Pod shop/api-7d9-b is in CrashLoopBackOff" fired again; recurring: seen 2 times since ${FIRST_SEEN}`,
    );
    expect(entry?.result).toMatchObject({ from: 'RESOLVED', to: 'DETECTED', occurrences: 2, first_seen: FIRST_SEEN });
    const audit = await t.store.audit.list({ target: `incident/${first!.id}`, action: 'incident.reopened' });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]?.details).toMatchObject({
      recurring: true,
      occurrences: 2,
      cause_identity: IDENTITY,
      first_seen: FIRST_SEEN,
      previous_resolved_at: resolved!.resolved_at,
    });
    const updated = events.filter((e) => e.event_type === 'INCIDENT_UPDATED').at(-1);
    expect(updated?.payload).toMatchObject({ incident_id: first!.id, recurring: true, occurrences: 2 });

    // Again: the third occurrence. A person reopening it is not a recurrence (the count stays).
    await clearAndResolve();
    await clock.advance(60_000);
    const [again] = await run('api-7d9-c');
    expect(again).toMatchObject({ id: first!.id, occurrences: 3, recurring: true });
    await engine.resolve(first!.id, { user: 'alice' });
    expect(await engine.reopen(first!.id, { user: 'alice', note: 'not fixed' })).toMatchObject({ occurrences: 3 });
    await engine.resolve(first!.id, { user: 'alice' });
    await engine.close(first!.id, { user: 'alice' });

    // After the close, the same cause opens a new incident: the fourth occurrence.
    await clock.advance(60_000);
    await run(undefined);
    await clock.advance(60_000);
    const [fourth] = await run('api-7d9-d');
    expect(fourth!.id).not.toBe(first!.id);
    expect(fourth).toMatchObject({ recurring: true, occurrences: 4 });
  });

  it("gives a signal pushed without a sighting its cause's identity, so its incident recurs when the cause returns", async () => {
    const { clock, engine, clusterId } = await setup();
    const alert = (pod: string): Signal => ({
      source: 'ALERT',
      fingerprint: `api-errors-${pod}`,
      cluster_id: clusterId,
      title: 'api answers 500s',
      severity: 'HIGH',
      state: 'FIRING',
      labels: { alertname: 'HighErrorRate', namespace: 'shop', deployment: 'api', pod },
      at: clock.now().toISOString(),
    });
    const [first] = await engine.ingest([alert('api-7d9-a')]);
    // The pod's cause belongs to the Deployment its labels name, as the analyzers' identities do.
    expect(first).toMatchObject({
      cause_identity: 'HighErrorRate:deployment/shop/api',
      first_seen: '2026-03-01T09:00:00.000Z',
      occurrences: 1,
      recurring: false,
    });
    await engine.resolve(first!.id, { user: 'bob' });
    await engine.close(first!.id, { user: 'bob' });
    await clock.advance(60 * 60_000);
    const [second] = await engine.ingest([{ ...alert('api-7d9-z'), at: clock.now().toISOString() }]);
    expect(second!.id).not.toBe(first!.id);
    expect(second).toMatchObject({
      cause_identity: 'HighErrorRate:deployment/shop/api',
      recurring: true,
      occurrences: 2,
      first_seen: '2026-03-01T09:00:00.000Z',
    });
    const timeline = await engine.timeline(second!.id);
    expect(timeline.find((a) => a.action_type === 'recurring')?.description).toBe(
      'recurring: seen 2 times since 2026-03-01T09:00:00.000Z',
    );

    // A signal naming no object has no cause to recur.
    const [vague] = await engine.ingest([
      {
        source: 'ALERT',
        fingerprint: 'watchdog',
        cluster_id: clusterId,
        title: 'something is off',
        severity: 'HIGH',
        state: 'FIRING',
        labels: { alertname: 'Watchdog' },
        at: clock.now().toISOString(),
      },
    ]);
    expect(vague?.cause_identity).toBeUndefined();
  });
});
