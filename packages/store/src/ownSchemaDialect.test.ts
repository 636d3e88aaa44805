import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from './testing/index.js';

describe('introspection of a PostgreSQL store', () => {
  let mine: TestStore;
  let other: TestStore;
  beforeAll(async () => {
    [mine, other] = await Promise.all([openTestStore('postgres'), openTestStore('postgres')]);
  });
  afterAll(async () => {
    await Promise.all([mine?.cleanup(), other?.cleanup()]);
  });

  it("sees the store's own schema and tables only, Kysely's migration tables on request", async () => {
    const own = (await sql<{ s: string }>`select current_schema() as s`.execute(mine.store.db)).rows[0]?.s;
    await sql`create table only_in_other (id int)`.execute(other.store.db);
    expect(await mine.store.db.introspection.getSchemas()).toEqual([{ name: own }]);
    const tables = await mine.store.db.introspection.getTables();
    expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([own]));
    expect(tables.map((t) => t.name)).toContain('audit_log');
    expect(tables.map((t) => t.name)).not.toContain('only_in_other');
    expect(tables.map((t) => t.name)).not.toContain('kysely_migration');
    const all = await mine.store.db.introspection.getTables({ withInternalKyselyTables: true });
    expect(all.map((t) => t.name)).toContain('kysely_migration');
    const audit = tables.find((t) => t.name === 'audit_log');
    expect(audit?.columns.find((c) => c.name === 'sequence')).toMatchObject({ isNullable: false });
  });

  it('is not disturbed by other schemas of the database being dropped meanwhile', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `opspilot_gone_${process.pid}_${i}`);
    for (const n of names) await sql`create schema ${sql.id(n)}`.execute(other.store.db);
    const dropping = (async () => {
      for (const n of names) await sql`drop schema ${sql.id(n)}`.execute(other.store.db);
    })();
    const reading = (async () => {
      for (let i = 0; i < 30; i++) await mine.store.db.introspection.getTables();
    })();
    await expect(Promise.all([dropping, reading])).resolves.toBeDefined();
  });
});
