import { ManualClock } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from './startSimCluster.js';
import { advanceClock, createKubectl, type KubectlResult } from './testing/index.js';

type Json = Record<string, unknown>;
let sim: SimCluster;
let kubectl: (args: string[], input?: string) => Promise<KubectlResult>;

async function ok(args: string[]): Promise<string> {
  const r = await kubectl(args);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

beforeAll(async () => {
  const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ clock, scenario: 'broken' });
  kubectl = createKubectl(sim.kubeconfig);
  await advanceClock(clock, 30 * 60_000, 10_000);
}, 300_000);
afterAll(async () => sim?.stop());

describe('events of the broken scenario after 30 simulated minutes, with the real kubectl', () => {
  it('stay fewer than 200, repeats counted on one Event', async () => {
    const rows = (await ok(['get', 'events', '-A', '--no-headers'])).trim().split('\n');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(200);
    const events = JSON.parse(await ok(['get', 'events', '-n', 'broken', '-o', 'json'])).items as Json[];
    const backOff = events.filter((e) => e.reason === 'BackOff');
    expect(backOff.length).toBeGreaterThan(0);
    expect(backOff.some((e) => Number(e.count) > 1 && e.lastTimestamp !== e.firstTimestamp)).toBe(true);
  });

  it('shows the repeats as a series in events.k8s.io/v1', async () => {
    const events = JSON.parse(await ok(['get', 'events.v1.events.k8s.io', '-n', 'broken', '-o', 'json']))
      .items as Json[];
    const repeated = events.find((e) => e.reason === 'BackOff' && Number(e.deprecatedCount) > 1)!;
    expect(repeated.series).toEqual({
      count: repeated.deprecatedCount,
      lastObservedTime: String(repeated.deprecatedLastTimestamp).replace('Z', '.000000Z'),
    });
  });
});
