import { ManualClock } from '@opspilot/core';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.js';
import { SIM_TRACES_TOKEN, startSimTraces } from './startSimTraces.js';

describe('the embedded simulated clusters send their traces to the server', () => {
  let t: TestApi;
  let sim: SimCluster;
  let url: string;
  const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
  beforeAll(async () => {
    t = await startTestApi();
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    sim = await startSimCluster({ clock, tls: false, scenario: 'demo' });
  }, 60_000);
  afterAll(async () => {
    await sim?.stop();
    await t?.close();
  });

  it('stores the demo traces under the cluster, through the OTLP receiver with a token revoked on stop', async () => {
    const cluster = await t.store.clusters.create({ name: 'sim-demo', api_server_url: 'https://sim-demo.example' });
    const traces = await startSimTraces(t.services, [{ sim, cluster }], url);
    try {
      await expect
        .poll(
          async () => {
            await advanceClock(clock, 5_000);
            const found = await t.rest('GET', '/traces?service_name=frontend&limit=5', t.users.admin.token);
            return found.json().traces.length;
          },
          { timeout: 60_000, interval: 50 },
        )
        .toBeGreaterThan(0);
      const [first] = (await t.rest('GET', '/traces?service_name=frontend', t.users.admin.token)).json().traces;
      const full = (await t.rest('GET', `/traces/${first.trace_id}`, t.users.admin.token)).json();
      expect(full).toMatchObject({ cluster_id: cluster.id, cluster_name: 'sim-demo', root_service: 'frontend' });
      expect(traces.stats()[0]).toMatchObject({ failed: 0 });
      expect(new Set(full.spans.map((s: { service_name: string }) => s.service_name))).toEqual(
        new Set(['frontend', 'backend', 'postgresql']),
      );
    } finally {
      await traces.stop();
    }
    const tokens = await t.store.apiTokens.listForUser(t.users.admin.user.id);
    const made = tokens.filter((k) => k.name === SIM_TRACES_TOKEN);
    expect(made).toHaveLength(1);
    expect(made[0]?.revoked_at).toBeDefined();
  });
});
