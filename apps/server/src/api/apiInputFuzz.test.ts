import { DIALECTS } from '@opspilot/store/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.js';
import { buildOpenApiDocument } from './registerApi.js';
import { appRouter } from './routers/appRouter.js';

/**
 * The seed of the properties below: `FC_SEED` to replay a failure, a fixed one under CI=true, random locally; printed
 * so that any failure can be replayed.
 */
const SEED = process.env.FC_SEED
  ? Number(process.env.FC_SEED)
  : process.env.CI === 'true'
    ? 20_261_206
    : Math.floor(Math.random() * 2 ** 31);
console.log(`api input fuzz: fast-check seed ${SEED}; replay with FC_SEED=${SEED}`);

const SOME_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

/** Every REST POST route (path parameters filled in) and every tRPC mutation. */
function targets(): string[] {
  const paths = Object.entries(buildOpenApiDocument('').paths ?? {})
    .filter(([, item]) => (item as { post?: unknown }).post !== undefined)
    .map(([path]) => `/api/v1${path.replace(/\{[^}]+\}/g, SOME_ID)}`);
  const mutations = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
    .filter(([, procedure]) => procedure._def.type === 'mutation')
    .map(([name]) => `/api/trpc/${name}`);
  return [...paths, ...mutations];
}

/** JSON text nesting `depth` arrays or objects. */
const nested = (depth: number, open: '[' | '{"a":') =>
  `${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}`;

/** Field names the procedures take, so generated bodies reach their schemas and handlers. */
const FIELDS = [
  'name',
  'username',
  'password',
  'role',
  'request',
  'cluster_id',
  'kind',
  'description',
  'files',
  'api_server_url',
  'kubeconfig',
  'labels',
  'decision',
  'notes',
  'reason',
  'confirmations',
  'disabled',
  'namespace',
  'expires_at',
  'environment',
  'provider',
  'region',
];

const nulString = fc.string({ maxLength: 10 }).map((s) => `${s}\u0000${s}`);
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  nulString,
  fc.constantFrom(SOME_ID, 'https://10.0.0.1', 'ADMIN', 'deployment', 'APPROVED', 'x'.repeat(300)),
);
const body = fc.oneof(
  // wrong types, missing required fields, unknown ones
  fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }).map((o) => JSON.stringify(o)),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
  // NUL bytes in every position a string can take
  fc.dictionary(fc.constantFrom(...FIELDS), nulString, { minKeys: 1, maxKeys: 4 }).map((o) => JSON.stringify(o)),
  // deep nesting, in a field or as the whole body
  fc
    .tuple(fc.constantFrom(...FIELDS), fc.integer({ min: 65, max: 20_000 }), fc.constantFrom('[', '{"a":'))
    .map(([field, depth, open]) => `{"${field}":${nested(depth, open as '[' | '{"a":')}}`),
  fc.integer({ min: 65, max: 20_000 }).map((depth) => nested(depth, '[')),
);

/** Inputs that once answered 5xx, kept as fixed cases: `[route, body]`. */
const FIXED_CASES: [string, string][] = [
  ['/api/v1/clusters', `{"name":"x","api_server_url":"https://a","labels":${nested(20_000, '[')}}`],
  ['/api/v1/tokens', `{"name":${nested(5_000, '{"a":')}}`],
  ['/api/trpc/clusters.register', `{"name":${nested(20_000, '[')}}`],
  ['/api/v1/clusters', '{"name":"nul\\u0000name","api_server_url":"https://10.0.0.1"}'],
  ['/api/v1/users', '{"username":"a\\u0000b","role":"VIEWER","password":"long-enough-password"}'],
  ['/api/trpc/tokens.create', '{"name":"a\\u0000b"}'],
  ['/api/v1/auth/login', '{"username":"admin\\u0000","password":"x"}'],
];

describe.each(DIALECTS)('API input fuzzing on %s: never a 5xx', (dialect) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ dialect });
  });
  afterAll(async () => t?.close());

  const send = (url: string, payload: string, query = '') =>
    t.app.inject({
      method: 'POST',
      url: `${url}${query}`,
      headers: { authorization: `Bearer ${t.users.admin.token}`, 'content-type': 'application/json' },
      payload,
    });

  it('answers the kept counterexamples with 4xx', async () => {
    for (const [url, payload] of FIXED_CASES) {
      const answer = await send(url, payload);
      expect(answer.statusCode, `${url} ${payload.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
      expect(answer.statusCode, `${url} ${payload.slice(0, 80)}`).toBeLessThan(500);
    }
  });

  it('answers generated bodies on every REST POST route and tRPC mutation below 500', async () => {
    const routes = targets();
    expect(routes.length).toBeGreaterThan(20);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), body, async (url, payload) => {
        const answer = await send(url, payload);
        expect(answer.statusCode, `${answer.statusCode} ${answer.body.slice(0, 200)}`).toBeLessThan(500);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('answers generated query strings on the Alertmanager webhook below 500', async () => {
    const query = fc.oneof(
      fc.constant('?cluster='),
      fc.array(fc.string({ maxLength: 8 }), { minLength: 2, maxLength: 3 }).map((v) =>
        v
          .map((c) => `cluster=${encodeURIComponent(c)}`)
          .join('&')
          .replace(/^/, '?'),
      ),
      fc.string({ maxLength: 12 }).map((s) => `?cluster=${encodeURIComponent(`${s}\u0000`)}`),
      fc.string({ maxLength: 12 }).map((s) => `?${encodeURIComponent(s)}=${encodeURIComponent(s)}`),
    );
    await fc.assert(
      fc.asyncProperty(query, body, async (q, payload) => {
        const answer = await send('/api/webhooks/alertmanager', payload, q);
        expect(answer.statusCode, `${q} ${answer.body.slice(0, 200)}`).toBeLessThan(500);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});

describe('a REST request that fails unexpectedly', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(async () => t?.close());

  it('is logged with its error and trace id', async () => {
    const logged = vi.spyOn(t.services.logger, 'error');
    vi.spyOn(t.store.users, 'list').mockRejectedValueOnce(new Error('disk on fire'));
    const answer = await t.rest('GET', '/users', t.users.admin.token);
    expect(answer.statusCode).toBe(500);
    const traceId = answer.json().trace_id;
    expect(traceId).toBe(answer.headers['x-request-id']);
    const call = logged.mock.calls.find(([fields]) => (fields as { trace_id?: string }).trace_id === traceId);
    const fields = call?.[0] as { err?: Error } | undefined;
    expect(fields?.err?.message).toBe('disk on fire');
  });
});
