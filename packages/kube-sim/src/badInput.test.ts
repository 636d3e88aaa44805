import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from './startSimCluster.js';
import { authHeaders } from './testing/apiRequest.js';

let sim: SimCluster;
beforeAll(async () => {
  sim = await startSimCluster({ tls: false, controllers: false });
});
afterAll(async () => sim?.stop());

async function call(method: string, path: string, body?: string | Buffer, contentType = 'application/json') {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    body,
    headers: { ...authHeaders(sim), ...(body === undefined ? {} : { 'Content-Type': contentType }) },
  });
  const text = await res.text();
  return {
    code: res.status,
    text,
    json: (() => {
      try {
        return JSON.parse(text);
      } catch {
        return undefined;
      }
    })(),
  };
}

function expectStatus(
  r: { code: number; json: { kind?: string; status?: string; code?: number; message?: string } | undefined },
  code: number,
) {
  expect(r.code).toBe(code);
  expect(r.json).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code });
  expect(r.json?.message).toEqual(expect.any(String));
}

describe('bad input gets the Status a real API server returns', () => {
  it('answers malformed JSON and YAML with 400', async () => {
    expectStatus(await call('POST', '/api/v1/namespaces/default/configmaps', '{"kind": '), 400);
    expectStatus(await call('POST', '/api/v1/namespaces/default/configmaps', 'a: [b', 'application/yaml'), 400);
    expectStatus(await call('POST', '/api/v1/namespaces/default/configmaps', '[1,2]'), 400);
  });

  it('answers unknown resources and groups with 404', async () => {
    expectStatus(await call('GET', '/api/v1/widgets'), 404);
    expectStatus(await call('GET', '/apis/nope.example.com/v1/things'), 404);
    expectStatus(await call('GET', '/not/an/api'), 404);
  });

  it('answers invalid names with 422 and causes, and kind mismatches with 400', async () => {
    const r = await call(
      'POST',
      '/api/v1/namespaces/default/configmaps',
      JSON.stringify({ metadata: { name: 'UPPER_case' } }),
    );
    expectStatus(r, 422);
    expect(r.json.details.causes[0].field).toBe('metadata.name');
    expectStatus(
      await call(
        'POST',
        '/api/v1/namespaces/default/configmaps',
        JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } }),
      ),
      400,
    );
  });

  it('answers a body over 3 MiB with 413 and protobuf with 415', async () => {
    expectStatus(
      await call('POST', '/api/v1/namespaces/default/configmaps', Buffer.alloc(3 * 1024 * 1024 + 10, 0x20)),
      413,
    );
    expectStatus(
      await call(
        'POST',
        '/api/v1/namespaces',
        Buffer.from([0x6b, 0x38, 0x73, 0]),
        'application/vnd.kubernetes.protobuf',
      ),
      415,
    );
  });

  it('never crashes on random bytes and random JSON (fuzz, 300 requests)', async () => {
    const paths = [
      '/api/v1/namespaces/default/configmaps',
      '/apis/apps/v1/namespaces/default/deployments',
      '/api/v1/namespaces',
      '/api/v1/namespaces/default/pods/x',
      '/apis/apps/v1/namespaces/default/deployments/x/scale',
    ];
    const types = [
      'application/json',
      'application/yaml',
      'application/merge-patch+json',
      'application/json-patch+json',
      'application/strategic-merge-patch+json',
      'application/apply-patch+yaml',
    ];
    const values = () => [
      null,
      1,
      'x',
      true,
      [],
      {},
      { metadata: null },
      { metadata: { name: 7 } },
      { spec: { replicas: 'a' } },
      [{ op: 'boom' }],
    ];
    let seed = 42;
    const pick = <T>(list: T[]): T => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return list[seed % list.length]!;
    };
    for (let i = 0; i < 300; i++) {
      const path = pick(paths);
      const method = pick(['POST', 'PUT', 'PATCH', 'DELETE']);
      const body = i % 2 === 0 ? randomBytes(1 + (i % 64)) : JSON.stringify(pick(values()));
      const r = await call(method, path, body, pick(types));
      expect(r.code, `${method} ${path} ${r.text}`).toBeGreaterThanOrEqual(200);
      if (r.code >= 400) expect(r.json?.kind, `${method} ${path} ${r.text}`).toBe('Status');
      expect(r.code, `${method} ${path} ${r.text}`).not.toBe(500);
    }
    expect((await call('GET', '/healthz')).code).toBe(200);
  });
});
