import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayFixture, runFor, startGateway } from './__fixtures__/startGateway.js';

let f: GatewayFixture;
beforeAll(async () => {
  f = await startGateway({ scenario: 'demo' });
  await runFor(f, 60_000, 5_000);
});
afterAll(async () => f?.sim.stop());

describe('metrics', () => {
  it('reads pod usage from metrics.k8s.io, summed over containers', async () => {
    const usage = await f.gateway.podMetrics({ namespace: 'todo' });
    const running = await f.gateway.list('Pod', { namespace: 'todo', fieldSelector: 'status.phase=Running' });
    expect(usage.map((u) => u.ref.name).sort()).toEqual(running.map((p) => p.metadata.name).sort());
    for (const u of usage) {
      expect(u.ref).toMatchObject({ kind: 'Pod', namespace: 'todo' });
      expect(u.cpuMillicores).toBeGreaterThan(0);
      expect(u.memoryBytes).toBeGreaterThan(1024 * 1024);
    }
    const everywhere = await f.gateway.podMetrics();
    expect(everywhere.length).toBeGreaterThan(usage.length);
  });

  it('reads node usage', async () => {
    const usage = await f.gateway.nodeMetrics();
    expect(usage.map((u) => u.ref.name).sort()).toEqual(['sim-control-plane', 'sim-worker-1', 'sim-worker-2']);
    expect(usage.every((u) => u.ref.kind === 'Node' && u.cpuMillicores > 0 && u.memoryBytes > 0)).toBe(true);
  });
});
