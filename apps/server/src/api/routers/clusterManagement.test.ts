import type { Event } from '@opspilot/core';
import { type ConnectionCounter, startConnectionCounter } from '@opspilot/kube/testing';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startTestApi, type TestApi } from '../../testing/index.js';

describe('cluster management through the API', { timeout: 120_000 }, () => {
  let t: TestApi;
  let sim: SimCluster;
  let relay: ConnectionCounter;
  let caPem: string;
  let apiUrl: string;
  const events: Event[] = [];
  beforeAll(async () => {
    t = await startTestApi();
    t.services.bus.subscribe({ event_types: ['CLUSTER_STATUS_CHANGED', 'AUDIT_APPENDED'] }, (e) => {
      events.push(e);
    });
    sim = await startSimCluster({ scenario: 'demo' });
    relay = await startConnectionCounter(sim.url);
    apiUrl = `https://${relay.address}`;
    const data = parse(sim.kubeconfig).clusters[0].cluster['certificate-authority-data'];
    caPem = Buffer.from(data, 'base64').toString('utf8');
    await t.services.fleet.start();
  });
  afterAll(async () => {
    await t?.close();
    await relay?.close();
    await sim?.stop();
  });

  const admin = (method: string, path: string, body?: unknown) => t.rest(method, path, t.users.admin.token, body);
  const changes = () =>
    events
      .filter((e) => e.event_type === 'CLUSTER_STATUS_CHANGED')
      .map((e) => (e.payload as { change: string }).change);
  const actions = () =>
    events.filter((e) => e.event_type === 'AUDIT_APPENDED').map((e) => (e.payload as { action: string }).action);

  it('tests credentials before saving: typed failures with hints, and the version when they work', async () => {
    const good = await admin('POST', '/clusters/test', {
      api_server_url: apiUrl,
      service_account: { token: sim.token, ca_pem: caPem },
    });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ ok: true, reachable: true, authenticated: true, can_list_pods: true });
    expect(good.json().version).toMatch(/^v1\./);
    const expired = await admin('POST', '/clusters/test', {
      api_server_url: apiUrl,
      service_account: { token: 'expired-token', ca_pem: caPem },
    });
    expect(expired.json()).toMatchObject({ ok: false, reachable: true, failure: { type: 'UNAUTHORIZED' } });
    expect(expired.json().failure.hint).toMatch(/expired/);
    const untrusted = await admin('POST', '/clusters/test', {
      api_server_url: apiUrl,
      service_account: { token: 't' },
    });
    expect(untrusted.json().failure.type).toBe('TLS');
    const viewer = await t.rest('POST', '/clusters/test', t.users.viewer.token, { kubeconfig: sim.kubeconfig });
    expect(viewer.statusCode).toBe(403);
  });

  it('refuses bad input by name: OIDC, a token without its URL, both kinds of credentials, a missing context', async () => {
    const oidc = await admin('POST', '/clusters', { name: 'oidc-one', api_server_url: apiUrl, auth_type: 'OIDC' });
    expect(oidc.statusCode).toBe(400);
    expect(oidc.json().message).toMatch(/OIDC .*not supported yet/);
    const noUrl = await admin('POST', '/clusters', { name: 'sa-nourl', service_account: { token: 'x' } });
    expect(noUrl.statusCode).toBe(400);
    expect(noUrl.json().message).toMatch(/api_server_url/);
    const both = await admin('POST', '/clusters', {
      name: 'both-ways',
      kubeconfig: sim.kubeconfig,
      service_account: { token: 'x' },
      api_server_url: apiUrl,
    });
    expect(both.statusCode).toBe(400);
    const context = await admin('POST', '/clusters', {
      name: 'ctx-missing',
      kubeconfig: sim.kubeconfig,
      context: 'nope',
    });
    expect(context.statusCode).toBe(400);
    expect(context.json().message).toMatch(/context "nope" not found/);
    const failing = await admin('POST', '/clusters', {
      name: 'wrong-token',
      api_server_url: apiUrl,
      service_account: { token: 'wrong', ca_pem: caPem },
      check_connection: true,
    });
    expect(failing.statusCode).toBe(403);
    expect(failing.json().message).toMatch(/UNAUTHORIZED/);
    const listed = (await admin('GET', '/clusters')).json().items.map((c: { name: string }) => c.name);
    expect(listed).not.toContain('wrong-token');
  });

  it('registers by API URL and token, watches it ONLINE, edits it, and removing it leaves nothing running', async () => {
    const created = await admin('POST', '/clusters', {
      name: 'sa-cluster',
      api_server_url: apiUrl,
      service_account: { token: sim.token, ca_pem: caPem },
      environment: 'STAGING',
      check_connection: true,
    });
    expect(created.statusCode).toBe(200);
    const id = created.json().id as string;
    const detail = (await admin('GET', `/clusters/${id}`)).json();
    expect(detail.credentials).toMatchObject({ auth_type: 'SERVICE_ACCOUNT', has_kubeconfig: true });
    expect(JSON.stringify(detail)).not.toContain(sim.token);
    const state = async () => {
      await t.clock.advance(10_000);
      return (await admin('GET', `/clusters/${id}/status`)).json().report?.status.state;
    };
    await expect.poll(state, { timeout: 60_000 }).toBe('ONLINE');
    const watch = t.services.fleet.get(id);

    const edited = await admin('PATCH', `/clusters/${id}`, {
      display_name: 'Staging (token)',
      labels: { team: 'platform' },
      environment: 'PRODUCTION',
      endpoints: { prometheus_url: 'http://prometheus.example:9090' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      display_name: 'Staging (token)',
      labels: { team: 'platform' },
      environment: 'PRODUCTION',
      endpoints: { prometheus_url: 'http://prometheus.example:9090' },
    });
    expect(t.services.fleet.get(id)).toBe(watch);
    expect(changes()).toContain('EDITED');
    expect(actions()).toContain('cluster.update');
    const nothing = await admin('PATCH', `/clusters/${id}`, {});
    expect(nothing.statusCode).toBe(400);
    const badToken = await admin('PATCH', `/clusters/${id}`, {
      service_account: { token: 'wrong', ca_pem: caPem },
      check_connection: true,
    });
    expect(badToken.statusCode).toBe(403);
    expect(t.services.fleet.get(id)).toBe(watch);

    const rotated = await admin('PATCH', `/clusters/${id}`, {
      service_account: { token: sim.token, ca_pem: caPem },
      check_connection: true,
    });
    expect(rotated.statusCode).toBe(200);
    expect(changes()).toContain('UPDATED');
    await expect.poll(() => t.services.fleet.get(id) !== watch && t.services.fleet.get(id) !== undefined).toBe(true);
    await expect.poll(state, { timeout: 60_000 }).toBe('ONLINE');
    expect(relay.open()).toBeGreaterThan(0);

    expect((await admin('DELETE', `/clusters/${id}`)).statusCode).toBe(200);
    await expect.poll(() => t.services.fleet.get(id)).toBeUndefined();
    await expect.poll(() => relay.open()).toBe(0);
    const total = relay.total();
    await t.clock.advance(60_000);
    expect(relay.total()).toBe(total);
    expect(actions()).toEqual(expect.arrayContaining(['cluster.register', 'cluster.update', 'cluster.remove']));
  });

  it('watches a cluster added to the store behind its back (the CLI) and stops one removed there', async () => {
    const cluster = await t.store.clusters.create({ name: 'from-cli', api_server_url: apiUrl });
    await t.store.clusters.setCredentials(cluster.id, { auth_type: 'KUBECONFIG', kubeconfig: sim.kubeconfig });
    await expect
      .poll(
        async () => {
          await t.clock.advance(15_000);
          return t.services.fleet.get(cluster.id) !== undefined;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await t.store.clusters.delete(cluster.id);
    await expect
      .poll(
        async () => {
          await t.clock.advance(15_000);
          return t.services.fleet.get(cluster.id);
        },
        { timeout: 30_000 },
      )
      .toBeUndefined();
  });
});
