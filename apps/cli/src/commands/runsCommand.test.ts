import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpspilotConfig } from '@opspilot/config';
import { githubRunOf, recordRun, syntheticTestHistory } from '@opspilot/delivery';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withStore } from '../openCliStore.js';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-runs-'));
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data'), OPSPILOT_USER: 'frank' };
const fixtures = join(import.meta.dirname, '..', '..', '..', '..', 'packages', 'delivery', 'src');
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const io = memoryIo(env, cwd);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err(), json: () => JSON.parse(io.out()) };
}

function junit(cases: { id: string; fail: boolean }[]): string {
  return `<testsuites><testsuite name="suite">${cases
    .map(
      (c) =>
        `<testcase classname="${c.id.split(' > ')[0]}" name="${c.id}" time="0.1" file="${c.id.split(' > ')[0]}/test/a.test.ts">${c.fail ? '<failure message="boom"/>' : ''}</testcase>`,
    )
    .join('')}</testsuite></testsuites>`;
}

beforeAll(async () => {
  // A run as the webhook would have stored it, written through the CLI's own store.
  const config = OpspilotConfig.parse({ data_dir: env.OPSPILOT_DATA_DIR });
  const body = JSON.parse(
    readFileSync(join(fixtures, 'runs', '__fixtures__', 'github-workflow_run-completed.json'), 'utf8'),
  );
  const run = githubRunOf('workflow_run', body);
  if (!run.ok || !run.value) throw new Error('fixture');
  const value = run.value;
  await withStore(config, cwd, (store) => recordRun({ records: store, now: () => new Date() }, value));
});

describe('opspilot runs, dora and tests', () => {
  it('lists runs as a table and as JSON, and shows one by id prefix', async () => {
    const table = await cli('runs', 'list');
    expect(table.code, table.err).toBe(0);
    expect(table.out).toMatch(/^ID\s+PROVIDER\s+REPOSITORY\s+PIPELINE\s+STATUS/);
    expect(table.out).toContain('acme/todo');
    const json = await cli('-o', 'json', 'runs', 'list', '--provider', 'github', '--commit', '3f2a9c1');
    const [run] = json.json();
    expect(run).toMatchObject({ repository: 'acme/todo', status: 'SUCCEEDED', author: 'Mona Lisa' });
    expect((await cli('-o', 'json', 'runs', 'list', '--status', 'FAILED')).json()).toEqual([]);
    const shown = await cli('runs', 'show', run.id.slice(0, 8));
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toContain('feat(api): add due dates to todos');
    expect(shown.out).toContain('not deployed anywhere yet');
    expect(shown.out).toMatch(/^Check suite: 19004417733$/m);
    const yaml = await cli('-o', 'yaml', 'runs', 'show', run.id);
    expect(yaml.out).toContain('run_key: github:acme/todo:workflow_run:7301450221');
    expect((await cli('runs', 'show', 'ffffffff')).code).not.toBe(0);
  });

  it('seals a webhook secret from the environment', async () => {
    const io = memoryIo({ ...env, OPSPILOT_WEBHOOK_SECRET: 'a-long-webhook-secret-value' }, cwd);
    expect(await runCli(['runs', 'secret', 'set', 'gitlab', '--source', 'acme'], io)).toBe(0);
    expect(io.out()).toContain('/api/webhooks/gitlab?source=acme');
    expect((await cli('runs', 'secret', 'set', 'github')).err).toContain('OPSPILOT_WEBHOOK_SECRET');
  });

  it('prints an empty DORA table honestly', async () => {
    const r = await cli('dora', '--days', '7');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('no deployments recorded in this range');
    expect((await cli('-o', 'json', 'dora')).json()).toMatchObject({ group_by: 'service', groups: [] });
  });

  it('narrows DORA to one registered cluster, and names the registered clusters for an unknown one', async () => {
    const config = OpspilotConfig.parse({ data_dir: env.OPSPILOT_DATA_DIR });
    const to = '2026-12-01T00:00:00.000Z';
    await withStore(config, cwd, async (store) => {
      const [run] = (await store.ciRuns.list({})).items;
      for (const name of ['shop-prod', 'shop-staging']) {
        const cluster = await store.clusters.create({ name, api_server_url: `https://${name}.example.com` });
        await store.deploymentRecords.create({
          cluster_id: cluster.id,
          namespace: 'shop',
          workload_kind: 'Deployment',
          workload: name === 'shop-prod' ? 'todo' : 'todo-canary',
          service: name === 'shop-prod' ? 'todo' : 'todo-canary',
          images: ['ghcr.io/acme/todo:3f2a9c1'],
          commit_sha: '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39',
          run_id: run!.id,
          link: 'commit',
          deployed_at: '2026-11-30T10:00:00.000Z',
        });
      }
    });
    const all = await cli('-o', 'json', 'dora', '--to', to);
    expect(all.json().groups.map((g: { key: string }) => g.key)).toEqual(['shop/todo', 'shop/todo-canary']);
    const prod = await cli('-o', 'json', 'dora', '--to', to, '--cluster', 'shop-prod');
    expect(prod.code, prod.err).toBe(0);
    expect(prod.json()).toMatchObject({
      cluster: 'shop-prod',
      groups: [{ key: 'shop/todo', deployments: 1, lead_time_hours: { samples: 1 } }],
    });
    expect(prod.json().groups).toHaveLength(1);
    const yaml = await cli('-o', 'yaml', 'dora', '--to', to, '--cluster', 'shop-staging');
    expect(yaml.out).toContain('cluster: shop-staging');
    expect(yaml.out).toContain('key: shop/todo-canary');
    const table = await cli('dora', '--to', to, '--cluster', 'shop-prod');
    expect(table.out).toContain('on cluster shop-prod');
    expect(table.out).toMatch(/^SERVICE\s+DEPLOYS/m);
    expect(table.out).not.toContain('todo-canary');
    const unknown = await cli('dora', '--cluster', 'nowhere');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('no registered cluster named nowhere; registered: shop-prod, shop-staging');
    const bad = await cli('dora', '--cluster', 'bad name');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('a registered cluster name or id');
  });

  it('ingests JUnit reports, finds a flaky test and predicts failures with a measured accuracy', async () => {
    const report = join(cwd, 'report.xml');
    writeFileSync(report, readFileSync(join(fixtures, 'tests', '__fixtures__', 'nested-suites.xml')));
    const first = await cli('tests', 'ingest', 'report.xml', '--pipeline', 'CI', '--run', '7301450221');
    expect(first.code).toBe(1);
    expect(first.out).toContain('stored 6 tests of CI run 7301450221: 3 passed, 1 failed, 1 errors, 1 skipped');
    writeFileSync(report, readFileSync(report, 'utf8').replace(/<failure[\s\S]*?<\/failure>/, ''));
    await cli(
      'tests',
      'ingest',
      'report.xml',
      '--pipeline',
      'CI',
      '--run',
      'retry',
      '--commit',
      '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39',
    );
    const flaky = await cli('-o', 'json', 'tests', 'flaky', '--pipeline', 'CI');
    expect(flaky.json().tests.map((t: { test_id: string; reason: string }) => [t.test_id, t.reason])).toEqual([
      ['api/src/user.test.ts > UserService > rejects a duplicate email', 'same-commit'],
    ]);
    expect((await cli('tests', 'flaky', '--pipeline', 'CI')).out).toMatch(/TEST\s+FLAKY\s+REASON/);
    expect((await cli('tests', 'predict', '--pipeline', 'CI', '--changed', 'api/src/user.ts')).out).toContain(
      'not enough data',
    );

    // A longer synthetic history, ingested run by run, is enough for the model.
    const history = syntheticTestHistory({ runs: 40, modules: 3, testsPerModule: 4 });
    for (const run of history) {
      writeFileSync(report, junit(run.results.map((r) => ({ id: r.test_id, fail: r.outcome === 'FAIL' }))));
      const r = await cli(
        'tests',
        'ingest',
        'report.xml',
        '--pipeline',
        'synthetic',
        '--run',
        run.report_id,
        '--changed',
        run.changed_files.join(','),
      );
      expect(r.err).toBe('');
    }
    const predicted = await cli(
      '-o',
      'json',
      'tests',
      'predict',
      '--pipeline',
      'synthetic',
      '--changed',
      'api/src/file1.ts',
    );
    const p = predicted.json();
    expect(p).toMatchObject({ status: 'ok', training: { runs: 40 } });
    expect(p.evaluation.accuracy).toBeGreaterThan(0);
    expect(p.tests.length).toBeGreaterThan(0);
  }, 240_000);
});
