import type { Event } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.js';

/** A notification as Alertmanager 0.25 sends it (webhook payload version 4). */
function notification(status: 'firing' | 'resolved', cluster?: string) {
  return {
    version: '4',
    groupKey: '{}:{alertname="KubePodCrashLooping"}',
    truncatedAlerts: 0,
    status,
    receiver: 'opspilot',
    groupLabels: { alertname: 'KubePodCrashLooping' },
    commonLabels: { alertname: 'KubePodCrashLooping', severity: 'warning' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    alerts: [
      {
        status,
        labels: {
          alertname: 'KubePodCrashLooping',
          severity: 'warning',
          namespace: 'shop',
          pod: 'backend-7d4b9c-x2x9q',
          ...(cluster ? { cluster } : {}),
        },
        annotations: { summary: 'Pod is crash looping.' },
        startsAt: '2026-03-01T09:58:00.123456789Z',
        endsAt: status === 'firing' ? '0001-01-01T00:00:00Z' : '2026-03-01T10:05:00Z',
        generatorURL: 'http://prometheus:9090/graph?g0.expr=x',
        fingerprint: 'c4b5e3f0a1d2b3c4',
      },
    ],
  };
}

describe('the Alertmanager webhook receiver', () => {
  let t: TestApi;
  let clusterId: string;
  beforeAll(async () => {
    t = await startTestApi();
    clusterId = (
      await t.rest('POST', '/clusters', t.users.admin.token, { name: 'shop-prod', api_server_url: 'https://10.0.0.2' })
    ).json().id;
    await t.rest('POST', `/users/${t.users.operator.user.id}/clusters/${clusterId}`, t.users.admin.token, {});
  });
  afterAll(async () => t?.close());

  const post = (token: string | undefined, body: unknown, query = '') =>
    t.app.inject({
      method: 'POST',
      url: `/api/webhooks/alertmanager${query}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      payload: body as never,
    });

  it('stores a firing alert, updates it when resolved, and publishes both as events', async () => {
    const events: Event[] = [];
    t.services.bus.subscribe({ event_types: ['ALERT_FIRED', 'ALERT_RESOLVED'] }, (e) => {
      events.push(e);
    });
    const fired = await post(t.users.operator.token, notification('firing', 'shop-prod'));
    expect(fired.statusCode).toBe(200);
    expect(fired.json().received).toBe(1);
    const [alertId] = fired.json().alert_ids;
    const stored = await t.store.alerts.get(alertId);
    expect(stored.ends_at).toBeUndefined();
    expect(stored).toMatchObject({
      cluster_id: clusterId,
      alertname: 'KubePodCrashLooping',
      severity: 'WARNING',
      state: 'FIRING',
      starts_at: '2026-03-01T09:58:00.123Z',
    });
    const resolved = await post(t.users.operator.token, notification('resolved'), '?cluster=shop-prod');
    expect(resolved.json().alert_ids).toEqual([alertId]);
    expect((await t.store.alerts.get(alertId)).state).toBe('RESOLVED');
    expect(events.map((e) => [e.event_type, e.cluster_id, e.namespace])).toEqual([
      ['ALERT_FIRED', clusterId, 'shop'],
      ['ALERT_RESOLVED', clusterId, 'shop'],
    ]);
    const audit = await t.store.audit.list({ action: 'alerts.receive' });
    expect(audit.items[0]).toMatchObject({ user_id: t.users.operator.user.id, cluster_id: clusterId });
  });

  it('refuses bad payloads, viewers, anonymous callers and clusters without a grant', async () => {
    const bad = await post(t.users.operator.token, { version: '3', alerts: 'no' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error_code).toBe('INPUT');
    expect((await post(t.users.viewer.token, notification('firing', 'shop-prod'))).statusCode).toBe(403);
    expect((await post(undefined, notification('firing', 'shop-prod'))).statusCode).toBe(401);
    const hidden = await post(t.users.approver.token, notification('firing', 'shop-prod'));
    expect(hidden.statusCode).toBe(404);
  });
});
