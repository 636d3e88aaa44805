import type { Event } from '@opspilot/core';
import { createClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.js';

describe('the fleet watchers of the server', { timeout: 120_000 }, () => {
  let t: TestApi;
  let sim: SimCluster;
  let clusterId: string;
  const events: Event[] = [];
  beforeAll(async () => {
    t = await startTestApi();
    t.services.bus.subscribe({ event_types: ['CLUSTER_STATUS_CHANGED', 'AUDIT_APPENDED'] }, (e) => {
      events.push(e);
    });
    sim = await startSimCluster({ scenario: 'demo' });
    await t.services.fleet.start();
    const registered = await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'sim-fleet',
      api_server_url: sim.url,
      kubeconfig: sim.kubeconfig,
    });
    clusterId = registered.json().id;
    await t.rest('POST', `/users/${t.users.viewer.user.id}/clusters/${clusterId}`, t.users.admin.token, {});
  });
  afterAll(async () => {
    await t?.close();
    await sim?.stop();
  });

  /** The cluster's live state as `clusters.status` reports it, moving the server's clock on by a probe interval. */
  const liveState = async () => {
    await t.clock.advance(10_000);
    const response = await t.rest('GET', `/clusters/${clusterId}/status`, t.users.viewer.token);
    return response.json().report?.status.state;
  };
  const statusEvents = () =>
    events.filter(
      (e) => e.event_type === 'CLUSTER_STATUS_CHANGED' && (e.payload as { change?: string }).change === 'STATUS',
    );

  it('watches a cluster registered after start: ONLINE with a score, stored, published and audited', async () => {
    await expect.poll(liveState, { timeout: 60_000 }).toBe('ONLINE');
    const status = (await t.rest('GET', `/clusters/${clusterId}/status`, t.users.viewer.token)).json();
    expect(status).toMatchObject({ name: 'sim-fleet', watched: true });
    expect(status.report.status.health_score).toBeGreaterThanOrEqual(80);
    await expect
      .poll(async () => (await t.rest('GET', `/clusters/${clusterId}`, t.users.viewer.token)).json().status.state)
      .toBe('ONLINE');
    const stored = (await t.rest('GET', `/clusters/${clusterId}`, t.users.viewer.token)).json();
    expect(stored.status.health_score).toBe(status.report.status.health_score);
    expect(stored.last_seen_at).toBeDefined();
    expect(statusEvents().map((e) => (e.payload as { state: string }).state)).toContain('ONLINE');
    expect(
      events.some(
        (e) => e.event_type === 'AUDIT_APPENDED' && (e.payload as { action: string }).action === 'cluster.status',
      ),
    ).toBe(true);
    expect((await t.rest('GET', `/clusters/${clusterId}/status`, t.users.operator.token)).statusCode).toBe(404);
  });

  it('browses live objects by kind and namespace, refusing a namespace that does not exist by name', async () => {
    const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig });
    const inCluster = (await gateway.list('Pod')).map((p) => p.metadata.name).sort();
    gateway.close();
    const browse = async () => {
      const pods = await t.rest('GET', `/fleet/objects?cluster=${clusterId}&kind=pods`, t.users.viewer.token);
      return pods
        .json()
        .items.map((p: { metadata: { name: string } }) => p.metadata.name)
        .sort();
    };
    await expect.poll(browse).toEqual(inCluster);
    const table = (await t.rest('GET', `/fleet/objects?cluster=${clusterId}&kind=pods`, t.users.viewer.token)).json()
      .table;
    expect(table.columns.slice(0, 6)).toEqual(['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(table.columns).toContain('NODE');
    expect(table.rows).toHaveLength(inCluster.length);
    expect(inCluster.length).toBeGreaterThan(0);
    const missing = await t.rest(
      'GET',
      `/fleet/objects?cluster=${clusterId}&kind=po&namespace=nowhere`,
      t.users.viewer.token,
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toContain('namespace "nowhere" not found');
    const secrets = await t.rest('GET', `/fleet/objects?cluster=${clusterId}&kind=secrets`, t.users.viewer.token);
    expect(secrets.statusCode).toBe(400);
    const hidden = await t.rest('GET', `/fleet/objects?cluster=${clusterId}&kind=pods`, t.users.operator.token);
    expect(hidden.statusCode).toBe(404);
  });

  it('turns a stopped cluster OFFLINE with the reason, published, and stops watching a removed one', async () => {
    // Not awaited: the port is released at once, but the simulated server may wait for a connection the watcher opened
    // while it was closing to time out before its close completes.
    void sim.stop();
    await expect.poll(liveState, { timeout: 60_000 }).toBe('OFFLINE');
    await expect.poll(() => statusEvents().map((e) => (e.payload as { state: string }).state)).toContain('OFFLINE');
    const offline = statusEvents().find((e) => (e.payload as { state: string }).state === 'OFFLINE');
    expect(offline?.payload).toMatchObject({ last_error: expect.stringMatching(/.+/) });
    expect(t.services.fleet.size()).toBe(1);
    await t.rest('DELETE', `/clusters/${clusterId}`, t.users.admin.token);
    await expect.poll(() => t.services.fleet.size()).toBe(0);
  });
});
