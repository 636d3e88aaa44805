import { ManualClock } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from './startSimCluster.js';
import { advanceClock } from './testing/advanceClock.js';
import { authHeaders } from './testing/apiRequest.js';

let sim: SimCluster;
let clock: ManualClock;

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-01-01T13:00:00Z'));
  sim = await startSimCluster({ clock, tls: false, scenario: 'cost' });
  await advanceClock(clock, 30_000);
});
afterAll(() => sim?.stop());

const scrape = async (target: string) =>
  (await fetch(`${sim.url}/metrics/${target}`, { headers: authHeaders(sim) })).text();
const values = (text: string, name: string, labels: Record<string, string>) =>
  text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)))
    .map((l) => Number(l.slice(l.lastIndexOf(' ') + 1)));

describe('the cost scenario', () => {
  it('runs the demo and the shop workloads, whose usage follows their daily profiles', async () => {
    const pods = sim.store.list(sim.api.registry.find('', 'v1', 'pods')!, { namespace: 'shop' }).items;
    expect(pods.map((p) => p.metadata.labels?.app).sort()).toEqual([
      'catalog',
      'catalog',
      'checkout',
      'checkout',
      'legacy-report',
    ]);
    const at13 = await scrape('cadvisor');
    const catalog13 = values(at13, 'container_memory_working_set_bytes', { namespace: 'shop', container: 'catalog' });
    expect(catalog13).toHaveLength(2);
    // 13:00, an hour from the 14:00 peak of 150–220 Mi.
    const expected = (150 + 70 * (0.5 + 0.5 * Math.cos((2 * Math.PI) / 24))) * 2 ** 20;
    for (const v of catalog13) expect(v / expected).toBeCloseTo(1, 2);
    const report = values(at13, 'container_memory_working_set_bytes', { namespace: 'shop', container: 'report' });
    expect(report[0]).toBe(40 * 2 ** 20);
    // Twelve hours on, catalog sits near its low and its CPU counter grew by the integral of the pattern.
    const cpuBefore = values(at13, 'container_cpu_usage_seconds_total', {
      namespace: 'shop',
      container: 'catalog',
    })[0]!;
    await clock.advance(12 * 3600_000);
    const at01 = await scrape('cadvisor');
    const catalog01 = values(at01, 'container_memory_working_set_bytes', { namespace: 'shop', container: 'catalog' });
    for (const v of catalog01) expect(v / 2 ** 20).toBeLessThan(152);
    const cpuAfter = values(at01, 'container_cpu_usage_seconds_total', { namespace: 'shop', container: 'catalog' })[0]!;
    const meanCores = (cpuAfter - cpuBefore) / (12 * 3600);
    expect(meanCores).toBeGreaterThan(0.05);
    expect(meanCores).toBeLessThan(0.2);
    // The idle workload serves no requests; the demo's backend still does.
    const apps = await scrape('apps');
    expect(values(apps, 'http_requests_total', { namespace: 'shop', pod: 'legacy-report' }).every((v) => v === 0)).toBe(
      true,
    );
  });
});
