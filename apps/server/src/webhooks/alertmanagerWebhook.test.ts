import type { Event } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../startServer.js';
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
    expect(fired.statusCode).toBe(202);
    expect(fired.json().received).toBe(1);
    await t.services.alertIngest.idle();
    const first = await t.store.alerts.findByFingerprint('c4b5e3f0a1d2b3c4', clusterId);
    const alertId = String(first?.id);
    expect(events[0]?.payload.alert_id).toBe(alertId);
    expect(first?.ends_at).toBeUndefined();
    expect(first).toMatchObject({
      cluster_id: clusterId,
      alertname: 'KubePodCrashLooping',
      severity: 'WARNING',
      state: 'FIRING',
      starts_at: '2026-03-01T09:58:00.123Z',
    });
    const resolved = await post(t.users.operator.token, notification('resolved'), '?cluster=shop-prod');
    expect(resolved.statusCode).toBe(202);
    await t.services.alertIngest.idle();
    expect(events[1]?.payload.alert_id).toBe(alertId);
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

  it('answers 400 naming the problem for an empty, repeated or NUL ?cluster=', async () => {
    for (const query of ['?cluster=', '?cluster=a&cluster=b', '?cluster=shop%00prod']) {
      const answer = await post(t.users.operator.token, notification('firing'), query);
      expect(answer.statusCode, query).toBe(400);
      expect(answer.json().error_code).toBe('INPUT');
      expect(answer.json().message).toContain('cluster');
    }
  });

  it('refuses a body over webhooks.alertmanager_max_bytes with 413 naming the limit and the setting', async () => {
    const small = await startTestApi({ config: { webhooks: { alertmanager_max_bytes: 2048 } } });
    try {
      const big = { ...notification('firing'), groupKey: 'x'.repeat(4096) };
      const answer = await small.app.inject({
        method: 'POST',
        url: '/api/webhooks/alertmanager',
        headers: { authorization: `Bearer ${small.users.operator.token}` },
        payload: big,
      });
      expect(answer.statusCode).toBe(413);
      expect(answer.json().message).toContain('2048 bytes');
      expect(answer.json().message).toContain('webhooks.alertmanager_max_bytes');
    } finally {
      await small.close();
    }
  });
});

/** A notification of `count` distinct firing alerts on `cluster`. */
function manyAlerts(count: number, cluster: string) {
  const one = notification('firing', cluster);
  const [alert] = one.alerts;
  return { ...one, alerts: Array.from({ length: count }, (_, i) => ({ ...alert, fingerprint: `fp-${i}` })) };
}

// SQLite runs every statement on the event loop: where one notification used to hold up every other request.
describe('a large Alertmanager notification', () => {
  let t: TestApi;
  let server: RunningServer;
  beforeAll(async () => {
    t = await startTestApi();
    await t.rest('POST', '/clusters', t.users.admin.token, { name: 'big-prod', api_server_url: 'https://10.0.0.3' });
    server = await startServer({
      config: t.services.config,
      store: { ping: async () => undefined, close: async () => undefined },
      logger: t.services.logger,
      services: { ...t.services, close: async () => undefined },
    });
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  // Ten batches are enough to show the ingest yields; the time limit is generous because storing a thousand alerts
  // with their audit entries is slow on a loaded machine, and the assertions are about order, not speed.
  it('is acknowledged at once and stored in batches while other requests are answered', {
    timeout: 120_000,
  }, async () => {
    const total = 1_000;
    let stored = 0;
    let answeredAt: number | undefined;
    let firstSeen: Promise<void> | undefined;
    t.services.bus.subscribe({ event_types: ['ALERT_FIRED'] }, () => {
      stored++;
      // While the notification is being stored, ask the server (over a real socket) whether it is alive.
      firstSeen ??= fetch(`${server.url}/healthz`).then((r) => {
        expect(r.status).toBe(200);
        answeredAt = stored;
      });
    });
    const accepted = await fetch(`${server.url}/api/webhooks/alertmanager`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.users.admin.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(manyAlerts(total, 'big-prod')),
    });
    expect(accepted.status).toBe(202);
    expect(await accepted.json()).toMatchObject({ received: total });
    await t.services.alertIngest.idle();
    await firstSeen;
    expect(stored).toBe(total);
    // /healthz was answered before the last alert was stored: the ingest yields to the event loop.
    expect(answeredAt).toBeLessThan(total);
    const audit = await t.store.audit.list({ action: 'alerts.receive' });
    expect(audit.items[0]?.details).toMatchObject({ count: total });
  });
});
