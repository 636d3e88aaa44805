import type { Event } from '@opspilot/core';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/index.js';

describe('the analyze and manifests routers', () => {
  let t: TestApi;
  let sim: SimCluster;
  let clusterId: string;
  beforeAll(async () => {
    t = await startTestApi();
    sim = await startSimCluster({ scenario: 'broken', clock: t.clock });
    const registered = await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'sim-broken',
      api_server_url: sim.url,
      kubeconfig: sim.kubeconfig,
    });
    clusterId = registered.json().id;
    await t.rest('POST', `/users/${t.users.viewer.user.id}/clusters/${clusterId}`, t.users.admin.token, {});
  });
  afterAll(async () => {
    await sim?.stop();
    await t?.close();
  });

  it('analyzes a registered cluster through its stored kubeconfig and announces the findings', async () => {
    const events: Event[] = [];
    t.services.bus.subscribe({ event_types: ['FINDING_DETECTED'] }, (e) => {
      events.push(e);
    });
    const response = await t.rest('GET', `/clusters/${clusterId}/analysis`, t.users.viewer.token);
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toHaveProperty('problems');
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.cluster_id === clusterId)).toBe(true);
    expect((await t.rest('GET', `/clusters/${clusterId}/analysis`, t.users.operator.token)).statusCode).toBe(404);
  });

  it('answers a missing namespace with 404 naming it and an unreachable cluster with 502, never an empty report', async () => {
    const missing = await t.rest('GET', `/clusters/${clusterId}/analysis?namespace=nowhere`, t.users.viewer.token);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({
      message: 'namespace "nowhere" not found',
      details: { hint: expect.stringMatching(/^existing namespaces: broken, default, /) },
    });
    const gone = await startSimCluster({ scenario: 'demo', clock: t.clock });
    const registered = await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'sim-gone',
      api_server_url: gone.url,
      kubeconfig: gone.kubeconfig,
    });
    await gone.stop();
    const unreachable = await t.rest('GET', `/clusters/${registered.json().id}/analysis`, t.users.admin.token);
    expect(unreachable.statusCode).toBe(502);
  });

  it('validates files and generates a manifest, auditing both', async () => {
    const bad =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:latest\n';
    const validated = await t.rest('POST', '/manifests/validate', t.users.viewer.token, {
      files: [{ path: 'k8s/web.yaml', content: bad }],
    });
    expect(validated.statusCode).toBe(200);
    expect(validated.json().findings.length).toBeGreaterThan(0);
    const generated = await t.rest('POST', '/manifests/generate', t.users.operator.token, {
      kind: 'deployment',
      description: 'deployment web image nginx:1.27 replicas 2 port 80',
    });
    expect(generated.statusCode).toBe(200);
    expect(generated.json().files[0].content).toContain('kind: Deployment');
    expect(
      (await t.rest('POST', '/manifests/generate', t.users.viewer.token, { kind: 'deployment', description: 'x' }))
        .statusCode,
    ).toBe(403);
    const actions = (await t.store.audit.list({ user_id: t.users.operator.user.id })).items.map((e) => e.action);
    expect(actions).toContain('manifests.generate');
  });
});
