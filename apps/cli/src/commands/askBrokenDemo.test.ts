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
let gateway: ReturnType<typeof createClusterGateway>;
const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-broken-demo-'));
const kubeconfig = join(cwd, 'kubeconfig.yaml');
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data'), OPSPILOT_USER: 'alice' };

beforeAll(async () => {
  // The broken demo as `opspilot demo --broken` serves it, on real time.
  sim = await startSimCluster({ scenario: 'broken' });
  writeFileSync(kubeconfig, sim.kubeconfig);
  gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig });
  await vi.waitFor(
    async () => {
      const found = await currentFindings(gateway, new Date(), { namespace: 'broken' });
      expect(found.map((f) => f.analyzer)).toEqual(expect.arrayContaining(['pod-oom-killed', 'pod-image-pull']));
    },
    { timeout: 30_000, interval: 500 },
  );
}, 60_000);
afterAll(async () => {
  await sim?.stop();
  rmSync(cwd, { recursive: true, force: true });
});

const ask = async (request: string) => {
  const io = memoryIo(env, cwd);
  const args = ['ask', ...request.split(' '), '-n', 'broken', '--yes', '--settle', '2', '-o', 'json'];
  const code = await runCli([...args, '--kubeconfig', kubeconfig], io);
  return { code, out: io.out(), err: io.err() };
};

describe('opspilot ask "fix …" on the broken demo', () => {
  it('fixes the OOM-killed memory hog (limit 128Mi, needs 900Mi) in one fix, from the kernel report of the kill', {
    timeout: 90_000,
  }, async () => {
    const { code, out, err } = await ask('fix the oom pod');
    expect(code, err).toBe(0);
    const answer = JSON.parse(out);
    expect(answer.plan.planner).toBe('remediate:oom:raise-memory-limit');
    expect(answer.fix).toEqual({ status: 'VERIFIED', message: expect.stringMatching(/no restarts for 2s$/) });
    const live = (await gateway.get({ kind: 'Deployment', name: 'oom', namespace: 'broken' })) as {
      spec: { template: { spec: { containers: { resources: { limits: { memory: string } } }[] } } };
    };
    expect(live.spec.template.spec.containers[0]?.resources.limits.memory).toBe('1Gi');
  });

  it('sets the bad image tag to one the cluster runs of the same repository, applied and verified', {
    timeout: 90_000,
  }, async () => {
    const { code, out, err } = await ask('fix the image of bad-image');
    expect(code, err).toBe(0);
    const answer = JSON.parse(out);
    expect(answer.plan.planner).toBe('remediate:image-pull:previous-image');
    expect(answer.fix.status, answer.fix.message).toBe('VERIFIED');
    const live = (await gateway.get({ kind: 'Deployment', name: 'bad-image', namespace: 'broken' })) as {
      spec: { template: { spec: { containers: { image: string }[] } } };
    };
    expect(live.spec.template.spec.containers[0]?.image).toMatch(/^todo\/backend:(?!9\.9\.9)/);
  });

  it('says which precondition failed when no remediation applies (a crash loop with no working revision)', async () => {
    const { code, out } = await ask('why is crashloop crashing? fix it');
    expect(code).not.toBe(0);
    const answer = JSON.parse(out);
    expect(answer.status).toBe('UNSUPPORTED');
    expect(answer.result).toMatch(/^found pod-crash-loop:pod\/broken\/crashloop-\S+ but no safe fix: /);
    expect(answer.result).toMatch(
      /deployment:restore-last-working-revision: deployment crashloop has no earlier revision/,
    );
    expect(answer.result).toMatch(/rbac:grant-denied-rule: the logs of app show no RBAC denial/);
  });
});
