import { type RunningDaemon, startAlertmanager } from '@opspilot/observe/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/index.js';

/** An Alertmanager webhook notification (version 4) of one alert. */
function notification(alert: {
  name: string;
  severity: string;
  status: 'firing' | 'resolved';
  fingerprint: string;
  startsAt: string;
  labels?: Record<string, string>;
}) {
  const labels = { alertname: alert.name, severity: alert.severity, cluster: 'prod', ...alert.labels };
  return {
    version: '4',
    groupKey: `{}:{alertname="${alert.name}"}`,
    truncatedAlerts: 0,
    status: alert.status,
    receiver: 'opspilot',
    groupLabels: { alertname: alert.name },
    commonLabels: labels,
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    alerts: [
      {
        status: alert.status,
        labels,
        annotations: { summary: `${alert.name} on prod` },
        startsAt: alert.startsAt,
        endsAt: alert.status === 'firing' ? '0001-01-01T00:00:00Z' : '2026-03-01T10:30:00Z',
        generatorURL: 'http://prometheus:9090/graph',
        fingerprint: alert.fingerprint,
      },
    ],
  };
}

describe('the alerts router: stored alerts, and silences in a real Alertmanager', () => {
  let t: TestApi;
  let am: RunningDaemon;
  let prod: string;
  beforeAll(async () => {
    am = await startAlertmanager();
    t = await startTestApi({ config: { alertmanager: { url: am.url } } });
    prod = (
      await t.rest('POST', '/clusters', t.users.admin.token, { name: 'prod', api_server_url: 'https://10.0.0.2' })
    ).json().id;
    await t.rest('POST', '/clusters', t.users.admin.token, { name: 'other', api_server_url: 'https://10.0.0.3' });
    for (const who of ['viewer', 'operator'] as const) {
      await t.rest('POST', `/users/${t.users[who].user.id}/clusters/${prod}`, t.users.admin.token, {});
    }
    const send = (body: unknown) =>
      t.app.inject({
        method: 'POST',
        url: '/api/webhooks/alertmanager',
        headers: { authorization: `Bearer ${t.users.operator.token}` },
        payload: body as never,
      });
    await send(
      notification({
        name: 'HighCPU',
        severity: 'critical',
        status: 'firing',
        fingerprint: 'f1',
        startsAt: '2026-03-01T09:00:00Z',
        labels: { namespace: 'todo' },
      }),
    );
    await send(
      notification({
        name: 'DiskFull',
        severity: 'warning',
        status: 'firing',
        fingerprint: 'f2',
        startsAt: '2026-03-01T09:30:00Z',
        labels: { namespace: 'shop' },
      }),
    );
    await send(
      notification({
        name: 'Watchdog',
        severity: 'none',
        status: 'resolved',
        fingerprint: 'f3',
        startsAt: '2026-03-01T08:00:00Z',
      }),
    );
    await t.services.alertIngest.idle();
  });
  afterAll(async () => {
    await t?.close();
    await am?.stop();
  });

  const names = (body: { items: { alertname: string }[] }) => body.items.map((a) => a.alertname);

  it('lists stored alerts newest first and filters by state, severity, labels, name and time', async () => {
    const token = t.users.viewer.token;
    expect(names((await t.rest('GET', '/alerts', token)).json())).toEqual(['DiskFull', 'HighCPU', 'Watchdog']);
    expect(names((await t.rest('GET', '/alerts?state=FIRING', token)).json())).toEqual(['DiskFull', 'HighCPU']);
    expect(names((await t.rest('GET', '/alerts?severity=CRITICAL,INFO', token)).json())).toEqual([
      'HighCPU',
      'Watchdog',
    ]);
    expect(names((await t.rest('GET', '/alerts?label=namespace%3Dtodo', token)).json())).toEqual(['HighCPU']);
    expect(names((await t.rest('GET', `/alerts?cluster_id=${prod}&alertname=DiskFull`, token)).json())).toEqual([
      'DiskFull',
    ]);
    const window = '/alerts?since=2026-03-01T08:30:00.000Z&until=2026-03-01T09:15:00.000Z';
    expect(names((await t.rest('GET', window, token)).json())).toEqual(['HighCPU']);
    const one = (await t.rest('GET', '/alerts?label=namespace%3Dtodo', token)).json().items[0];
    expect((await t.rest('GET', `/alerts/${one.id}`, token)).json()).toMatchObject({
      fingerprint: 'f1',
      state: 'FIRING',
      cluster_name: 'prod',
    });
  });

  it('keeps the firing history of an alert: fire, resolve, re-fire, as events and numbered firings', async () => {
    const send = (status: 'firing' | 'resolved', startsAt: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/webhooks/alertmanager',
        headers: { authorization: `Bearer ${t.users.operator.token}` },
        payload: notification({ name: 'Flapping', severity: 'warning', status, fingerprint: 'fl1', startsAt }) as never,
      });
    await send('firing', '2026-03-01T10:00:00Z');
    await send('firing', '2026-03-01T10:00:00Z');
    await send('resolved', '2026-03-01T10:00:00Z');
    await send('firing', '2026-03-01T11:00:00Z');
    await t.services.alertIngest.idle();
    for (const ref of ['Flapping', 'fl1']) {
      const answer = await t.rest('GET', `/alerts/${ref}/history`, t.users.viewer.token);
      expect(answer.statusCode, answer.body).toBe(200);
      const { alert, events, firings } = answer.json();
      expect(alert).toMatchObject({ fingerprint: 'fl1', state: 'FIRING' });
      expect(events.map((e: { state: string }) => e.state)).toEqual(['FIRING', 'RESOLVED', 'FIRING']);
      expect(firings).toEqual([
        {
          number: 1,
          started_at: '2026-03-01T10:00:00.000Z',
          ended_at: '2026-03-01T10:30:00.000Z',
          duration_seconds: 1800,
          state: 'RESOLVED',
        },
        { number: 2, started_at: '2026-03-01T11:00:00.000Z', state: 'FIRING' },
      ]);
    }
    const missing = await t.rest('GET', '/alerts/NoSuchAlert/history', t.users.viewer.token);
    expect(missing.statusCode).toBe(404);
    expect((await t.rest('GET', '/alerts/fl1/history', t.users.approver.token)).statusCode).toBe(404);
  });

  it('answers 400 for a label filter that is not name=value, and hides alerts of clusters without a grant', async () => {
    const bad = await t.rest('GET', '/alerts?label=oops', t.users.viewer.token);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('not name=value');
    expect((await t.rest('GET', '/alerts', t.users.approver.token)).json().items).toEqual([]);
  });

  it('refuses a notification with one bad alert with 400 naming it, and stores none of its alerts', async () => {
    const good = notification({
      name: 'HalfStored',
      severity: 'warning',
      status: 'firing',
      fingerprint: 'h1',
      startsAt: '2026-03-01T09:50:00Z',
    });
    const [first] = good.alerts;
    const body = { ...good, alerts: [first, { ...first, fingerprint: 'h2', status: 'burning' }] };
    const answer = await t.app.inject({
      method: 'POST',
      url: '/api/webhooks/alertmanager',
      headers: { authorization: `Bearer ${t.users.operator.token}` },
      payload: body as never,
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().message).toContain('alerts.1.status');
    await t.services.alertIngest.idle();
    expect((await t.rest('GET', '/alerts?alertname=HalfStored', t.users.operator.token)).json().items).toEqual([]);
  });

  it('silences a stored alert in Alertmanager, lists the silence, expires it, and audits both', async () => {
    const [alert] = (await t.rest('GET', '/alerts?alertname=HighCPU', t.users.operator.token)).json().items;
    expect(
      (await t.rest('POST', '/alertmanager/silences', t.users.viewer.token, { alert_id: alert.id, comment: 'x' }))
        .statusCode,
    ).toBe(403);
    const created = await t.rest('POST', '/alertmanager/silences', t.users.operator.token, {
      alert_id: alert.id,
      duration: '1h',
      comment: 'deploying a fix',
    });
    expect(created.statusCode, created.body).toBe(200);
    const { silence_id, matchers } = created.json();
    expect(matchers).toContain('alertname=HighCPU');
    const listed = await t.rest('GET', '/alertmanager/silences', t.users.viewer.token);
    expect(listed.statusCode, listed.body).toBe(200);
    const silences = listed.json();
    expect(silences.find((s: { id: string }) => s.id === silence_id)).toMatchObject({
      status: { state: 'active' },
      createdBy: 'operator',
      comment: 'deploying a fix',
    });
    expect((await t.rest('DELETE', `/alertmanager/silences/${silence_id}`, t.users.operator.token)).statusCode).toBe(
      200,
    );
    const after = (await t.rest('GET', '/alertmanager/silences', t.users.viewer.token)).json();
    expect(after.find((s: { id: string }) => s.id === silence_id).status.state).toBe('expired');
    const audit = await t.store.audit.list({ action: 'alerts.silence' });
    expect(audit.items[0]).toMatchObject({ target: `silence:${silence_id}`, cluster_id: prod });
    expect((await t.rest('GET', '/alertmanager/status', t.users.viewer.token)).json().versionInfo.version).toMatch(
      /^0\./,
    );
  });

  it('says how to configure Alertmanager when it is not', async () => {
    const bare = await startTestApi();
    try {
      const answer = await bare.rest('GET', '/alertmanager/silences', bare.users.admin.token);
      expect(answer.statusCode, answer.body).toBe(400);
      expect(answer.json().details.hint).toContain('alertmanager.url');
    } finally {
      await bare.close();
    }
  });
});
