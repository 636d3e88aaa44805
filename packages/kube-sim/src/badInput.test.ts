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

  it('answers bodies nested 5,000 to 20,000 levels deep with 400 BadRequest, in every format and verb', async () => {
    const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    const deepArray = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    await call('POST', '/api/v1/namespaces/default/configmaps', JSON.stringify({ metadata: { name: 'deep' } }));
    const cm = '/api/v1/namespaces/default/configmaps';
    for (const n of [5_000, 20_000]) {
      const requests: [string, string, string, string][] = [
        ['POST', cm, `{"metadata":{"name":"x"},"data":${deepObject(n)}}`, 'application/json'],
        ['POST', cm, `{"metadata":{"name":"x"},"binaryData":${deepArray(n)}}`, 'application/json'],
        ['PUT', `${cm}/deep`, `{"metadata":{"name":"deep"},"data":${deepObject(n)}}`, 'application/json'],
        ['PATCH', `${cm}/deep`, `{"data":${deepObject(n)}}`, 'application/merge-patch+json'],
        ['PATCH', `${cm}/deep`, `{"data":${deepArray(n)}}`, 'application/strategic-merge-patch+json'],
        [
          'PATCH',
          `${cm}/deep`,
          `[{"op":"add","path":"/data","value":${deepObject(n)}}]`,
          'application/json-patch+json',
        ],
        [
          'PATCH',
          `${cm}/deep?fieldManager=t`,
          `{"apiVersion":"v1","kind":"ConfigMap","x":${deepArray(n)}}`,
          'application/apply-patch+yaml',
        ],
        ['POST', cm, `metadata: {name: y}\ndata: ${deepArray(n)}`, 'application/yaml'],
        ['POST', cm, `metadata: {name: y}\ndata: ${'{a: '.repeat(n)}1${'}'.repeat(n)}`, 'application/yaml'],
      ];
      for (const [method, path, body, type] of requests) {
        const r = await call(method, path, body, type);
        expectStatus(r, 400);
        expect(r.json, `${method} ${type} ${n}`).toMatchObject({ reason: 'BadRequest' });
        expect(r.json.message, `${method} ${type} ${n}`).toContain('exceeded max depth');
      }
    }
    expect((await call('GET', '/healthz')).code).toBe(200);
  });

  it('accepts nesting up to the limit and serves it back as YAML', async () => {
    let value: unknown = 'leaf';
    for (let i = 0; i < 250; i++) value = [value];
    const created = await call(
      'POST',
      '/api/v1/namespaces/default/configmaps?fieldValidation=Warn',
      JSON.stringify({ metadata: { name: 'nested-ok' }, extra: value }),
    );
    expect(created.code, created.text).toBe(201);
    const yaml = await fetch(`${sim.url}/api/v1/namespaces/default/configmaps/nested-ok`, {
      headers: { ...authHeaders(sim), Accept: 'application/yaml' },
    });
    expect(yaml.status).toBe(200);
  });

  it('answers NUL bytes and invalid UTF-8 in names with 400 or 422, never 5xx', async () => {
    const cm = '/api/v1/namespaces/default/configmaps';
    const bad = [
      JSON.stringify({ metadata: { name: 'a\u0000b' } }),
      JSON.stringify({ metadata: { generateName: '\u0000' } }),
      JSON.stringify({ metadata: { name: 'ok', labels: { 'a\u0000': 'b' } } }),
      JSON.stringify({ metadata: { name: 'ok', namespace: 'default\u0000' } }),
      Buffer.concat([Buffer.from('{"metadata":{"name":"a'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}}')]),
    ];
    for (const body of bad) {
      const r = await call('POST', cm, body);
      expect([400, 422], r.text).toContain(r.code);
      expect(r.json?.kind, r.text).toBe('Status');
    }
    for (const [method, path] of [
      ['PUT', `${cm}/a%00b`],
      ['GET', `${cm}/a%00b`],
      ['DELETE', `${cm}/a%FFb`],
      ['POST', '/api/v1/namespaces/de%00fault/configmaps'],
      ['GET', '/api/v1/namespaces/%C3%28/configmaps'],
    ] as const) {
      const r = await call(method, path, method === 'GET' || method === 'DELETE' ? undefined : '{"metadata":{}}');
      expect(r.code, `${method} ${path} ${r.text}`).toBeGreaterThanOrEqual(400);
      expect(r.code, `${method} ${path} ${r.text}`).toBeLessThan(500);
    }
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
