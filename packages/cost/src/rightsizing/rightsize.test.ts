import { describe, expect, it } from 'vitest';
import { container, FLAT_PRICES, GIB, pod, smallCluster } from '../__fixtures__/smallCluster.js';
import { percentile, percentileBySelection } from './percentile.js';
import { rightsizeContainer } from './rightsize.js';
import { rightsizeCluster } from './rightsizeCluster.js';

const MI = 2 ** 20;
const prices = FLAT_PRICES.nodePrices({ labels: {}, cpuCores: 0, memoryBytes: 0, gpus: 0 });

/** 48 hourly samples: CPU 0.01, 0.02 … 0.48 cores; memory 200 … 247 MiB. */
function known(): { cpu: Float64Array; mem: Float64Array } {
  const cpu = new Float64Array(48);
  const mem = new Float64Array(48);
  for (let i = 0; i < 48; i++) {
    cpu[i] = (i + 1) / 100;
    mem[i] = (200 + i) * MI;
  }
  return { cpu, mem };
}

describe('percentile', () => {
  it('interpolates between ranks as quantile_over_time does and skips NaN', () => {
    expect(percentile([1, 2, 3, 4, 5], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, Number.NaN], 75)).toBe(3.25);
    expect(percentile([], 95)).toBeNaN();
  });

  it('selects the same percentile as sorting does', () => {
    let seed = 7;
    for (let run = 0; run < 50; run++) {
      const values = Array.from({ length: 1 + run * 7 }, () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        return seed % 5 === 0 ? Number.NaN : (seed % 1000) / 7;
      });
      for (const p of [0, 50, 90, 95, 99, 100]) {
        const sorted = percentile(values, p);
        if (Number.isNaN(sorted)) expect(percentileBySelection(values, p)).toBeNaN();
        else expect(percentileBySelection(values, p)).toBeCloseTo(sorted, 12);
      }
    }
  });
});

describe('rightsizeContainer', () => {
  it('recommends CPU request = p95, no CPU limit, memory request = limit = max + 15 %', () => {
    const { cpu, mem } = known();
    const c = { ...container('app', 2, 2, { cpu, mem }), cpuLimit: 4, memoryLimit: 4 * GIB };
    const r = rightsizeContainer({
      pod: pod('a', 'web-1', ['Deployment', 'web'], [c]),
      container: c,
      stepSeconds: 3600,
      prices,
    });
    const p95 = percentile(cpu, 95);
    expect(p95).toBeCloseTo(0.4565, 10);
    expect(r.status).toBe('RECOMMENDED');
    expect(r.recommended).toEqual({
      cpu_request: 0.457,
      memory_request: Math.ceil(247 * 1.15) * MI,
      memory_limit: Math.ceil(247 * 1.15) * MI,
    });
    expect(r.recommended!.cpu_limit).toBeUndefined();
    expect(r.reason).toMatch(/p95 of usage \(457m\), no CPU limit; memory request = limit = max \(247Mi\) \+ 15 %/);
    expect(r.history_hours).toBe(48);
    expect(r.confidence).toBeCloseTo(48 / 336, 10);
    // (2 - 0.457) cores × 0.04 + (2 GiB - 285 MiB) × 0.005, per hour, × 730
    const saving = ((2 - 0.457) * 0.04 + (2 - (285 * MI) / GIB) * 0.005) * 730;
    expect(r.estimated_monthly_savings).toBeCloseTo(saving, 3);
  });

  it('keeps the minimums and a CPU limit when the policy wants one', () => {
    const c = container('app', 1, 1, {
      cpu: new Float64Array(30).fill(0.001),
      mem: new Float64Array(30).fill(10 * MI),
    });
    const r = rightsizeContainer(
      { pod: pod('a', 'p', ['Deployment', 'x'], [c]), container: c, stepSeconds: 3600, prices },
      { cpu_limit_ratio: 2 },
    );
    expect(r.recommended).toEqual({
      cpu_request: 0.01,
      cpu_limit: 0.02,
      memory_request: 100 * MI,
      memory_limit: 100 * MI,
    });
  });

  it('says "not enough data (N hours of M)" with too little history', () => {
    const c = container('app', 1, 1, { cpu: new Float64Array(10).fill(0.1), mem: new Float64Array(10).fill(GIB) });
    const r = rightsizeContainer({
      pod: pod('a', 'p', ['Deployment', 'x'], [c]),
      container: c,
      stepSeconds: 3600,
      prices,
    });
    expect(r).toMatchObject({
      status: 'NOT_ENOUGH_DATA',
      reason: 'not enough data (10 hours of 24)',
      estimated_monthly_savings: 0,
    });
    expect(r.recommended).toBeUndefined();
  });

  it('saves nothing for an under-requested container and looks only at the window', () => {
    const cpu = new Float64Array(100).fill(0.1);
    cpu.fill(2, 50);
    const c = container('app', 0.5, 0.25, { cpu, mem: new Float64Array(100).fill(GIB) });
    const r = rightsizeContainer(
      { pod: pod('a', 'p', ['Deployment', 'x'], [c]), container: c, stepSeconds: 3600, prices },
      { window_hours: 50 },
    );
    expect(r.recommended!.cpu_request).toBeCloseTo(2, 10);
    expect(r.recommended!.memory_request).toBe(Math.ceil(1024 * 1.15) * MI);
    expect(r.estimated_monthly_savings).toBe(0);
  });
});

describe('rightsizeCluster', () => {
  it('pools the replicas of a workload and multiplies their saving', () => {
    const recs = rightsizeCluster(smallCluster(48), FLAT_PRICES, { min_history_hours: 24 });
    const web = recs.find((r) => r.workload.name === 'web')!;
    expect(web.replicas).toBe(2);
    expect(web.history_hours).toBe(48);
    expect(web.cpu_p95).toBe(1);
    expect(web.memory_max).toBe(2 * GIB);
    expect(web.recommended).toMatchObject({ cpu_request: 1, memory_request: Math.ceil(2048 * 1.15) * MI });
    const db = recs.find((r) => r.workload.name === 'db')!;
    expect(db).toMatchObject({ status: 'NOT_ENOUGH_DATA', reason: 'not enough data (0 hours of 24)' });
  });
});
