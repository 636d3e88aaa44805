import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@opspilot/core';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

let sim: SimCluster;
let dir: string;
let kubeconfig: string;

beforeAll(async () => {
  const clock = new ManualClock(new Date('2026-01-01T13:00:00Z'));
  sim = await startSimCluster({ scenario: 'cost', clock });
  dir = mkdtempSync(join(tmpdir(), 'opspilot-cost-'));
  kubeconfig = join(dir, 'kubeconfig.yaml');
  writeFileSync(kubeconfig, sim.kubeconfig);
  writeFileSync(join(dir, 'pricing.yaml'), 'on_prem:\n  cpu_core_hour: 0.04\n  memory_gib_hour: -0.005\n');
  await advanceClock(clock, 30_000, 5_000);
}, 60_000);
afterAll(() => sim?.stop());

async function cli(args: string[]) {
  const io = memoryIo({}, dir);
  const code = await runCli(['cost', ...args, '--kubeconfig', kubeconfig], io);
  return { code, out: io.out(), err: io.err() };
}

describe('opspilot cost', { timeout: 60_000 }, () => {
  it('allocation: a kubectl-style table per namespace, JSON and CSV', async () => {
    const { code, out, err } = await cli(['allocation', '--since', '24h']);
    expect(code, err).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+CPU\s+MEMORY\s+GPU\s+PV\s+LB\s+IDLE\s+TOTAL\s+MONTHLY$/);
    expect(lines.some((l) => /^shop\s/.test(l))).toBe(true);
    expect(lines.some((l) => /^__idle__\s/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^USD, 24 h from .*; usage from metrics\.k8s\.io/);
    const json = JSON.parse((await cli(['allocation', '--by', 'workload', '-o', 'json'])).out);
    const catalog = json.rows.find((r: { key: string }) => r.key === 'shop/Deployment/catalog');
    // catalog requests 1 core and 1 GiB per replica, far above what it uses: charged at its requests.
    expect(catalog.cpu_core_hours).toBeCloseTo(2 * 24, 6);
    const csv = (await cli(['allocation', '-o', 'csv'])).out.split('\n');
    expect(csv[0]).toBe('NAME,CPU,MEMORY,GPU,PV,LB,IDLE,TOTAL,MONTHLY');
    expect(csv.some((l) => l.startsWith('shop,'))).toBe(true);
    // --csv is kept as an alias; -o csv belongs to the cost commands only.
    expect((await cli(['allocation', '--csv'])).out.split('\n')[0]).toBe(csv[0]);
    const other = memoryIo({}, dir);
    expect(await runCli(['version', '-o', 'csv'], other)).toBe(2);
    expect(other.err()).toMatch(/expected one of "text"\|"json"\|"yaml"/);
  });

  it('recommendations: rightsizing, idle, unused volume and LoadBalancer, with the saving', async () => {
    const { code, out, err } = await cli(['recommendations', '--window', '2d', '--min-history', '1h']);
    expect(code, err).toBe(0);
    expect(out).toMatch(/^ID\s+TYPE\s+RESOURCE\s+CHANGE\s+SAVES\/MONTH\s+CONFIDENCE/);
    expect(out).toMatch(/RIGHTSIZE\s+deployment\/shop\/catalog\s+catalog: cpu \d+m, memory \d+Mi/);
    expect(out).toMatch(/IDLE_RESOURCE\s+service\/shop\/legacy-lb\s+delete/);
    expect(out).toMatch(/STORAGE\s+persistentvolumeclaim\/shop\/old-exports\s+delete/);
    expect(out).toMatch(/about \d+\.\d\d USD per month to save/);
  });

  it('budgets: adds one, shows its spend, and alerts the thresholds reached', async () => {
    const { code, out, err } = await cli(['budgets', '--set', 'shop', '--amount', '0.01', '--scope-namespace', 'shop']);
    expect(code, err).toBe(0);
    expect(out).toMatch(/^NAME\s+SCOPE\s+AMOUNT\s+SPENT\s+%\s+FORECAST\s+%/);
    expect(out).toMatch(/^shop\s+shop\s+0\.01\s/m);
    expect(out).toMatch(/ACTUAL\s+budget "shop" reached 100 %/);
  });

  it('forecast: one row per day, and a pricing file with a negative price is refused naming its line', async () => {
    const { code, out } = await cli(['forecast', '--days', '7', '--history', '2d']);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1 + 7 + 1);
    const csv = (await cli(['forecast', '--days', '7', '--history', '2d', '-o', 'csv'])).out.trim().split('\n');
    expect(csv[0]).toBe('DAY,COST,LOWER,UPPER');
    expect(csv).toHaveLength(1 + 7);
    const bad = await cli(['allocation', '--pricing', 'pricing.yaml']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/pricing\.yaml:3: on_prem\.memory_gib_hour: must not be negative/);
  });
});
