import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { createKubectl } from '@opspilot/kube-sim/testing';
import { openStore } from '@opspilot/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-review-apply-'));
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data'), OPSPILOT_USER: 'frank' };
const kubeconfig = join(cwd, 'kubeconfig.yaml');
let sim: SimCluster;

beforeAll(async () => {
  sim = await startSimCluster();
  writeFileSync(kubeconfig, sim.kubeconfig);
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

describe('opspilot review apply', () => {
  it('applies an approved ConfigMap through the operation lifecycle and marks it APPLIED', async () => {
    const generated = await cli('-o', 'json', 'generate', 'configmap', 'app-config LOG_LEVEL=debug namespace default');
    const id = generated.json().files[0].id;
    const early = await cli('review', 'apply', id);
    expect(early.code).toBe(2);
    expect(early.err).toContain(`approve it first: opspilot review approve ${id}`);
    expect((await cli('review', 'approve', id)).code).toBe(0);
    const applied = await cli('-o', 'json', 'review', 'apply', id);
    expect(applied.code, applied.err).toBe(0);
    expect(applied.json()).toMatchObject({ config_id: id, state: 'APPLIED', operation_state: 'APPLIED' });
    const live = await createKubectl(sim.kubeconfig)(['get', 'configmap', 'app-config', '-n', 'default', '-o', 'json']);
    expect(JSON.parse(live.stdout).data).toEqual({ LOG_LEVEL: 'debug' });
    const store = await openStore({ sqlitePath: join(cwd, 'data', 'opspilot.db') });
    try {
      const audit = await store.audit.list({ target: `generated_config/${id}` });
      expect(audit.items[0]).toMatchObject({ action: 'generated_config.applied', user_id: 'frank' });
      const reviews = await store.reviews.list({ generated_config_id: id });
      expect(reviews.items[0]).toMatchObject({ approval_status: 'APPROVED', applied_to_production: true });
    } finally {
      await store.close();
    }
    const twice = await cli('review', 'apply', id);
    expect(twice.code).toBe(2);
    expect(twice.err).toContain('is APPLIED, not APPROVED');
  });

  it('refuses to apply a Dockerfile', async () => {
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
    const generated = await cli('-o', 'json', 'generate', 'dockerfile', '--from', todo);
    const dockerfile = generated.json().files.find((f: { path: string }) => f.path === 'backend/Dockerfile');
    expect((await cli('review', 'approve', dockerfile.id)).code).toBe(0);
    const applied = await cli('review', 'apply', dockerfile.id);
    expect(applied.code).toBe(2);
    expect(applied.err).toContain('holds no Kubernetes objects');
  });
});
