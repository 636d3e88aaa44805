import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from '../startSimCluster.js';
import { apiRequest, authHeaders } from '../testing/apiRequest.js';

let sim: SimCluster;
const call = (path: string, options: Parameters<typeof apiRequest>[2] = {}) => apiRequest(sim, path, options);
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io';
const AGGREGATED = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';

const deployment = (name: string, replicas = 1) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels: { app: name } },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
  },
});

beforeAll(async () => {
  sim = await startSimCluster({ tls: false, controllers: false });
});
afterAll(async () => sim?.stop());

describe('discovery and OpenAPI', () => {
  it('serves version, health and legacy discovery with short names, categories and subresources', async () => {
    expect((await call('/version')).json).toMatchObject({ major: '1', minor: '32' });
    expect((await call('/readyz')).text).toBe('ok');
    expect((await call('/api')).json).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const core = (await call('/api/v1')).json;
    const byName = (list: { name: string }[], name: string) => list.find((r) => r.name === name);
    expect(byName(core.resources, 'pods')).toMatchObject({ shortNames: ['po'], categories: ['all'], namespaced: true });
    expect(byName(core.resources, 'pods/log')).toMatchObject({ kind: 'Pod', verbs: ['get'] });
    expect(byName(core.resources, 'pods/eviction')).toMatchObject({ group: 'policy', version: 'v1', kind: 'Eviction' });
    const apps = (await call('/apis/apps/v1')).json;
    expect(byName(apps.resources, 'deployments/scale')).toMatchObject({ group: 'autoscaling', kind: 'Scale' });
    const groups = (await call('/apis')).json;
    expect(groups.kind).toBe('APIGroupList');
    expect(groups.groups.find((g: { name: string }) => g.name === 'autoscaling').preferredVersion.version).toBe('v2');
    expect((await call('/apis/metrics.k8s.io/v1beta1')).json.resources.map((r: { kind: string }) => r.kind)).toEqual([
      'PodMetrics',
      'NodeMetrics',
    ]);
  });

  it('serves aggregated discovery v2 when the Accept header asks for it', async () => {
    const r = await call('/apis', { accept: AGGREGATED });
    expect(r.contentType).toContain('as=APIGroupDiscoveryList');
    const apps = r.json.items.find((g: { metadata: { name: string } }) => g.metadata.name === 'apps');
    const deployments = apps.versions[0].resources.find((x: { resource: string }) => x.resource === 'deployments');
    expect(deployments).toMatchObject({ scope: 'Namespaced', shortNames: ['deploy'], categories: ['all'] });
    expect(deployments.subresources.map((s: { subresource: string }) => s.subresource)).toEqual(['status', 'scale']);
  });

  it('serves an OpenAPI v3 index and group-version documents kubectl can use', async () => {
    const index = (await call('/openapi/v3')).json;
    expect(index.paths['apis/apps/v1'].serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=/);
    const doc = (await call('/openapi/v3/apis/apps/v1')).json;
    const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' });
    expect(patch.parameters.map((p: { name: string }) => p.name)).toContain('fieldValidation');
    expect((await call('/openapi/v3/apis/nope/v1')).code).toBe(404);
  });
});

describe('writes', () => {
  it('creates with defaults, answers 201, and refuses a missing namespace with the real 404', async () => {
    const created = await call('/apis/apps/v1/namespaces/default/deployments', {
      method: 'POST',
      body: deployment('web'),
    });
    expect(created.code).toBe(201);
    expect(created.json.spec.template.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(created.json.metadata.managedFields[0]).toMatchObject({ manager: 'node', operation: 'Update' });
    const missing = await call('/api/v1/namespaces/nowhere/configmaps', {
      method: 'POST',
      body: { metadata: { name: 'c' } },
    });
    expect(missing.json).toMatchObject({ code: 404, reason: 'NotFound', message: 'namespaces "nowhere" not found' });
  });

  it('checks fields as the decoder does: unknown ones warned about and pruned, refused under Strict', async () => {
    const base = '/api/v1/namespaces/default/configmaps';
    const body = { metadata: { name: 'typo' }, data: { a: '1' }, dataa: { b: '2' } };
    const strict = await call(`${base}?fieldValidation=Strict`, { method: 'POST', body });
    expect(strict.json).toMatchObject({
      code: 400,
      message:
        'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "dataa"',
    });
    const res = await fetch(`${sim.url}${base}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...authHeaders(sim) },
    });
    expect(res.headers.get('warning')).toBe('299 - "unknown field \\"dataa\\""');
    expect(((await res.json()) as { dataa?: unknown }).dataa).toBeUndefined();
    const wrongType = await call(base, { method: 'POST', body: { metadata: { name: 'typed' }, data: { a: 1 } } });
    expect(wrongType.json.message).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string',
    );
  });

  it('never stores dry-run writes, on any verb', async () => {
    const base = '/apis/apps/v1/namespaces/default/deployments';
    expect((await call(`${base}?dryRun=All`, { method: 'POST', body: deployment('ghost') })).code).toBe(201);
    expect((await call(`${base}/ghost`)).code).toBe(404);
    const live = (await call(`${base}/web`)).json;
    await call(`${base}/web?dryRun=All`, { method: 'PUT', body: { ...live, spec: { ...live.spec, replicas: 7 } } });
    await call(`${base}/web?dryRun=All`, {
      method: 'PATCH',
      body: { spec: { replicas: 8 } },
      contentType: 'application/merge-patch+json',
    });
    const patched = await call(`${base}/web/scale?dryRun=All`, {
      method: 'PATCH',
      body: { spec: { replicas: 9 } },
      contentType: 'application/merge-patch+json',
    });
    expect(patched.json.spec.replicas).toBe(9);
    await call(`${base}/web?dryRun=All`, { method: 'DELETE' });
    await call(`${base}?dryRun=All&labelSelector=app%3Dweb`, { method: 'DELETE' });
    const after = (await call(`${base}/web`)).json;
    expect(after.spec.replicas).toBe(1);
    expect(after.metadata.resourceVersion).toBe(live.metadata.resourceVersion);
    const bad = await call(`${base}?dryRun=Some`, { method: 'POST', body: deployment('x') });
    expect(bad.json).toMatchObject({ code: 400, reason: 'BadRequest' });
  });

  it('keeps generation for metadata changes and refuses immutable changes', async () => {
    const base = '/apis/apps/v1/namespaces/default/deployments/web';
    const labelled = await call(base, {
      method: 'PATCH',
      body: { metadata: { labels: { tier: 'front' } } },
      contentType: 'application/merge-patch+json',
    });
    expect(labelled.json.metadata.generation).toBe(1);
    const selector = await call(base, {
      method: 'PATCH',
      body: {
        spec: { selector: { matchLabels: { app: 'other' } }, template: { metadata: { labels: { app: 'other' } } } },
      },
      contentType: 'application/merge-patch+json',
    });
    expect(selector.json).toMatchObject({ code: 422, reason: 'Invalid' });
    expect(selector.json.message).toContain('spec.selector: Invalid value');
    const sent = { ...deployment('web'), metadata: { name: 'web', labels: { app: 'web', tier: 'front' } } };
    const replaced = await call(base, { method: 'PUT', body: sent });
    expect(replaced.json.metadata.generation).toBe(1);
  });

  it('scales through the scale subresource with conflicts and validation', async () => {
    const base = '/apis/apps/v1/namespaces/default/deployments/web/scale';
    const scale = (await call(base)).json;
    expect(scale).toMatchObject({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      spec: { replicas: 1 },
      status: { selector: 'app=web' },
    });
    expect((await call(base, { method: 'PUT', body: { ...scale, spec: { replicas: 3 } } })).json.spec.replicas).toBe(3);
    const stale = await call(base, { method: 'PUT', body: { ...scale, spec: { replicas: 4 } } });
    expect(stale.json).toMatchObject({ code: 409, reason: 'Conflict' });
    const negative = await call(base, {
      method: 'PATCH',
      body: { spec: { replicas: -1 } },
      contentType: 'application/merge-patch+json',
    });
    expect(negative.json.message).toBe(
      'Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });

  it('answers deletes as a real server: Status for most kinds, the object for pods and while finalizers hold', async () => {
    const cms = '/api/v1/namespaces/default/configmaps';
    await call(cms, { method: 'POST', body: { metadata: { name: 'plain' } } });
    await call(cms, { method: 'POST', body: { metadata: { name: 'held', finalizers: ['example.com/hold'] } } });
    const plain = await call(`${cms}/plain`, { method: 'DELETE' });
    expect(plain.json).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: { name: 'plain', kind: 'configmaps' },
    });
    const held = await call(`${cms}/held`, { method: 'DELETE' });
    expect(held.json.metadata.deletionTimestamp).toBeDefined();
    await call(`${cms}/held`, {
      method: 'PATCH',
      body: { metadata: { finalizers: null } },
      contentType: 'application/merge-patch+json',
    });
    expect((await call(`${cms}/held`)).code).toBe(404);
    const policy = await call(`${cms}/x?propagationPolicy=Sideways`, { method: 'DELETE' });
    expect(policy.json).toMatchObject({ code: 422 });
  });

  it('garbage-collects dependents in the background and orphans them when asked', async () => {
    const rs = (name: string, uid: string) => ({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'owner', uid, controller: true }],
      },
      spec: deployment(name).spec,
    });
    for (const [owner, child] of [
      ['bg', 'bg-rs'],
      ['orphaning', 'orphan-rs'],
    ] as const) {
      const created = await call('/apis/apps/v1/namespaces/default/deployments', {
        method: 'POST',
        body: deployment(owner),
      });
      await call('/apis/apps/v1/namespaces/default/replicasets', {
        method: 'POST',
        body: rs(child, created.json.metadata.uid),
      });
    }
    await call('/apis/apps/v1/namespaces/default/deployments/bg', { method: 'DELETE' });
    expect((await call('/apis/apps/v1/namespaces/default/replicasets/bg-rs')).code).toBe(404);
    await call('/apis/apps/v1/namespaces/default/deployments/orphaning', {
      method: 'DELETE',
      body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Orphan' },
    });
    const orphan = (await call('/apis/apps/v1/namespaces/default/replicasets/orphan-rs')).json;
    expect(orphan.metadata.ownerReferences).toBeUndefined();
  });

  it('refuses unknown patch types, strategic merge on custom resources and unaccepted media types', async () => {
    const base = '/apis/apps/v1/namespaces/default/deployments/web';
    const unknown = await call(base, { method: 'PATCH', body: {}, contentType: 'text/plain' });
    expect(unknown.json).toMatchObject({ code: 415, reason: 'UnsupportedMediaType' });
    expect((await call(base, { accept: 'text/html' })).json).toMatchObject({ code: 406, reason: 'NotAcceptable' });
    const yaml = await call(base, { accept: 'application/yaml' });
    expect(yaml.text).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n/);
  });
});

describe('reads', () => {
  it('answers Tables, metadata-only lists and paged lists', async () => {
    const list = (await call('/apis/apps/v1/namespaces/default/deployments', { accept: TABLE })).json;
    expect(list.kind).toBe('Table');
    expect(list.columnDefinitions.slice(0, 5).map((c: { name: string }) => c.name)).toEqual([
      'Name',
      'Ready',
      'Up-to-date',
      'Available',
      'Age',
    ]);
    const partial = await call('/api/v1/namespaces', {
      accept: 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io',
    });
    expect(partial.json.kind).toBe('PartialObjectMetadataList');
    expect(partial.json.items[0].spec).toBeUndefined();
    const page = (await call('/api/v1/namespaces?limit=2')).json;
    expect(page.items).toHaveLength(2);
    const rest = (await call(`/api/v1/namespaces?limit=10&continue=${page.metadata.continue}`)).json;
    expect(rest.items.length).toBe(page.metadata.remainingItemCount);
  });

  it('serves events under core v1 and events.k8s.io/v1 alike', async () => {
    await call('/api/v1/namespaces/default/events', {
      method: 'POST',
      body: {
        metadata: { name: 'e1' },
        involvedObject: { kind: 'Pod', name: 'p' },
        reason: 'Pulled',
        message: 'ok',
        type: 'Normal',
      },
    });
    const modern = (await call('/apis/events.k8s.io/v1/namespaces/default/events/e1')).json;
    expect(modern).toMatchObject({ apiVersion: 'events.k8s.io/v1', regarding: { name: 'p' }, note: 'ok' });
    const filtered = (await call('/apis/events.k8s.io/v1/events?fieldSelector=regarding.name%3Dp')).json;
    expect(filtered.items.map((e: { metadata: { name: string } }) => e.metadata.name)).toEqual(['e1']);
  });
});
