import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SNAPSHOT_CONCURRENCY } from '@opspilot/kube';
import { type ConnectionCounter, startConnectionCounter } from '@opspilot/kube/testing';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { startTestApi, type TestApi } from '../testing/index.js';

/** `yaml` with every cluster's server replaced and, when given, its users replaced by `user`. */
function rewrite(yaml: string, server: string, user?: Record<string, unknown>): string {
  const doc = parse(yaml) as { clusters: { cluster: Record<string, unknown> }[]; users: { user: unknown }[] };
  for (const c of doc.clusters) c.cluster.server = server;
  if (user) for (const u of doc.users) u.user = user;
  return stringify(doc);
}

describe('one gateway per cluster', () => {
  let t: TestApi;
  let sim: SimCluster;
  let relay: ConnectionCounter;
  beforeAll(async () => {
    t = await startTestApi();
    sim = await startSimCluster({ scenario: 'demo', clock: t.clock });
    relay = await startConnectionCounter(sim.url);
  });
  afterAll(async () => {
    await relay?.close();
    await sim?.stop();
    await t?.close();
  });

  it('reuses one gateway (and its connections) for every request, and closes it when the cluster is removed', async () => {
    const registered = await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'sim-relayed',
      api_server_url: sim.url,
      kubeconfig: rewrite(sim.kubeconfig, `https://${relay.address}`),
    });
    const clusterId = registered.json().id;
    for (let i = 0; i < 15; i++) {
      const analysis = await t.rest('GET', `/clusters/${clusterId}/analysis?namespace=todo`, t.users.admin.token);
      expect(analysis.statusCode).toBe(200);
      const asked = await t.rest('POST', '/ops/ask', t.users.admin.token, {
        request: 'scale backend to 3 replicas',
        cluster_id: clusterId,
      });
      expect(asked.statusCode).toBe(200);
    }
    expect(t.services.gateways.size()).toBe(1);
    expect(relay.total()).toBeLessThanOrEqual(SNAPSHOT_CONCURRENCY);
    expect(relay.open()).toBeGreaterThan(0);
    expect((await t.rest('DELETE', `/clusters/${clusterId}`, t.users.admin.token)).statusCode).toBe(200);
    expect(t.services.gateways.size()).toBe(0);
    await expect.poll(relay.open).toBe(0);
  });

  it('closes every gateway when the server closes', async () => {
    const other = await startTestApi();
    const registered = await other.rest('POST', '/clusters', other.users.admin.token, {
      name: 'sim-closing',
      api_server_url: sim.url,
      kubeconfig: rewrite(sim.kubeconfig, `https://${relay.address}`),
    });
    const analysis = await other.rest('GET', `/clusters/${registered.json().id}/analysis`, other.users.admin.token);
    expect(analysis.statusCode).toBe(200);
    expect(relay.open()).toBeGreaterThan(0);
    await other.close();
    await expect.poll(relay.open).toBe(0);
  });
});

describe('credential commands of registered kubeconfigs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'opspilot-exec-'));
  const marker = join(dir, 'ran');
  const execUser = {
    exec: {
      apiVersion: 'client.authentication.k8s.io/v1',
      command: '/bin/sh',
      args: ['-c', `touch ${marker}; echo '{}'`],
      interactiveMode: 'Never',
    },
  };
  let t: TestApi;
  let sim: SimCluster;
  beforeAll(async () => {
    t = await startTestApi();
    sim = await startSimCluster({ clock: t.clock, controllers: false });
  });
  afterAll(async () => {
    await sim?.stop();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an exec plugin at registration, saying why and naming the setting', async () => {
    const refused = await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'sim-exec',
      api_server_url: sim.url,
      kubeconfig: rewrite(sim.kubeconfig, sim.url, execUser),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error_code).toBe('INPUT');
    expect(refused.json().message).toContain('/bin/sh');
    expect(refused.json().details.hint).toContain('clusters.allowed_exec_commands');
    expect((await t.store.clusters.list({}, { page: 1, page_size: 10 })).total).toBe(0);
  });

  it('refuses a stored kubeconfig with an exec plugin when it is loaded, without running it', async () => {
    const cluster = await t.store.clusters.create({ name: 'stored-exec', api_server_url: sim.url });
    await t.store.clusters.setCredentials(cluster.id, {
      auth_type: 'KUBECONFIG',
      kubeconfig: rewrite(sim.kubeconfig, sim.url, execUser),
    });
    await t.rest('POST', `/users/${t.users.viewer.user.id}/clusters/${cluster.id}`, t.users.admin.token, {});
    const analysis = await t.rest('GET', `/clusters/${cluster.id}/analysis`, t.users.viewer.token);
    expect(analysis.statusCode).toBe(400);
    expect(analysis.json().details.hint).toContain('clusters.allowed_exec_commands');
    expect(existsSync(marker)).toBe(false);
  });

  it('runs a command the server setting lists', async () => {
    const allowed = await startTestApi({ config: { clusters: { allowed_exec_commands: ['/bin/sh'] } } });
    try {
      const registered = await allowed.rest('POST', '/clusters', allowed.users.admin.token, {
        name: 'sim-exec-allowed',
        api_server_url: sim.url,
        kubeconfig: rewrite(sim.kubeconfig, sim.url, execUser),
      });
      expect(registered.statusCode).toBe(200);
      await allowed.rest('GET', `/clusters/${registered.json().id}/analysis`, allowed.users.admin.token);
      expect(existsSync(marker)).toBe(true);
    } finally {
      await allowed.close();
    }
  });
});
