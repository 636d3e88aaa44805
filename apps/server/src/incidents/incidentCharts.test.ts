import { anomalyDetectedEvent, anomalySignal, toAnomalyDetection } from '@opspilot/anomaly';
import type { Cluster } from '@opspilot/core';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.js';
import { incidentsOf } from './incidentServices.js';

describe('the signal charts of an incident', () => {
  let t: TestApi;
  let sim: SimCluster;
  let cluster: Cluster;
  beforeAll(async () => {
    t = await startTestApi();
    sim = await startSimCluster({ scenario: 'demo', clock: t.clock });
    cluster = (
      await t.rest('POST', '/clusters', t.users.admin.token, {
        name: 'demo',
        api_server_url: sim.url,
        kubeconfig: sim.kubeconfig,
      })
    ).json();
    t.services.metrics.sample(cluster);
    for (let m = 0; m < 6; m++) {
      await advanceClock(t.clock, 60_000, 30_000);
      await t.services.metrics.sampleNow(cluster.id);
    }
    await incidentsOf(t.services).start();
  }, 60_000);
  afterAll(async () => {
    incidentsOf(t.services).stop();
    await sim?.stop();
    await t?.close();
  });

  it("charts the anomaly's signal for the incident's pods around its window, the anomaly marked", async () => {
    const [pod] = (await sim.api.store.list(sim.api.registry.byKind('v1', 'Pod')!, { namespace: 'todo' })).items.filter(
      (p) => p.metadata.name.startsWith('backend-'),
    );
    const detectedAt = new Date(t.clock.now().getTime() - 60_000);
    const anomaly = await t.store.anomalies.create(
      toAnomalyDetection(
        cluster.id,
        anomalySignal('pod-memory')!,
        { namespace: 'todo', pod: pod!.metadata.name },
        {
          index: 0,
          time: detectedAt.getTime() / 1000,
          type: 'SPIKE',
          direction: 1,
          score: 0.99,
          actual: 3e8,
          expected: 1e8,
          normal: 1e8,
          normalScale: 1e6,
          deviations: 200,
          seasonal: false,
          components: { forecast: 1, changePoint: 0, baseline: 1, threshold: 0 },
        },
      ),
    );
    await t.services.bus.publish(anomalyDetectedEvent(anomaly));
    await expect.poll(async () => (await t.rest('GET', '/incidents', t.users.admin.token)).json().total).toBe(1);
    const [incident] = (await t.rest('GET', '/incidents', t.users.admin.token)).json().items;

    const answer = await t.rest('GET', `/incidents/${incident.id}/charts`, t.users.admin.token);
    expect(answer.statusCode, answer.body).toBe(200);
    const { charts, from, to } = answer.json();
    expect(Date.parse(from)).toBe(Date.parse(incident.detected_at) - 30 * 60_000);
    expect(Date.parse(to)).toBeGreaterThan(Date.parse(incident.detected_at));
    expect(charts[0]).toMatchObject({ signal: 'pod-memory', title: 'memory', unit: 'bytes' });
    // Only the backend's pods: the incident's workload, not the frontend's or the database's.
    const labels = charts[0].series.map((s: { label: string }) => s.label);
    expect(labels).toContain(pod!.metadata.name);
    expect(labels.every((l: string) => l.startsWith('backend-'))).toBe(true);
    expect(charts[0].series[0].values.length).toBeGreaterThan(3);
    expect(charts[0].markers).toEqual(
      expect.arrayContaining([
        { time: detectedAt.getTime() / 1000, label: 'anomaly: pod-memory' },
        { time: Date.parse(incident.detected_at) / 1000, label: 'detected' },
      ]),
    );
    expect(charts.map((c: { signal: string }) => c.signal)).toEqual(['pod-memory', 'pod-cpu', 'pod-restarts']);
  });
});
