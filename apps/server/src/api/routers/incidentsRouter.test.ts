import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentsOf } from '../../incidents/incidentServices.js';
import { startTestApi, type TestApi } from '../../testing/index.js';

/** An Alertmanager notification (version 4) of one firing alert on a pod of the backend. */
function notification(pod: string, fingerprint: string) {
  const labels = {
    alertname: 'HighErrorRate',
    severity: 'critical',
    cluster: 'sim',
    namespace: 'todo',
    pod,
    deployment: 'backend',
  };
  return {
    version: '4',
    groupKey: '{}:{alertname="HighErrorRate"}',
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'opspilot',
    groupLabels: { alertname: 'HighErrorRate' },
    commonLabels: labels,
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    alerts: [
      {
        status: 'firing',
        labels,
        annotations: { summary: 'backend answers 500s' },
        startsAt: '2026-03-01T10:00:00Z',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus:9090/graph',
        fingerprint,
      },
    ],
  };
}

describe('the incidents router', () => {
  let t: TestApi;
  let sim: SimCluster;
  let clusterId: string;
  beforeAll(async () => {
    t = await startTestApi();
    sim = await startSimCluster({ scenario: 'demo', clock: t.clock });
    clusterId = (
      await t.rest('POST', '/clusters', t.users.admin.token, {
        name: 'sim',
        api_server_url: sim.url,
        kubeconfig: sim.kubeconfig,
      })
    ).json().id;
    for (const who of ['viewer', 'operator'] as const) {
      await t.rest('POST', `/users/${t.users[who].user.id}/clusters/${clusterId}`, t.users.admin.token, {});
    }
    await incidentsOf(t.services).start();
  });
  afterAll(async () => {
    incidentsOf(t.services).stop();
    await sim?.stop();
    await t?.close();
  });

  it('correlates alerts on three pods into one incident, walks its lifecycle, analyzes it and writes its post-mortem', async () => {
    for (const [i, pod] of ['backend-a', 'backend-b', 'backend-c'].entries()) {
      const sent = await t.app.inject({
        method: 'POST',
        url: '/api/webhooks/alertmanager',
        headers: { authorization: `Bearer ${t.users.operator.token}` },
        payload: notification(pod, `fp${i}`) as never,
      });
      expect(sent.statusCode).toBeLessThan(300);
    }
    await expect.poll(async () => (await t.rest('GET', '/incidents', t.users.viewer.token)).json().total).toBe(1);
    const [incident] = (await t.rest('GET', '/incidents', t.users.viewer.token)).json().items;
    expect(incident).toMatchObject({ status: 'DETECTED', severity: 'CRITICAL', cluster_id: clusterId });
    await expect
      .poll(async () => (await t.rest('GET', `/incidents/${incident.id}`, t.users.viewer.token)).json().signals.length)
      .toBe(3);

    expect((await t.rest('POST', `/incidents/${incident.id}/ack`, t.users.viewer.token, {})).statusCode).toBe(403);
    const acked = await t.rest('POST', `/incidents/${incident.id}/ack`, t.users.operator.token, { note: 'looking' });
    expect(acked.json()).toMatchObject({ status: 'INVESTIGATING', acknowledged_by: 'operator' });
    const again = await t.rest('POST', `/incidents/${incident.id}/ack`, t.users.operator.token, {});
    expect(again.statusCode).toBe(409);
    expect(
      (
        await t.rest('POST', `/incidents/${incident.id}/comments`, t.users.operator.token, {
          text: 'errors since 10:00',
        })
      ).statusCode,
    ).toBe(200);

    const analysis = await t.rest('POST', `/incidents/${incident.id}/analyze`, t.users.operator.token, {});
    expect(analysis.statusCode).toBe(200);
    expect(analysis.json()).toMatchObject({ incident_id: incident.id, causes: expect.any(Array) });

    const resolved = await t.rest('POST', `/incidents/${incident.id}/resolve`, t.users.operator.token, {
      root_cause: 'bad build',
    });
    expect(resolved.json()).toMatchObject({ status: 'RESOLVED', root_cause: 'bad build' });
    const pm = await t.rest('POST', `/incidents/${incident.id}/postmortem`, t.users.operator.token, {});
    expect(pm.json().markdown).toContain('# Post-mortem: backend answers 500s');
    expect(pm.json().html).toContain('<h2>Timeline</h2>');
    const edited = await t.rest('PUT', `/incidents/${incident.id}/postmortem`, t.users.operator.token, {
      markdown: '# Edited\n\n<script>x</script>',
    });
    expect(edited.json().html).toBe('<h1>Edited</h1>\n<p>&lt;script&gt;x&lt;/script&gt;</p>');

    const detail = (await t.rest('GET', `/incidents/${incident.id}`, t.users.viewer.token)).json();
    expect(detail.timeline.map((a: { action_type: string }) => a.action_type)).toEqual(
      expect.arrayContaining(['signal', 'status', 'comment', 'analysis', 'postmortem']),
    );
    const trail = (await t.rest('GET', '/audit?page_size=100', t.users.admin.token))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(trail).toEqual(
      expect.arrayContaining([
        'incident.opened',
        'incident.acknowledged',
        'incident.resolved',
        'incident.postmortem_edited',
      ]),
    );
  });

  it('lists the shipped runbooks and refuses an invalid one at save, naming the line', async () => {
    const list = (await t.rest('GET', '/runbooks', t.users.viewer.token)).json();
    expect(list.items.map((r: { name: string }) => r.name).sort()).toEqual([
      'cordon-and-drain-node',
      'limit-noisy-neighbour',
      'raise-memory-limit',
      'revert-config-change',
      'rollback-bad-rollout',
      'scale-out',
    ]);
    const bad = await t.rest('PUT', '/runbooks', t.users.operator.token, {
      source:
        'apiVersion: opspilot.dev/v1\nkind: Runbook\nmetadata: { name: bad }\nsteps:\n  - id: a\n    type: action\n    action: pod:explode\n',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/line 7: unknown action pod:explode/);
    const shown = (await t.rest('GET', '/runbooks/scale-out', t.users.viewer.token)).json();
    expect(shown).toMatchObject({ version: 1, runbook: { name: 'scale-out' } });
    expect(shown.source).toContain('action: workload:scale');
  });
});
