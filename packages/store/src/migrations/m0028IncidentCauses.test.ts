import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../testing/index.js';
import { m0028IncidentCauses } from './m0028IncidentCauses.js';

let t: TestStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const incident = {
  title: 'api crash-loops',
  severity: 'HIGH' as const,
  detected_at: '2026-03-01T08:40:00.000Z',
};
const cause = {
  cause_identity: 'pod-crash-loop:deployment/shop/api',
  first_seen: '2026-02-20T08:40:00.000Z',
  last_seen: '2026-03-01T09:00:00.000Z',
  sightings: 12,
  occurrences: 3,
  recurring: true,
};

describe.each(['sqlite', 'postgres'] as const)('migration 0028 (incident causes) on %s', (dialect) => {
  it("keeps an incident's cause, sightings and recurrence, and finds incidents by their cause", async () => {
    t = await openTestStore(dialect);
    const plain = await t.store.incidents.create(incident);
    expect(plain.cause_identity).toBeUndefined();
    expect(plain.recurring).toBeUndefined();
    const caused = await t.store.incidents.create({ ...incident, ...cause });
    expect(await t.store.incidents.get(caused.id)).toMatchObject(cause);
    const found = await t.store.incidents.list({ cause_identity: cause.cause_identity, recurring: true });
    expect(found.items.map((i) => i.id)).toEqual([caused.id]);
    const updated = await t.store.incidents.update(caused.id, { last_seen: '2026-03-01T09:30:00.000Z', sightings: 13 });
    expect(updated).toMatchObject({ last_seen: '2026-03-01T09:30:00.000Z', sightings: 13, occurrences: 3 });
  });

  it('is applied to a database that already took the earlier migrations, keeping its incidents', async () => {
    t = await openTestStore(dialect);
    await m0028IncidentCauses(dialect).down!(t.store.db as never);
    await sql`delete from kysely_migration where name = '0028_incident_causes'`.execute(t.store.db);
    await sql`insert into incidents (id, title, description, severity, status, detected_at, affected_resources, created_at)
      values ('4d9c3a4e-8f0b-4c7e-9b1a-2f6d5e8c7a10', 'older', '', 'LOW', 'DETECTED', '2026-01-01T00:00:00.000Z', '[]', '2026-01-01T00:00:00.000Z')`.execute(
      t.store.db,
    );
    expect((await t.store.migrate()).applied).toEqual(['0028_incident_causes']);
    const older = await t.store.incidents.get('4d9c3a4e-8f0b-4c7e-9b1a-2f6d5e8c7a10');
    expect(older).toMatchObject({ title: 'older', status: 'DETECTED' });
    expect(older.occurrences).toBeUndefined();
    expect((await t.store.incidents.create({ ...incident, ...cause })).recurring).toBe(true);
  });
});
