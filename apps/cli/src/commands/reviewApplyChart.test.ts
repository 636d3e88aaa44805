import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { createKubectl } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-chart-apply-'));
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data'), OPSPILOT_USER: 'frank' };
const kubeconfig = join(cwd, 'kubeconfig.yaml');
const todo = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'packages',
  'manifests',
  'src',
  '__fixtures__',
  'todo-app',
);
let sim: SimCluster;

beforeAll(async () => {
  sim = await startSimCluster();
  writeFileSync(kubeconfig, sim.kubeconfig);
  // The simulated registry holds todo/backend and todo/frontend at 1.0 … 2.0.
  writeFileSync(
    join(cwd, 'values.yaml'),
    'secret:\n  create: true\napps:\n  backend:\n    image:\n      tag: "1.0"\n  frontend:\n    image:\n      tag: "1.0"\n',
  );
});
afterAll(async () => {
  await sim?.stop();
  rmSync(cwd, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  const io = memoryIo(env, cwd);
  const code = await runCli(['--kubeconfig', kubeconfig, ...argv], io);
  return { code, out: io.out(), err: io.err(), json: () => JSON.parse(io.out()) };
}

describe('opspilot review apply of a generated chart', () => {
  it('installs the approved Todo chart with helm and marks every file of it APPLIED', async () => {
    const generated = await cli('-o', 'json', 'generate', 'helm-chart', '--from', todo, '--name', 'todo');
    const files = generated.json().files as { id: string; path: string }[];
    const chartYaml = files.find((f) => f.path === 'charts/todo/Chart.yaml')!;
    expect((await cli('review', 'approve', chartYaml.id)).code).toBe(0);
    const partly = await cli('review', 'apply', chartYaml.id, '-n', 'shop');
    expect(partly.code).toBe(2);
    expect(partly.err).toContain('is not approved as a whole');
    for (const f of files.filter((x) => x.id !== chartYaml.id))
      expect((await cli('review', 'approve', f.id)).code).toBe(0);
    const applied = await cli(
      '-o',
      'json',
      '-n',
      'shop',
      'review',
      'apply',
      chartYaml.id,
      '--values',
      'values.yaml',
      '--timeout',
      '120',
    );
    expect(applied.code, applied.err + applied.out).toBe(0);
    expect(applied.json()).toMatchObject({ config_id: chartYaml.id, state: 'APPLIED', operation_state: 'APPLIED' });
    expect(applied.json().result).toMatch(/Deployment\/backend: 2\/2 available/);
    expect(applied.json().diff).toContain('apps.v1.Deployment.shop.frontend');
    const kubectl = createKubectl(sim.kubeconfig);
    const secrets = await kubectl(['get', 'secrets', '-n', 'shop', '-l', 'owner=helm', '-o', 'name']);
    expect(secrets.stdout).toContain('secret/sh.helm.release.v1.todo.v1');
    const history = await cli('-n', 'shop', 'release', 'history', 'todo');
    expect(history.code, history.err).toBe(0);
    expect(history.out).toMatch(/^REVISION\s+STATUS\s+CHART/);
    expect(history.out).toMatch(/\n1\s+deployed\s+todo-0\.1\.0/);
    const noEarlier = await cli('-n', 'shop', 'release', 'rollback', 'todo');
    expect(noEarlier.code).toBe(2);
    expect(noEarlier.err).toContain('has no revision before the current one');
    const listed = await cli('-o', 'json', 'review', 'list', '--state', 'APPLIED');
    expect(listed.code).toBe(0);
    expect(JSON.stringify(listed.json())).toContain('charts/todo/templates/deployment.yaml');
  }, 240_000);
});
