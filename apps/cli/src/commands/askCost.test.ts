import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

let sim: SimCluster;
const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-ask-cost-'));
const kubeconfig = join(cwd, 'kubeconfig.yaml');
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data'), OPSPILOT_USER: 'alice' };

const catalogResources = () => {
  const deployments = sim.api.registry.find('apps', 'v1', 'deployments')!;
  const spec = sim.store.get(deployments, 'shop', 'catalog').spec as {
    template: { spec: { containers: { name: string; resources?: { requests?: Record<string, string> } }[] } };
  };
  return spec.template.spec.containers[0]?.resources;
};

beforeAll(async () => {
  sim = await startSimCluster({ scenario: 'cost' });
  writeFileSync(kubeconfig, sim.kubeconfig);
  const deployments = sim.api.registry.find('apps', 'v1', 'deployments')!;
  await vi.waitFor(
    () =>
      expect(
        (sim.store.get(deployments, 'shop', 'catalog').status as { availableReplicas?: number })?.availableReplicas,
      ).toBe(2),
    { timeout: 30_000, interval: 100 },
  );
}, 60_000);
afterAll(async () => {
  await sim?.stop();
  rmSync(cwd, { recursive: true, force: true });
});

const ask = async (...args: string[]) => {
  const io = memoryIo(env, cwd);
  const code = await runCli(['ask', '--kubeconfig', kubeconfig, ...args], io);
  return { code, out: io.out(), err: io.err() };
};

describe('opspilot ask about cost', { timeout: 60_000 }, () => {
  it('answers what a namespace costs per month and per day', async () => {
    const month = await ask('how much does namespace shop cost per month?');
    expect(month.code, month.err).toBe(0);
    expect(month.out).toMatch(/^Understood: what namespace shop costs per month\n/);
    expect(month.out).toMatch(/namespace shop costs about \d+\.\d\d USD per month/);
    const json = JSON.parse((await ask('how much does namespace shop cost per day', '-o', 'json')).out);
    expect(json).toMatchObject({ kind: 'cost', currency: 'USD', lines: [{ name: 'shop' }] });
    expect(json.amount).toBeGreaterThan(0);
  });

  it('answers what can be saved, the largest saving first', async () => {
    const { code, out } = await ask('what can I save in namespace shop');
    expect(code).toBe(0);
    expect(out).toMatch(/about \d+\.\d\d USD per month can be saved with \d+ recommendation\(s\)/);
    expect(out).toMatch(/RIGHTSIZE shop\/catalog: /);
  });

  it('plans "rightsize catalog" for review, and with --yes changes exactly that container, audited', async () => {
    const before = catalogResources();
    const dry = await ask('rightsize catalog', '--dry-run');
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toMatch(/catalog/);
    expect(catalogResources()).toEqual(before);
    const applied = await ask('rightsize catalog', '--yes', '-o', 'json', '--settle', '0');
    expect(applied.code, applied.err).toBe(0);
    expect(JSON.parse(applied.out)).toMatchObject({ status: 'APPLIED' });
    expect(catalogResources()).not.toEqual(before);
    expect(catalogResources()?.requests?.cpu).toMatch(/^\d+m$/);
    const audit = memoryIo(env, cwd);
    await runCli(['audit', 'list', '-o', 'json'], audit);
    expect(audit.out()).toContain('cost.recommendation.planned');
  });
});
