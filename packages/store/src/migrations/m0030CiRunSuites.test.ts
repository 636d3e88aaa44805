import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../testing/index.js';
import { m0030CiRunSuites } from './m0030CiRunSuites.js';

let t: TestStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const suite = 'github:acme/todo:check_suite:19004417733';
const run = {
  provider: 'GITHUB' as const,
  kind: 'WORKFLOW_RUN' as const,
  run_key: 'github:acme/todo:workflow_run:7301450221',
  external_id: '7301450221',
  repository: 'acme/todo',
  pipeline: 'CI',
  status: 'SUCCEEDED' as const,
};

describe.each(['sqlite', 'postgres'] as const)('migration 0030 (check suites of runs) on %s', (dialect) => {
  it('finds a run by its check suite and refuses a second run of the same suite', async () => {
    t = await openTestStore(dialect);
    const stored = await t.store.ciRuns.create({ ...run, suite_key: suite });
    expect((await t.store.ciRuns.list({ suite_key: suite })).items.map((r) => r.id)).toEqual([stored.id]);
    await expect(
      t.store.ciRuns.create({
        ...run,
        kind: 'CHECK_SUITE',
        run_key: suite,
        external_id: '19004417733',
        suite_key: suite,
      }),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    const plain = await t.store.ciRuns.create({ ...run, run_key: 'gitlab:p:pipeline:1', provider: 'GITLAB' });
    const other = await t.store.ciRuns.create({ ...run, run_key: 'gitlab:p:pipeline:2', provider: 'GITLAB' });
    expect(plain.suite_key).toBeUndefined();
    expect(other.suite_key).toBeUndefined();
  });

  it('gives the check-suite runs stored before it their own key as suite key', async () => {
    t = await openTestStore(dialect);
    await m0030CiRunSuites(dialect).down!(t.store.db as never);
    await sql`delete from kysely_migration where name = '0030_ci_run_suites'`.execute(t.store.db);
    await sql`insert into ci_runs (id, provider, kind, run_key, external_id, repository, pipeline, status, tag, trigger, stages, created_at, updated_at)
      values ('0f3c9a4e-8f0b-4c7e-9b1a-2f6d5e8c7a10', 'GITHUB', 'CHECK_SUITE', ${suite}, '19004417733', 'acme/todo', 'GitHub Actions', 'FAILED', 0, 'check_suite', '[]', '2026-11-30T09:12:04.000Z', '2026-11-30T09:12:04.000Z')`.execute(
      t.store.db,
    );
    expect((await t.store.migrate()).applied).toEqual(['0030_ci_run_suites']);
    expect(await t.store.ciRuns.get('0f3c9a4e-8f0b-4c7e-9b1a-2f6d5e8c7a10')).toMatchObject({
      kind: 'CHECK_SUITE',
      suite_key: suite,
    });
  });
});
