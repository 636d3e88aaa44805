import type { Finding } from '@opspilot/core';
import { DIALECTS, openTestStore, type TestStore } from '@opspilot/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFindingFeed } from '../correlate/findingFeed.js';
import { crashLoop, crashLoopEngine, FIRST_SEEN, IDENTITY } from './__fixtures__/crashLoopCause.js';

describe.each(DIALECTS)('incidents from findings keep their cause across occurrences (store on %s)', (dialect) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(dialect);
  });
  afterAll(() => t?.cleanup());

  /** An engine over the store, and a cluster of its own (a cause's earlier incidents are those of its cluster). */
  const setup = () => crashLoopEngine(t.store, 'sightings');

  it('starts an incident when its cause was first seen and keeps its last sighting and run count current', async () => {
    const { clock, engine, events, run } = await setup();
    const [opened] = await run('api-7d9-a', { runs: 3 });
    expect(opened).toMatchObject({
      status: 'DETECTED',
      detected_at: FIRST_SEEN,
      cause_identity: IDENTITY,
      first_seen: FIRST_SEEN,
      last_seen: '2026-03-01T09:00:00.000Z',
      sightings: 3,
      occurrences: 1,
      recurring: false,
    });
    const id = opened!.id;
    const audit = await t.store.audit.list({ target: `incident/${id}` });
    expect(audit.items[0]?.details).toMatchObject({
      cause_identity: IDENTITY,
      first_seen: FIRST_SEEN,
      recurring: false,
    });
    expect(events.find((e) => e.event_type === 'INCIDENT_OPENED')?.payload).toMatchObject({ first_seen: FIRST_SEEN });

    // The pod is replaced: a new finding id, the same cause — a repeat of the same signal, whose sighting is recorded.
    await clock.advance(60_000);
    expect(await run('api-7d9-b', { runs: 4 })).toEqual([]);
    expect(await t.store.incidents.get(id)).toMatchObject({ sightings: 4, last_seen: '2026-03-01T09:01:00.000Z' });
    // Nothing new counted and little time passed: not written again.
    await clock.advance(60_000);
    await run('api-7d9-b', { runs: 4 });
    expect((await t.store.incidents.get(id)).last_seen).toBe('2026-03-01T09:01:00.000Z');
    await clock.advance(5 * 60_000);
    await run('api-7d9-b', { runs: 4 });
    expect((await t.store.incidents.get(id)).last_seen).toBe('2026-03-01T09:07:00.000Z');
    expect((await engine.timeline(id)).map((a) => a.action_type)).toEqual(['signal']);
    await engine.resolve(id, { user: 'alice' });
    await engine.close(id, { user: 'alice' });
  });

  it('marks a cause seen before, resolved and seen again as recurring, counting its occurrences', async () => {
    const { clock, engine, events, run } = await setup();
    const [first] = await run('api-7d9-a', { runs: 1 });
    expect(first).toMatchObject({ recurring: false, occurrences: 1 });
    await clock.advance(60_000);
    await run(undefined, { runs: 1 }); // the next run no longer sees it
    await clock.advance(120_000);
    const [resolved] = await engine.tick();
    expect(resolved).toMatchObject({ id: first!.id, status: 'RESOLVED' });

    // Back after the reopen window: a new incident, but not a new problem. The stored sighting still says 08:40.
    await clock.advance(30 * 60_000);
    await engine.tick();
    const [second] = await run('api-7d9-c', { runs: 7 });
    expect(second!.id).not.toBe(first!.id);
    expect(second).toMatchObject({
      cause_identity: IDENTITY,
      recurring: true,
      occurrences: 2,
      first_seen: FIRST_SEEN,
      sightings: 7,
      // The 08:40 sighting belongs to the first occurrence: this one starts when it was seen again.
      detected_at: '2026-03-01T09:33:00.000Z',
    });
    const timeline = await engine.timeline(second!.id);
    const recurring = timeline.find((a) => a.action_type === 'recurring');
    expect(recurring?.description).toBe(`recurring: seen 2 times since ${FIRST_SEEN}`);
    expect(recurring?.result).toMatchObject({ previous_incident: first!.id, occurrences: 2 });
    const audit = await t.store.audit.list({ target: `incident/${second!.id}`, action: 'incident.opened' });
    expect(audit.items[0]?.details).toMatchObject({ recurring: true, occurrences: 2, previous_incident: first!.id });

    // Closed by a person, then back once more, first seen (by its events) after the close: the third occurrence.
    await engine.resolve(second!.id, { user: 'bob', root_cause: 'database down' });
    await engine.close(second!.id, { user: 'bob' });
    await clock.advance(60 * 60_000);
    const [third] = await run('api-7d9-d', { runs: 9, first_seen: '2026-03-01T10:30:00.000Z' });
    expect(third).toMatchObject({
      recurring: true,
      occurrences: 3,
      first_seen: FIRST_SEEN,
      detected_at: '2026-03-01T10:30:00.000Z',
    });
    const opened = events.filter((e) => e.event_type === 'INCIDENT_OPENED').at(-1);
    expect(opened?.payload).toMatchObject({ incident_id: third!.id, recurring: true, occurrences: 3 });
    const found = await t.store.incidents.list({ cause_identity: IDENTITY, recurring: true });
    expect(found.items.map((i) => i.id).sort()).toEqual([second!.id, third!.id].sort());
    await engine.resolve(third!.id, { user: 'bob' });
    await engine.close(third!.id, { user: 'bob' });
  });

  it("gives an alert's incident the cause of a finding that joins it, starting it when the cause was first seen", async () => {
    const { clock, engine, clusterId } = await setup();
    const [byAlert] = await engine.ingest([
      {
        source: 'ALERT',
        fingerprint: 'api-errors',
        cluster_id: clusterId,
        title: 'api answers 500s',
        severity: 'HIGH',
        state: 'FIRING',
        labels: { alertname: 'HighErrorRate', namespace: 'shop', deployment: 'api' },
        at: clock.now().toISOString(),
      },
    ]);
    // The alert's own cause (its alertname on the Deployment its labels name), until a finding's sighting replaces it.
    expect(byAlert?.cause_identity).toBe('HighErrorRate:deployment/shop/api');
    expect(byAlert?.detected_at).toBe('2026-03-01T09:00:00.000Z');
    await clock.advance(30_000);
    const feed = createFindingFeed({ clusterId });
    const finding: Finding = { ...crashLoop('api'), resource: { kind: 'Deployment', namespace: 'shop', name: 'api' } };
    const sighting = {
      identity: IDENTITY,
      first_seen: '2026-03-01T08:55:00.000Z',
      last_seen: '2026-03-01T09:00:30.000Z',
    };
    const [joined] = await engine.ingest(
      feed.update([finding], clock.now().toISOString(), new Map([[finding.id, sighting]])),
    );
    expect(joined).toMatchObject({
      id: byAlert!.id,
      cause_identity: IDENTITY,
      detected_at: '2026-03-01T08:55:00.000Z',
      first_seen: '2026-03-01T08:55:00.000Z',
      sightings: 1,
    });
  });
});
