import { spawnSync } from 'node:child_process';
import { ManualClock } from '@opspilot/core';
import { requireSystemTool } from '@opspilot/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from '../startSimCluster.js';
import { advanceClock } from '../testing/advanceClock.js';
import { apiRequest, authHeaders } from '../testing/apiRequest.js';

const T0 = new Date('2026-01-01T00:00:00Z');
let sim: SimCluster;
let clock: ManualClock;

beforeAll(async () => {
  clock = new ManualClock(T0);
  sim = await startSimCluster({ clock, tls: false, scenario: 'gpu' });
  await advanceClock(clock, 60_000, 5_000);
});
afterAll(() => sim?.stop());

const scrape = async (target = sim) =>
  (await fetch(`${target.url}/metrics/dcgm`, { headers: authHeaders(target) })).text();

/** Every sample of `name` as its labels and value (the text format's `name{a="b",...} value` lines). */
function samples(text: string, name: string): { labels: Record<string, string>; value: number }[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`))
    .map((l) => {
      const labels = Object.fromEntries([...l.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
      return { labels, value: Number(l.slice(l.lastIndexOf(' ') + 1)) };
    });
}

describe('the gpu scenario', () => {
  it('registers GPU nodes with nvidia.com/gpu allocatable and GPU feature discovery labels', async () => {
    const nodes = (await apiRequest(sim, '/api/v1/nodes')).json.items as {
      metadata: { name: string; labels: Record<string, string> };
      spec: { taints?: { key: string }[] };
      status: { allocatable: Record<string, string> };
    }[];
    const a100 = nodes.find((n) => n.metadata.name === 'gpu-a100-1')!;
    expect(a100.status.allocatable['nvidia.com/gpu']).toBe('4');
    expect(a100.metadata.labels).toMatchObject({
      'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB',
      'nvidia.com/gpu.memory': '81920',
      'nvidia.com/gpu.count': '4',
      'nvidia.com/gpu.present': 'true',
      'nvidia.com/cuda.driver.major': '535',
    });
    expect(a100.spec.taints?.map((t) => t.key)).toEqual(['nvidia.com/gpu']);
    expect(nodes.find((n) => n.metadata.name === 'gpu-l4-1')!.status.allocatable['nvidia.com/gpu']).toBe('2');
    expect(nodes.find((n) => n.metadata.name === 'sim-worker-1')!.status.allocatable['nvidia.com/gpu']).toBeUndefined();
  });

  it('schedules GPU pods onto GPU nodes and leaves one wanting too many Pending', async () => {
    const pods = (await apiRequest(sim, '/api/v1/namespaces/ml/pods')).json.items as {
      metadata: { name: string; labels: Record<string, string> };
      spec: { nodeName?: string };
      status: { phase: string; conditions?: { type: string; message?: string }[] };
    }[];
    const byApp = (app: string) => pods.filter((p) => p.metadata.labels.app === app);
    expect(byApp('llm-inference').map((p) => p.spec.nodeName)).toEqual(['gpu-l4-1', 'gpu-l4-1']);
    expect(byApp('llama-finetune')[0]!.spec.nodeName).toMatch(/^gpu-a100-[12]$/);
    expect(byApp('embeddings')[0]!.spec.nodeName).toMatch(/^gpu-a100-[12]$/);
    const tooBig = byApp('too-big')[0]!;
    expect(tooBig.status.phase).toBe('Pending');
    const message = tooBig.status.conditions?.find((c) => c.type === 'PodScheduled')?.message ?? '';
    expect(message).toContain('Insufficient nvidia.com/gpu');
  });

  it("serves dcgm-exporter's series, which promtool accepts, one per GPU, with the holder's pod", async () => {
    const text = await scrape();
    // promtool is Prometheus' own parser; its only complaint is the style lint on dcgm-exporter's camelCase labels
    // (UUID, modelName, Hostname), which the real exporter has too. A malformed exposition reads "error while linting".
    const check = spawnSync(requireSystemTool('promtool'), ['check', 'metrics'], { input: text, encoding: 'utf8' });
    const complaints = `${check.stdout}${check.stderr}`.split('\n').filter(Boolean);
    expect(complaints.length).toBeGreaterThan(0);
    for (const line of complaints)
      expect(line).toMatch(/^DCGM_FI_DEV_\w+ label names should be written in 'snake_case'/);
    const util = samples(text, 'DCGM_FI_DEV_GPU_UTIL');
    expect(util).toHaveLength(10);
    const trainer = util.filter((s) => s.labels.pod?.startsWith('llama-finetune-'));
    expect(trainer).toHaveLength(4);
    for (const s of trainer) {
      expect(s.value).toBeGreaterThanOrEqual(90);
      expect(s.labels).toMatchObject({ namespace: 'ml', container: 'trainer', modelName: 'NVIDIA A100-SXM4-80GB' });
      expect(s.labels.UUID).toMatch(/^GPU-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(s.labels.device).toBe(`nvidia${s.labels.gpu}`);
    }
    const idle = util.filter((s) => !s.labels.pod);
    expect(idle).toHaveLength(2); // gpu-a100: 8 GPUs, 4 + 2 taken; gpu-l4: both taken.
    for (const s of idle) expect(s.value).toBe(0);
    const used = samples(text, 'DCGM_FI_DEV_FB_USED');
    const free = samples(text, 'DCGM_FI_DEV_FB_FREE');
    const reserved = samples(text, 'DCGM_FI_DEV_FB_RESERVED');
    for (const u of used) {
      const f = free.find((s) => s.labels.UUID === u.labels.UUID)!;
      const r = reserved.find((s) => s.labels.UUID === u.labels.UUID)!;
      const total = u.labels.modelName === 'NVIDIA L4' ? 23034 : 81920;
      expect(u.value + f.value + r.value).toBe(total);
      if (u.labels.pod) expect(u.value).toBeGreaterThan(0);
      else expect(u.value).toBe(0);
      if (u.labels.pod?.startsWith('llama-finetune-')) expect(u.value / total).toBeGreaterThan(0.8);
    }
    const hot = samples(text, 'DCGM_FI_DEV_GPU_TEMP').find((s) => s.labels.pod?.startsWith('llama-finetune-'))!;
    const cold = samples(text, 'DCGM_FI_DEV_GPU_TEMP').find((s) => !s.labels.pod)!;
    expect(hot.value).toBeGreaterThan(cold.value + 20);
    const power = samples(text, 'DCGM_FI_DEV_POWER_USAGE').find((s) => s.labels.pod?.startsWith('llama-finetune-'))!;
    expect(power.value).toBeGreaterThan(300);
    expect(power.value).toBeLessThanOrEqual(400);
  });

  it('reports the scheduled XID error once its time has come, and the inference load moves with the clock', async () => {
    const xidOf = async () =>
      samples(await scrape(), 'DCGM_FI_DEV_XID_ERRORS').find(
        (s) => s.labels.Hostname === 'gpu-a100-2' && s.labels.gpu === '3',
      )!.value;
    expect(await xidOf()).toBe(0);
    const inference = async () =>
      samples(await scrape(), 'DCGM_FI_DEV_GPU_UTIL')
        .filter((s) => s.labels.Hostname === 'gpu-l4-1')
        .map((s) => s.value);
    const before = await inference();
    await clock.advance(30 * 60_000);
    expect(await xidOf()).toBe(79);
    expect(await inference()).not.toEqual(before);
  });

  it('gives the same GPUs and readings for the same seed and moment', async () => {
    const other = await startSimCluster({ clock: new ManualClock(clock.now()), tls: false, scenario: 'gpu' });
    try {
      const strip = (text: string) =>
        samples(text, 'DCGM_FI_DEV_FB_FREE')
          .filter((s) => !s.labels.pod)
          .map((s) => `${s.labels.Hostname}/${s.labels.gpu}/${s.labels.UUID}=${s.value}`)
          .sort();
      // Neither cluster's pods have started in the new one, so compare the GPUs nobody holds in both.
      const ours = strip(await scrape()).filter((l) => l.startsWith('gpu-a100'));
      const theirs = strip(await scrape(other));
      expect(ours.length).toBeGreaterThan(0);
      for (const line of ours) expect(theirs).toContain(line);
    } finally {
      await other.stop();
    }
  });
});
