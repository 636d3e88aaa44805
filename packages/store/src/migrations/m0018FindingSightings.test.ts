import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../testing/index.js';

let t: TestStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const CLUSTER = '5e0a4c1d-2b3f-4a6e-9d8c-7b1a0f2e3d4c';
const OTHER = '6f1b5d2e-3c4a-4b7f-8e9d-0c2b1a3f4e5d';
const crash = {
  identity: 'pod-crash-loop:deployment/todo/api',
  class: 'pod-crash-loop',
  root_kind: 'Deployment',
  root_namespace: 'todo',
  root_name: 'api',
};

describe.each(['sqlite', 'postgres'] as const)('migration 0018 (finding sightings) on %s', (dialect) => {
  it('keeps the earliest first-seen and the latest last-seen of a cause across runs, per cluster', async () => {
    t = await openTestStore(dialect);
    const sightings = t.store.findingSightings;
    await sightings.record(CLUSTER, [
      { ...crash, first_seen: '2026-12-06T10:00:00.000Z', last_seen: '2026-12-06T10:05:00.000Z' },
    ]);
    // A later run derives a later first-seen (the old pods are gone): the stored one wins.
    await sightings.record(CLUSTER, [
      { ...crash, first_seen: '2026-12-06T10:30:00.000Z', last_seen: '2026-12-06T10:35:00.000Z' },
      {
        identity: 'node-pressure:node/n1',
        class: 'node-pressure',
        root_kind: 'Node',
        root_name: 'n1',
        first_seen: '2026-12-06T10:31:00.000Z',
        last_seen: '2026-12-06T10:35:00.000Z',
      },
    ]);
    // An out-of-order run (older snapshot) does not move last-seen back.
    await sightings.record(CLUSTER, [
      { ...crash, first_seen: '2026-12-06T10:20:00.000Z', last_seen: '2026-12-06T10:20:00.000Z' },
    ]);
    const list = await sightings.list(CLUSTER);
    expect(list.map((s) => [s.identity, s.first_seen, s.last_seen, s.runs])).toEqual([
      [crash.identity, '2026-12-06T10:00:00.000Z', '2026-12-06T10:35:00.000Z', 3],
      ['node-pressure:node/n1', '2026-12-06T10:31:00.000Z', '2026-12-06T10:35:00.000Z', 1],
    ]);
    expect(list[1]?.root_namespace ?? undefined).toBeUndefined();
    expect(await sightings.list(OTHER)).toEqual([]);
  });

  it('is applied to a database that already took the earlier migrations', async () => {
    t = await openTestStore(dialect);
    await sql`delete from kysely_migration where name = '0018_finding_sightings'`.execute(t.store.db);
    await sql`drop table finding_sightings`.execute(t.store.db);
    expect(await t.store.migrate()).toEqual({ applied: ['0018_finding_sightings'] });
    expect(await t.store.findingSightings.list(CLUSTER)).toEqual([]);
  });
});
