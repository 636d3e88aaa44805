import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeObject } from '@opspilot/core';
import { createClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const deployment = (name: string, replicas: number): KubeObject =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'guarded' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'a', image: 'nginx:1.27' }] } },
    },
  }) as KubeObject;

describe('opspilot security policies enforce', () => {
  let sim: SimCluster;
  let dir: string;
  let kubeconfig: string;
  let gateway: ReturnType<typeof createClusterGateway>;
  const cli = async (...args: string[]) => {
    const io = memoryIo({}, dir);
    const code = await runCli([...args, '--kubeconfig', kubeconfig], io);
    return { code, out: io.out(), err: io.err() };
  };
  beforeAll(async () => {
    sim = await startSimCluster();
    dir = mkdtempSync(join(tmpdir(), 'opspilot-enforce-'));
    kubeconfig = join(dir, 'kubeconfig.yaml');
    writeFileSync(kubeconfig, sim.kubeconfig);
    gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig });
    await gateway.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'guarded' } } as KubeObject);
  });
  afterAll(async () => {
    gateway?.close();
    await sim?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('plans, dry-runs, applies and verifies the ValidatingAdmissionPolicy, which the cluster then enforces', async () => {
    const add = await cli(
      'security',
      'policies',
      'add',
      'few-replicas',
      '--template',
      'k8sreplicalimits',
      '--param',
      'ranges=[{"min_replicas":1,"max_replicas":3}]',
    );
    expect(add.code, add.err).toBe(0);
    const dry = await cli('security', 'policies', 'enforce', 'few-replicas', '--mode', 'deny', '--dry-run');
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain('ValidatingAdmissionPolicy');
    expect(dry.out).toContain('dry run: nothing was changed');
    expect(await gateway.get({ kind: 'ValidatingAdmissionPolicy', name: 'opspilot-few-replicas' })).toBeUndefined();

    const applied = await cli(
      'security',
      'policies',
      'enforce',
      'few-replicas',
      '--mode',
      'deny',
      '--yes',
      '-o',
      'json',
    );
    expect(applied.code, applied.err).toBe(0);
    expect(JSON.parse(applied.out)).toMatchObject({ status: 'APPLIED' });
    const binding = (await gateway.get({
      kind: 'ValidatingAdmissionPolicyBinding',
      name: 'opspilot-few-replicas',
    })) as KubeObject & { spec: { validationActions: string[] } };
    expect(binding.spec.validationActions).toEqual(['Deny']);

    await expect(gateway.apply(deployment('big', 9))).rejects.toThrow(
      /ValidatingAdmissionPolicy 'opspilot-few-replicas' with binding 'opspilot-few-replicas' denied request: replicas must be within 1–3/,
    );
    await gateway.apply(deployment('small', 2));

    const warn = await cli('security', 'policies', 'enforce', 'few-replicas', '--mode', 'warn', '--yes', '-o', 'json');
    expect(JSON.parse(warn.out)).toMatchObject({ status: 'APPLIED' });
    await gateway.apply(deployment('big', 9));
    const audit = memoryIo({}, dir);
    await runCli(['audit', 'list', '--action', 'security.policy.enforce', '-o', 'json'], audit);
    expect(audit.out()).toContain('policy/few-replicas');
  }, 120_000);

  it('refuses a bad mode and a template that has no admission form, naming what compiles', async () => {
    expect((await cli('security', 'policies', 'enforce', 'few-replicas', '--mode', 'block')).code).toBe(2);
    await cli('security', 'policies', 'add', 'unique-hosts', '--template', 'k8suniqueingresshost');
    const r = await cli('security', 'policies', 'enforce', 'unique-hosts', '--yes');
    expect(r.code).toBe(2);
    expect(r.err).toContain('other objects');
  });
});
