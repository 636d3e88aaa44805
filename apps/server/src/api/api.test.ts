import { ErrorResponse } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.js';

const SIM = { name: 'prod-east', api_server_url: 'https://10.0.0.1:6443', environment: 'PRODUCTION' };

describe('the API over REST', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(async () => t?.close());

  it('serves the OpenAPI document and Swagger UI', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/clusters', '/clusters/{id}', '/audit', '/users', '/tokens']));
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('registers, lists, gets and removes clusters, each change audited with the acting admin', async () => {
    const { admin } = t.users;
    const created = await t.rest('POST', '/clusters', admin.token, {
      ...SIM,
      kubeconfig: 'apiVersion: v1\nkind: Config\n',
    });
    expect(created.statusCode).toBe(200);
    const cluster = created.json();
    expect(cluster).toMatchObject({ name: 'prod-east', status: { state: 'UNKNOWN' } });
    const listed = await t.rest('GET', '/clusters?page_size=5', admin.token);
    expect(listed.json()).toMatchObject({ total: 1, page: 1, page_size: 5, items: [{ id: cluster.id }] });
    const got = await t.rest('GET', `/clusters/${cluster.id}`, admin.token);
    expect(got.json().credentials).toMatchObject({ auth_type: 'KUBECONFIG' });
    expect(got.body).not.toContain('kubeconfig_encrypted');
    expect(await t.store.clusters.getKubeconfig(cluster.id)).toContain('kind: Config');
    const removed = await t.rest('DELETE', `/clusters/${cluster.id}`, admin.token);
    expect(removed.json()).toEqual({ removed: true });
    const audit = await t.rest('GET', '/audit?action=cluster.register', admin.token);
    expect(audit.json().items[0]).toMatchObject({ user_id: admin.user.id, action: 'cluster.register' });
    expect((await t.rest('GET', '/audit/chain/verify', admin.token)).json()).toMatchObject({ ok: true });
  });

  it('answers every error with a seed 003 §8.3 body and the mapped status', async () => {
    const anonymous = await t.rest('GET', '/clusters');
    expect(anonymous.statusCode).toBe(401);
    expect(ErrorResponse.strict().parse(anonymous.json())).toMatchObject({
      error_code: 'UNAUTHENTICATED',
      trace_id: anonymous.headers['x-request-id'],
    });
    const viewer = await t.rest('POST', '/clusters', t.users.viewer.token, SIM);
    expect(viewer.statusCode).toBe(403);
    expect(ErrorResponse.strict().parse(viewer.json())).toMatchObject({
      error_code: 'NOT_ALLOWED',
      details: { required_role: 'ADMIN', role: 'VIEWER' },
    });
    const missing = await t.rest('GET', '/clusters/7c9e6679-7425-40de-944b-e07fc1f90ae7', t.users.admin.token);
    expect(missing.statusCode).toBe(404);
    expect(ErrorResponse.strict().parse(missing.json()).error_code).toBe('NOT_FOUND');
    const invalid = await t.rest('POST', '/clusters', t.users.admin.token, { name: 'X', api_server_url: 'http://a' });
    expect(invalid.statusCode).toBe(400);
    expect(ErrorResponse.strict().parse(invalid.json()).error_code).toBe('INPUT');
    const duplicate = await t.rest('POST', '/users', t.users.admin.token, {
      username: 'viewer',
      role: 'VIEWER',
      password: 'long-enough-password',
    });
    expect(duplicate.statusCode).toBe(409);
  });

  it('answers tRPC calls with the same bodies inside tRPC envelopes', async () => {
    const ok = await t.app.inject({
      method: 'GET',
      url: '/api/trpc/users.me',
      headers: { authorization: `Bearer ${t.users.viewer.token}` },
    });
    expect(ok.json().result.data).toMatchObject({ username: 'viewer', role: 'VIEWER', cluster_ids: [] });
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/trpc/users.create',
      headers: { authorization: `Bearer ${t.users.operator.token}`, 'content-type': 'application/json' },
      payload: { username: 'x1', role: 'ADMIN', password: 'long-enough-password' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ error_code: 'NOT_ALLOWED', message: expect.any(String) });
  });
});
