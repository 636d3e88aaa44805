import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../testing/index.js';

let t: TestStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const run = {
  provider: 'GITHUB' as const,
  kind: 'WORKFLOW_RUN' as const,
  run_key: 'github:acme/todo:workflow_run:30433642',
  external_id: '30433642',
  repository: 'acme/todo',
  pipeline: 'CI',
  status: 'SUCCEEDED' as const,
  commit_sha: 'acb5820ced9479c074f688cc328bf03f341a511d',
};

describe.each(['sqlite', 'postgres'] as const)(
  'migrations 0021 and 0022 (runs, deployments, tests) on %s',
  (dialect) => {
    it('keeps one run per run key and finds runs by commit prefix', async () => {
      t = await openTestStore(dialect);
      const created = await t.store.ciRuns.create(run);
      await expect(t.store.ciRuns.create(run)).rejects.toMatchObject({ name: 'ConflictError' });
      const byPrefix = await t.store.ciRuns.list({ commit_sha: { gte: 'acb5820', lt: 'acb5820g' } });
      expect(byPrefix.items.map((r) => r.id)).toEqual([created.id]);
      expect((await t.store.ciRuns.list({ commit_sha: { gte: 'acb5821', lt: 'acb5821g' } })).total).toBe(0);
    });

    it('refuses a second delivery with the same id', async () => {
      t = await openTestStore(dialect);
      await t.store.webhookDeliveries.create({ id: 'GITHUB:72d3162e', provider: 'GITHUB', event: 'workflow_run' });
      await expect(
        t.store.webhookDeliveries.create({ id: 'GITHUB:72d3162e', provider: 'GITHUB', event: 'workflow_run' }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
    });

    it('seals webhook secrets at rest and reveals them with the key', async () => {
      t = await openTestStore(dialect);
      await t.store.webhookSecrets.set('GITLAB', 'default', 'glpat-very-secret', 'alice');
      const raw = await t.store.db.selectFrom('webhook_secrets').selectAll().execute();
      expect(JSON.stringify(raw)).not.toContain('glpat-very-secret');
      expect(await t.store.webhookSecrets.reveal('GITLAB', 'default')).toBe('glpat-very-secret');
      await t.store.webhookSecrets.set('GITLAB', 'default', 'rotated', 'bob');
      expect(await t.store.webhookSecrets.reveal('GITLAB', 'default')).toBe('rotated');
      expect(await t.store.webhookSecrets.list()).toMatchObject([
        { provider: 'GITLAB', name: 'default', created_by: 'bob' },
      ]);
      expect(await t.store.webhookSecrets.reveal('GITHUB', 'default')).toBeUndefined();
      expect(await t.store.webhookSecrets.remove('GITLAB', 'default')).toBe(true);
    });

    it('stores test cases under their report and drops them with it', async () => {
      t = await openTestStore(dialect);
      const report = await t.store.testReports.create({
        pipeline: 'CI',
        run: '41',
        changed_files: ['src/api/user.ts'],
        tests: 1,
        failures: 1,
        errors: 0,
        skipped: 0,
        duration_ms: 1200,
      });
      await t.store.testCaseResults.create({
        report_id: report.id,
        pipeline: 'CI',
        test_id: 'api > UserTest > creates a user',
        name: 'creates a user',
        outcome: 'FAIL',
        duration_ms: 1200,
        run_at: '2026-12-01T10:00:00.000Z',
      });
      expect((await t.store.testCaseResults.list({ test_id: 'api > UserTest > creates a user' })).total).toBe(1);
      await t.store.testReports.delete(report.id);
      expect((await t.store.testCaseResults.list({})).total).toBe(0);
    });
  },
);
