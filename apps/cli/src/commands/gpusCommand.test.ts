import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@opspilot/core';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { freePort } from '@opspilot/observe/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

let sim: SimCluster;
let dir: string;
let kubeconfig: string;

beforeAll(async () => {
  const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ scenario: 'gpu', clock });
  dir = mkdtempSync(join(tmpdir(), 'opspilot-gpus-'));
  kubeconfig = join(dir, 'kubeconfig.yaml');
  writeFileSync(kubeconfig, sim.kubeconfig);
  await advanceClock(clock, 40_000, 5_000);
}, 60_000);
afterAll(() => sim?.stop());

async function cli(args: string[], env: Record<string, string> = {}) {
  const io = memoryIo(env, dir);
  const code = await runCli(['gpus', ...args, '--kubeconfig', kubeconfig, '--dcgm-path', '/metrics/dcgm'], io);
  return { code, out: io.out(), err: io.err() };
}

describe('opspilot gpus', { timeout: 60_000 }, () => {
  it('prints one row per GPU, kubectl style, with the pod holding it', async () => {
    const { code, out, err } = await cli([]);
    expect(code, err).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^NODE\s+GPU\s+MODEL\s+UTIL\s+MEMORY\s+TEMP\s+POWER\s+XID\s+POD$/);
    expect(lines).toHaveLength(11);
    const trainer = lines.filter((l) => l.includes('ml/llama-finetune-'));
    expect(trainer).toHaveLength(4);
    for (const l of trainer)
      expect(l).toMatch(/^gpu-a100-[12]\s+\d\s+NVIDIA A100-SXM4-80GB\s+(9\d|100)%\s+\d+\/81920Mi\s+\d+C\s+\d+W\s+-/);
    expect(lines.filter((l) => l.startsWith('gpu-l4-1'))).toHaveLength(2);
  });

  it('gives seed 003 GPUNodes in JSON and YAML, one node with --node', async () => {
    const json = JSON.parse((await cli(['--node', 'gpu-l4-1', '-o', 'json'])).out);
    expect(json).toMatchObject({ status: 'SUCCESS', metrics_source: 'DCGM_ENDPOINT' });
    expect(json.nodes).toHaveLength(1);
    expect(json.nodes[0]).toMatchObject({
      node_name: 'gpu-l4-1',
      gpu_allocatable: 2,
      product: 'NVIDIA-L4',
      metrics: 'DCGM',
    });
    expect(json.nodes[0].gpus[0]).toMatchObject({ name: 'NVIDIA L4', memory_total_mb: 23034, power_limit_watts: 72 });
    const yaml = (await cli(['-o', 'yaml'])).out;
    expect(yaml).toContain('node_name: gpu-a100-1');
  });

  it('exits 1 and says why when the readings cannot be had, listing the GPU nodes without them', async () => {
    const env = { OPSPILOT_PROMETHEUS_URL: `http://127.0.0.1:${await freePort()}` };
    const { code, out } = await cli([], env);
    expect(code).toBe(1);
    expect(out).toMatch(/gpu-a100-1\s+0\/4\s+NVIDIA-A100-SXM4-80GB(\s+-){5}\s+<no readings>/);
    expect(out).toMatch(/\(ERROR\): .*cannot be reached/);
  });
});
