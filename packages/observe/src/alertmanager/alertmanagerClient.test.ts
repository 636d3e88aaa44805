import { InputError, NotFoundError, UpstreamError } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAlertmanager } from '../testing/startAlertmanager.js';
import type { RunningDaemon } from '../testing/startDaemon.js';
import { createAlertmanagerAlertSource } from './alertmanagerAlertSource.js';
import { type AlertmanagerClient, createAlertmanagerClient } from './alertmanagerClient.js';

const PROD = '11111111-1111-4111-8111-111111111111';

describe('the Alertmanager v2 client, against a real Alertmanager', () => {
  let am: RunningDaemon;
  let client: AlertmanagerClient;
  beforeAll(async () => {
    am = await startAlertmanager();
    client = createAlertmanagerClient({ url: am.url, timeoutMs: 5_000 });
  });
  afterAll(async () => am?.stop());

  it('reads its status', async () => {
    const status = await client.status();
    expect(status.versionInfo.version).toMatch(/^\d+\.\d+/);
    expect(status.config.original).toContain('receiver: opspilot');
  });

  it('lists pushed alerts, silences them, and expires the silence', async () => {
    const labels = { alertname: 'HighCPU', severity: 'critical', cluster: 'prod', namespace: 'todo' };
    await client.postAlerts([{ labels, annotations: { summary: 'CPU above 90%' } }]);
    await expect.poll(async () => (await client.alerts({ filter: ['alertname="HighCPU"'] })).length).toBe(1);
    const [alert] = await client.alerts({ filter: ['alertname="HighCPU"'] });
    expect(alert).toMatchObject({ labels, annotations: { summary: 'CPU above 90%' }, status: { state: 'active' } });

    const now = Date.now();
    const id = await client.createSilence({
      matchers: [{ name: 'alertname', value: 'HighCPU', isRegex: false, isEqual: true }],
      startsAt: new Date(now).toISOString(),
      endsAt: new Date(now + 3_600_000).toISOString(),
      createdBy: 'ops@example.com',
      comment: 'maintenance',
    });
    expect((await client.silences()).find((s) => s.id === id)?.status.state).toBe('active');
    await expect
      .poll(async () => (await client.alerts({ filter: ['alertname="HighCPU"'] }))[0]?.status.silencedBy)
      .toEqual([id]);
    expect(await client.alerts({ silenced: false, filter: ['alertname="HighCPU"'] })).toEqual([]);

    const live = await createAlertmanagerAlertSource(client, (name) => (name === 'prod' ? PROD : undefined)).list({
      severities: ['CRITICAL'],
      labels: { namespace: 'todo' },
    });
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({
      cluster_id: PROD,
      alertname: 'HighCPU',
      state: 'FIRING',
      annotations: { silenced_by: id },
    });
    await client.expireSilence(id);
    expect((await client.silences()).find((s) => s.id === id)?.status.state).toBe('expired');
  });

  it('refuses a silence without matchers before sending it, and reports Alertmanager refusals typed', async () => {
    const startsAt = new Date().toISOString();
    const silence = { matchers: [], startsAt, endsAt: startsAt, createdBy: 'me', comment: 'x' };
    await expect(client.createSilence(silence)).rejects.toBeInstanceOf(InputError);
    const missing = client.expireSilence('00000000-0000-0000-0000-000000000000');
    await expect(missing).rejects.toBeInstanceOf(NotFoundError);
    await expect(missing).rejects.toThrow(/silence 0{8}-.* not found/);
    const broken = createAlertmanagerClient({ url: `${am.url}/nothing-here` });
    await expect(broken.status()).rejects.toBeInstanceOf(UpstreamError);
  });

  it('says when Alertmanager cannot be reached', async () => {
    const down = createAlertmanagerClient({ url: 'http://127.0.0.1:9', timeoutMs: 2_000 });
    await expect(down.status()).rejects.toMatchObject({ code: 'UPSTREAM', retryable: true });
  });
});
