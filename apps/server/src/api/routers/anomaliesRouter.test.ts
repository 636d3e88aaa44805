import { anomalySignal, toAnomalyDetection } from '@opspilot/anomaly';
import type { AnomalyDetection } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/index.js';

describe('the anomalies router', () => {
  let t: TestApi;
  let prod: string;
  let other: string;
  const stored: AnomalyDetection[] = [];

  beforeAll(async () => {
    t = await startTestApi();
    prod = (
      await t.rest('POST', '/clusters', t.users.admin.token, { name: 'prod', api_server_url: 'https://10.0.0.2' })
    ).json().id;
    other = (
      await t.rest('POST', '/clusters', t.users.admin.token, { name: 'other', api_server_url: 'https://10.0.0.3' })
    ).json().id;
    await t.rest('POST', `/users/${t.users.viewer.user.id}/clusters/${prod}`, t.users.admin.token, {});
    const episode = (type: AnomalyDetection['anomaly_type'], minute: number, score: number) => ({
      index: 0,
      time: Date.parse('2026-03-01T09:00:00Z') / 1000 + minute * 60,
      type,
      direction: 1 as const,
      score,
      actual: 0.9,
      expected: 0.2,
      normal: 0.2,
      normalScale: 0.01,
      deviations: 70,
      seasonal: false,
      components: { forecast: 1, changePoint: 0, baseline: 1, threshold: 0 },
    });
    const add = async (
      cluster: string,
      signal: string,
      labels: Record<string, string>,
      e: ReturnType<typeof episode>,
    ) => stored.push(await t.store.anomalies.create(toAnomalyDetection(cluster, anomalySignal(signal)!, labels, e)));
    await add(prod, 'pod-cpu', { namespace: 'todo', pod: 'backend-7d9f8c6b5d-x2k4q' }, episode('SPIKE', 1, 0.99));
    await add(prod, 'node-memory', { node: 'worker-1' }, episode('TREND_CHANGE', 2, 0.85));
    await add(other, 'pod-memory', { namespace: 'shop', pod: 'cart-0' }, episode('DROP', 3, 0.92));
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lists anomalies newest first and filters them by labels, type, severity and time', async () => {
    const all = (await t.rest('GET', '/anomalies', t.users.admin.token)).json();
    expect(all.items.map((a: AnomalyDetection) => a.labels.signal)).toEqual(['pod-memory', 'node-memory', 'pod-cpu']);
    expect(all.truncated).toBe(false);
    const pick = async (query: string) =>
      (await t.rest('GET', `/anomalies?${query}`, t.users.admin.token)).json().items.map((a: AnomalyDetection) => a.id);
    expect(await pick('workload=backend')).toEqual([stored[0]!.id]);
    expect(await pick('namespace=shop')).toEqual([stored[2]!.id]);
    expect(await pick('node=worker-1')).toEqual([stored[1]!.id]);
    expect(await pick('signal=pod-cpu')).toEqual([stored[0]!.id]);
    expect(await pick('anomaly_type=SPIKE,DROP')).toEqual([stored[2]!.id, stored[0]!.id]);
    expect(await pick('severity=HIGH')).toEqual([stored[0]!.id]);
    expect(await pick(`cluster_id=${prod}&since=2026-03-01T09:01:30Z`)).toEqual([stored[1]!.id]);
  });

  it('gets one anomaly, and hides those of clusters without a grant as if they did not exist', async () => {
    const one = await t.rest('GET', `/anomalies/${stored[0]!.id}`, t.users.viewer.token);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(stored[0]);
    expect((await t.rest('GET', '/anomalies', t.users.viewer.token)).json().items).toHaveLength(2);
    const hidden = await t.rest('GET', `/anomalies/${stored[2]!.id}`, t.users.viewer.token);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().details.hint).toMatch(/list the anomalies/);
    expect((await t.rest('GET', '/anomalies', t.users.approver.token)).json().items).toEqual([]);
  });

  it('answers 400 for an unknown signal or type, and 401 without a token', async () => {
    expect((await t.rest('GET', '/anomalies?signal=nope', t.users.admin.token)).statusCode).toBe(400);
    expect((await t.rest('GET', '/anomalies?anomaly_type=WEIRD', t.users.admin.token)).statusCode).toBe(400);
    expect((await t.rest('GET', '/anomalies')).statusCode).toBe(401);
  });
});
