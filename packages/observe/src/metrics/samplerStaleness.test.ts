import { ManualClock } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { createMetricsSampler } from './metricsSampler.js';

describe('the built-in sampler and series that end', () => {
  it('marks a series missing from the next scrape stale, so it stops answering at once', async () => {
    const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
    let text = 'DCGM_FI_DEV_GPU_UTIL{Hostname="n",gpu="0"} 0\n';
    let failing = false;
    const sampler = createMetricsSampler({
      clock,
      sources: {
        podMetrics: async () => [],
        nodeMetrics: async () => [],
        scrapes: [async () => (failing ? Promise.reject(new Error('down')) : text)],
      },
    });
    const gauge = { fn: 'gauge' as const, metric: 'DCGM_FI_DEV_GPU_UTIL', by: ['Hostname', 'gpu', 'pod'] };
    await sampler.sampleOnce();
    await clock.advance(15_000);
    // A pod takes the GPU: the exporter's series now carries its name, the idle one is gone.
    text = 'DCGM_FI_DEV_GPU_UTIL{Hostname="n",gpu="0",pod="train-0"} 97\n';
    await sampler.sampleOnce();
    const now = clock.now().getTime();
    expect(sampler.instant(gauge, now)).toEqual([{ labels: { Hostname: 'n', gpu: '0', pod: 'train-0' }, value: 97 }]);
    // Over the range the idle series has its point before the pod came, and none after.
    const series = sampler.range(gauge, now - 15_000, now, 15_000);
    expect(series.map((s) => [s.metric.pod, s.values.map(([, v]) => v)])).toEqual([
      ['', ['0']],
      ['train-0', ['97']],
    ]);
    // A failed scrape marks nothing stale: the last values still answer within the lookback.
    failing = true;
    await clock.advance(15_000);
    await sampler.sampleOnce();
    expect(sampler.instant(gauge, clock.now().getTime()).map((s) => s.value)).toEqual([97]);
  });
});
