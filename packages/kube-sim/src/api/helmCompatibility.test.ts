import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from '../startSimCluster.js';
import { apiRequest } from '../testing/apiRequest.js';

let sim: SimCluster;
beforeAll(async () => {
  sim = await startSimCluster({ controllers: false, tls: false });
});
afterAll(async () => sim?.stop());

/** What helm 4 needs of an API server beyond kubectl (found installing, upgrading and uninstalling a chart). */
describe('what helm needs from the simulated API server', () => {
  it('gives a ServiceAccount no spec, so a strict decoder accepts it back', async () => {
    const created = await apiRequest(sim, '/api/v1/namespaces/default/serviceaccounts', {
      method: 'POST',
      body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'app' } },
    });
    expect(created.code).toBe(201);
    expect(created.json).not.toHaveProperty('spec');
  });

  it('accepts an update whose selector lists the same labels in another order', async () => {
    const path = '/apis/apps/v1/namespaces/default/deployments';
    const template = {
      metadata: { labels: { a: '1', b: '2' } },
      spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
    };
    const deployment = (matchLabels: Record<string, string>) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { selector: { matchLabels }, template },
    });
    expect((await apiRequest(sim, path, { method: 'POST', body: deployment({ a: '1', b: '2' }) })).code).toBe(201);
    const updated = await apiRequest(sim, `${path}/web`, { method: 'PUT', body: deployment({ b: '2', a: '1' }) });
    expect(updated.code, JSON.stringify(updated.json)).toBe(200);
    const changed = await apiRequest(sim, `${path}/web`, { method: 'PUT', body: deployment({ a: '1' }) });
    expect(changed.code).toBe(422);
  });

  it('reads a protobuf DeleteOptions body, as helm sends when it purges a release', async () => {
    await apiRequest(sim, '/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'gone' } },
    });
    // k8s\0 + Unknown{typeMeta{apiVersion: v1, kind: DeleteOptions}, raw: DeleteOptions{}} (an empty message).
    const typeMeta = Buffer.concat([
      Buffer.from([0x0a, 2]),
      Buffer.from('v1'),
      Buffer.from([0x12, 13]),
      Buffer.from('DeleteOptions'),
    ]);
    const unknown = Buffer.concat([Buffer.from([0x0a, typeMeta.length]), typeMeta, Buffer.from([0x12, 0])]);
    const body = Buffer.concat([Buffer.from('k8s\0', 'binary'), unknown]);
    const deleted = await apiRequest(sim, '/api/v1/namespaces/default/configmaps/gone', {
      method: 'DELETE',
      body: new Uint8Array(body),
      contentType: 'application/vnd.kubernetes.protobuf',
    });
    expect(deleted.code, JSON.stringify(deleted.json)).toBe(200);
  });
});
