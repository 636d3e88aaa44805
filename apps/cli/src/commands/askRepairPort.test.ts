import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { currentFindings } from '@opspilot/remediate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

let sim: SimCluster;
const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-repair-port-'));
const kubeconfig = join(cwd, 'kubeconfig.yaml');
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data'), OPSPILOT_USER: 'alice' };

beforeAll(async () => {
  // Real time: the memory hog is OOM-killed a second or two after it starts.
  sim = await startSimCluster({});
  writeFileSync(kubeconfig, sim.kubeconfig);
  const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig });
  await gateway.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'cli-port' } });
  await gateway.apply({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'memcache', namespace: 'cli-port' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'memcache' } },
      template: {
        metadata: { labels: { app: 'memcache' } },
        spec: {
          containers: [{ name: 'app', image: 'opspilot/memory-hog:1.0', resources: { limits: { memory: '512Mi' } } }],
        },
      },
    },
  } as never);
  await vi.waitFor(
    async () => {
      const found = await currentFindings(gateway, new Date(), { namespace: 'cli-port' });
      expect(found.map((f) => f.analyzer)).toContain('pod-oom-killed');
    },
    { timeout: 30_000, interval: 500 },
  );
}, 60_000);
afterAll(async () => {
  await sim?.stop();
  rmSync(cwd, { recursive: true, force: true });
});

const cli = async (...args: string[]) => {
  const io = memoryIo(env, cwd);
  const code = await runCli([...args, '--kubeconfig', kubeconfig], io);
  return { code, out: io.out(), err: io.err() };
};

describe('opspilot ask: a repair only the grounded planner can place reaches the catalogue', () => {
  it('fixes "the memcach deployment" (misspelt, no problem word) with the catalogue\'s fix, applied and verified', {
    timeout: 90_000,
  }, async () => {
    const words = 'please repair the memcach deployment'.split(' ');
    const { code, out, err } = await cli('ask', ...words, '-n', 'cli-port', '--yes', '--settle', '2', '-o', 'json');
    expect(code, err).toBe(0);
    const answer = JSON.parse(out);
    expect(answer).toMatchObject({ status: 'APPLIED', risk: 'write' });
    expect(answer.plan.planner).toBe('remediate:oom:raise-memory-limit');
    expect(answer.plan.request).toMatch(/repair the memcach deployment \(deployment cli-port memcache\)$/);
    expect(answer.fix).toEqual({ status: 'VERIFIED', message: expect.stringMatching(/no restarts for 2s$/) });
  });
});
