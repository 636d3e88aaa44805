import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../testing/index.js';

let t: TestStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const persona = { id: 'platform-ops', name: 'Platform', system_prompt: 'You operate platforms.' };

describe.each(['sqlite', 'postgres'] as const)('migration 0025 (persona tone and scope) on %s', (dialect) => {
  it("keeps a custom persona's tone and default cluster scope, and changes them", async () => {
    t = await openTestStore(dialect);
    const created = await t.store.personas.create({ ...persona, tone: 'terse', scope: 'all-clusters' });
    expect(await t.store.personas.get(created.id)).toMatchObject({ tone: 'terse', scope: 'all-clusters' });
    await t.store.personas.update(created.id, { scope: 'session', tone: 'warm' });
    expect(await t.store.personas.get(created.id)).toMatchObject({ tone: 'warm', scope: 'session' });
    const plain = await t.store.personas.create({ ...persona, id: 'plain-one' });
    const read = await t.store.personas.get(plain.id);
    expect(read.tone).toBeUndefined();
    expect(read.scope).toBeUndefined();
  });

  it('refuses a scope that is not session or all-clusters', async () => {
    t = await openTestStore(dialect);
    await expect(t.store.personas.create({ ...persona, scope: 'everywhere' as 'session' })).rejects.toMatchObject({
      name: 'InputError',
    });
  });

  it('is applied to a database that already took the earlier migrations, keeping its personas', async () => {
    t = await openTestStore(dialect);
    await sql`delete from kysely_migration where name = '0025_persona_tone_scope'`.execute(t.store.db);
    await sql`alter table personas drop column tone`.execute(t.store.db);
    await sql`alter table personas drop column scope`.execute(t.store.db);
    await sql`insert into personas (id, name, description, system_prompt, capabilities, is_builtin) values ('old-one', 'Old', '', 'p', '[]', 0)`.execute(
      t.store.db,
    );
    expect(await t.store.migrate()).toEqual({ applied: ['0025_persona_tone_scope'] });
    expect(await t.store.personas.get('old-one')).toMatchObject({ id: 'old-one', name: 'Old' });
    await t.store.personas.update('old-one', { scope: 'all-clusters' });
    expect((await t.store.personas.get('old-one')).scope).toBe('all-clusters');
  });
});
