import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from '../startSimCluster.js';

let sim: SimCluster;
beforeAll(async () => {
  sim = await startSimCluster({ tls: false, controllers: false, limits: { logFollowMs: 200 } });
});
afterAll(async () => sim?.stop());

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state;
  };
  const pick = <T>(items: readonly T[]): T => items[next() % items.length]!;
  return { next, pick };
}

const VALID = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'fuzz', labels: { app: 'fuzz' } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'fuzz' } },
    template: {
      metadata: { labels: { app: 'fuzz' } },
      spec: { containers: [{ name: 'a', image: 'nginx:1', ports: [{ containerPort: 80 }] }] },
    },
  },
};
const ODD_VALUES = [
  null,
  -1,
  0,
  1.5,
  2 ** 40,
  '',
  'x'.repeat(300),
  'ünïcødé',
  true,
  [],
  [1, 'a'],
  {},
  { $patch: 'delete' },
];
const PATHS = [
  '/apis/apps/v1/namespaces/default/deployments',
  '/apis/apps/v1/namespaces/default/deployments/fuzz',
  '/apis/apps/v1/namespaces/default/deployments/fuzz/status',
  '/apis/apps/v1/namespaces/default/deployments/fuzz/scale',
  '/api/v1/namespaces/default/pods/fuzz/log',
  '/api/v1/namespaces/default/pods/fuzz/eviction',
  '/apis/apps/v1/namespaces/nowhere/deployments',
  '/apis/apps/v1/deployments',
];
const QUERIES = [
  '',
  '?limit=abc',
  '?limit=1&continue=bogus',
  '?watch=maybe',
  '?labelSelector=a%20in%20(',
  '?fieldSelector=spec.foo%3Dbar',
  '?dryRun=Some',
  '?propagationPolicy=Sideways',
  '?includeObject=All',
  '?fieldValidation=Loud',
  '?resourceVersion=abc&watch=1',
  '?tailLines=-1',
];
const TYPES = [
  'application/json',
  'application/yaml',
  'application/merge-patch+json',
  'application/json-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
  'text/plain',
  'application/vnd.kubernetes.protobuf',
];
const ACCEPTS = [
  undefined,
  'application/json',
  'application/json;as=Table;v=v1;g=meta.k8s.io',
  'text/html',
  'application/yaml',
  '*/*;q=0.1',
];

/** Sets a random existing or new path of a copy of `obj` to an odd value. */
function mutate(obj: unknown, rng: ReturnType<typeof random>): unknown {
  const copy = structuredClone(obj) as Record<string, unknown>;
  let cursor: Record<string, unknown> = copy;
  for (let depth = 0; depth < 6; depth++) {
    const keys = Object.keys(cursor);
    const key = keys.length > 0 && rng.next() % 4 !== 0 ? rng.pick(keys) : `x${rng.next() % 5}`;
    const child = cursor[key];
    if (child && typeof child === 'object' && rng.next() % 3 !== 0) {
      cursor = (Array.isArray(child) ? (child[0] ?? {}) : child) as Record<string, unknown>;
      continue;
    }
    cursor[key] = rng.pick(ODD_VALUES);
    break;
  }
  return copy;
}

describe('fuzzing the API with mutated objects, odd parameters and headers', () => {
  it('answers every request without a 500, and every failure with a well-formed Status', async () => {
    const rng = random(7);
    await fetch(`${sim.url}${PATHS[0]}`, {
      method: 'POST',
      body: JSON.stringify(VALID),
      headers: { 'Content-Type': 'application/json' },
    });
    for (let i = 0; i < 400; i++) {
      const method = rng.pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
      const url = `${sim.url}${rng.pick(PATHS)}${rng.pick(QUERIES)}`;
      let body = JSON.stringify(VALID);
      for (let m = rng.next() % 4; m > 0; m--) body = JSON.stringify(mutate(JSON.parse(body), rng));
      const accept = rng.pick(ACCEPTS);
      const headers: Record<string, string> = {
        'Content-Type': rng.pick(TYPES),
        ...(accept ? { Accept: accept } : {}),
      };
      const abort = AbortSignal.timeout(3000);
      const res = await fetch(url, { method, headers, signal: abort, ...(method === 'GET' ? {} : { body }) });
      const text = await res.text().catch(() => '');
      const where = `#${i} ${method} ${url} -> ${res.status} ${text.slice(0, 300)}`;
      expect(res.status, where).not.toBe(500);
      if (res.status >= 400) {
        const status = JSON.parse(text) as Record<string, unknown>;
        expect(status, where).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code: res.status });
        expect(typeof status.message, where).toBe('string');
        expect(typeof status.reason, where).toBe('string');
      }
    }
    expect((await fetch(`${sim.url}/readyz`)).status).toBe(200);
  }, 60_000);
});
