import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../testing/index.js';

let t: TestStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const CLUSTER = '5e0a4c1d-2b3f-4a6e-9d8c-7b1a0f2e3d4c';

describe.each(['sqlite', 'postgres'] as const)('migration 0013 on %s', (dialect) => {
  it('keeps the cluster of a runbook execution', async () => {
    t = await openTestStore(dialect);
    const runbook = await t.store.runbooks.create({
      name: 'r',
      steps: [{ id: 'look', name: 'look', action: 'kube:get', effect: 'READ' }],
    });
    const run = await t.store.runbookExecutions.create({
      runbook_id: runbook.id,
      cluster_id: CLUSTER,
      status: 'RUNNING',
      triggered_by: 'alice',
    });
    expect((await t.store.runbookExecutions.get(run.id)).cluster_id).toBe(CLUSTER);
    expect((await t.store.runbookExecutions.list({ cluster_id: CLUSTER })).total).toBe(1);
  });

  it('is applied to a database that already took a later migration', async () => {
    t = await openTestStore(dialect);
    await sql`delete from kysely_migration where name = '0013_runbook_execution_cluster'`.execute(t.store.db);
    await sql`alter table runbook_executions drop column cluster_id`.execute(t.store.db);
    expect(await t.store.migrate()).toEqual({ applied: ['0013_runbook_execution_cluster'] });
  });
});
