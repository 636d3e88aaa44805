import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from '../startSimCluster.js';
import { apiRequest } from '../testing/apiRequest.js';

let sim: SimCluster;
const call = (path: string, options: Parameters<typeof apiRequest>[2] = {}) => apiRequest(sim, path, options);
const WIDGETS = '/apis/example.com/v1/namespaces/default/widgets';

const crd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    scope: 'Namespaced',
    names: { kind: 'Widget', plural: 'widgets', singular: 'widget', shortNames: ['wd'] },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
        subresources: {
          status: {},
          scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' },
        },
        additionalPrinterColumns: [{ name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' }],
      },
    ],
  },
};

beforeAll(async () => {
  sim = await startSimCluster({ tls: false, controllers: false });
});
afterAll(async () => sim?.stop());

describe('custom resources', () => {
  it('serves the kinds of a stored CRD, which reports itself Established', async () => {
    const created = await call('/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {
      method: 'POST',
      body: crd,
    });
    expect(
      created.json.status.conditions.map((c: { type: string; status: string }) => `${c.type}=${c.status}`),
    ).toEqual(['NamesAccepted=True', 'Established=True']);
    const resources = (await call('/apis/example.com/v1')).json.resources;
    expect(resources.map((r: { name: string }) => r.name)).toEqual(['widgets', 'widgets/status', 'widgets/scale']);
    expect(resources[0]).toMatchObject({ kind: 'Widget', shortNames: ['wd'], namespaced: true });
    const doc = (await call('/openapi/v3/apis/example.com/v1')).json;
    expect(doc.paths['/apis/example.com/v1/namespaces/{namespace}/widgets/{name}'].patch).toBeDefined();
  });

  it('stores custom objects with status and scale subresources and printer columns', async () => {
    const w = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w1' },
      spec: { replicas: 2 },
      status: { replicas: 5 },
    };
    const created = await call(WIDGETS, { method: 'POST', body: w });
    expect(created.code).toBe(201);
    expect(created.json.status).toBeUndefined();
    await call(`${WIDGETS}/w1/status`, { method: 'PUT', body: { ...created.json, status: { replicas: 2 } } });
    const scale = (await call(`${WIDGETS}/w1/scale`)).json;
    expect(scale).toMatchObject({ spec: { replicas: 2 }, status: { replicas: 2 } });
    await call(`${WIDGETS}/w1/scale`, {
      method: 'PATCH',
      body: { spec: { replicas: 4 } },
      contentType: 'application/merge-patch+json',
    });
    const table = (await call(WIDGETS, { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' })).json;
    expect(table.rows[0].cells).toEqual(['w1', 4]);
    const strategic = await call(`${WIDGETS}/w1`, {
      method: 'PATCH',
      body: { spec: { replicas: 1 } },
      contentType: 'application/strategic-merge-patch+json',
    });
    expect(strategic.json).toMatchObject({ code: 415, reason: 'UnsupportedMediaType' });
  });

  it('stops serving them when the CRD is deleted', async () => {
    await call('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com', { method: 'DELETE' });
    const gone = await call(WIDGETS);
    expect(gone.code).toBe(404);
    expect(gone.json.kind).toBe('Status');
  });
});
