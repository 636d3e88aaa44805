import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from '../startSimCluster.js';
import type { KubeObject } from '../store/kubeObject.js';
import { apiRequest, collectStream } from '../testing/apiRequest.js';

let sim: SimCluster;
let logLines: string[] = [];
const call = (path: string, options: Parameters<typeof apiRequest>[2] = {}) => apiRequest(sim, path, options);
const cm = (name: string, labels: Record<string, string> = {}) => ({ metadata: { name, labels } });
const CMS = '/api/v1/namespaces/default/configmaps';
/** A promise settled by the first call of its `signal`: lets a test wait for a stream's first line, not for a time. */
function signal(): { reached: Promise<void>; signal: () => void } {
  let signal = () => {};
  const reached = new Promise<void>((resolve) => {
    signal = resolve;
  });
  return { reached, signal };
}

beforeAll(async () => {
  sim = await startSimCluster({
    tls: false,
    controllers: false,
    historyLimit: 20,
    limits: { bookmarkIntervalMs: 100, logPollMs: 50, logFollowMs: 1500 },
  });
  sim.api.hooks = {
    logs: ({ tailLines }) => (tailLines === undefined ? logLines : logLines.slice(-tailLines)),
    podMetrics: () => [],
    nodeMetrics: () => [],
  };
  await call('/api/v1/namespaces/default/pods', {
    method: 'POST',
    body: {
      metadata: { name: 'two', labels: { app: 'two' } },
      spec: {
        containers: [
          { name: 'a', image: 'nginx:1' },
          { name: 'b', image: 'redis:7' },
        ],
      },
    },
  });
});
afterAll(async () => sim?.stop());

describe('watch', () => {
  it('starts with ADDED for what exists and streams later changes', async () => {
    await call(CMS, { method: 'POST', body: cm('before', { test: 'watch' }) });
    const first = signal();
    const watching = collectStream(sim, `${CMS}?watch=1&labelSelector=test%3Dwatch`, (lines) => {
      if (lines.length >= 1) first.signal();
      return lines.length >= 3;
    });
    await first.reached; // the watch is open: later changes reach it as events
    await call(CMS, { method: 'POST', body: cm('after', { test: 'watch' }) });
    await call(`${CMS}/after`, { method: 'DELETE' });
    const { lines } = await watching;
    expect(lines.map((l) => `${l.type} ${l.object.metadata.name}`)).toEqual([
      'ADDED before',
      'ADDED after',
      'DELETED after',
    ]);
    expect(lines[0].object).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap' });
  });

  it('replays events after a resourceVersion and answers one older than the history with a 410 ERROR event', async () => {
    const rv = Number((await call(CMS)).json.metadata.resourceVersion);
    await call(CMS, { method: 'POST', body: cm('replayed') });
    const { lines } = await collectStream(sim, `${CMS}?watch=true&resourceVersion=${rv}`, (l) => l.length >= 1);
    expect(lines[0]).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'replayed' } } });
    for (let i = 0; i < 25; i++) await call(CMS, { method: 'POST', body: cm(`filler-${i}`) });
    const expired = await collectStream(sim, `${CMS}?watch=true&resourceVersion=${rv}`);
    expect(expired.ended).toBe(true);
    expect(expired.lines).toEqual([
      {
        type: 'ERROR',
        object: expect.objectContaining({
          kind: 'Status',
          code: 410,
          reason: 'Expired',
          message: expect.stringMatching(/^too old resource version: \d+ \(\d+\)$/),
        }),
      },
    ]);
  });

  it('sends bookmarks when allowed and ends after timeoutSeconds', async () => {
    const started = Date.now();
    const { lines, ended } = await collectStream(
      sim,
      `${CMS}?watch=1&resourceVersion=${sim.store.resourceVersion}&allowWatchBookmarks=true&timeoutSeconds=1`,
    );
    expect(ended).toBe(true);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines[0]).toEqual({
      type: 'BOOKMARK',
      object: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { resourceVersion: String(sim.store.resourceVersion) } },
    });
  });

  it('turns changes entering or leaving the label selector into ADDED and DELETED', async () => {
    await call(CMS, { method: 'POST', body: cm('moving', { stage: 'a' }) });
    // From the current resourceVersion, the watch sees the changes below whenever it opens.
    const from = sim.store.resourceVersion;
    const watching = collectStream(
      sim,
      `${CMS}?watch=1&labelSelector=stage%3Db&resourceVersion=${from}`,
      (l) => l.length >= 2,
    );
    const patch = (stage: string) =>
      call(`${CMS}/moving`, {
        method: 'PATCH',
        body: { metadata: { labels: { stage } } },
        contentType: 'application/merge-patch+json',
      });
    await patch('b');
    await patch('c');
    const { lines } = await watching;
    expect(lines.map((l) => l.type)).toEqual(['ADDED', 'DELETED']);
  });

  it('sends one-row Tables to a watch that accepts them', async () => {
    await call(CMS, { method: 'POST', body: cm('tabled') });
    const watching = collectStream(
      sim,
      `${CMS}?watch=1&fieldSelector=metadata.name%3Dtabled`,
      (l) => l.length >= 1,
      5000,
      'application/json;as=Table;v=v1;g=meta.k8s.io',
    );
    const { lines } = await watching;
    expect(lines[0].object).toMatchObject({ kind: 'Table', rows: [{ cells: ['tabled', 0, expect.any(String)] }] });
  });

  it('refuses an unsupported field selector before streaming', async () => {
    const r = await call(`${CMS}?watch=1&fieldSelector=spec.nodeName%3Dx`);
    expect(r.json).toMatchObject({ code: 400, message: 'field label not supported: spec.nodeName' });
  });
});

describe('pod logs', () => {
  it('asks for a container when the pod has several and honours tailLines', async () => {
    logLines = ['one', 'two', 'three'];
    const ambiguous = await call('/api/v1/namespaces/default/pods/two/log');
    expect(ambiguous.json.message).toBe('a container name must be specified for pod two, choose one of: [a b]');
    const bad = await call('/api/v1/namespaces/default/pods/two/log?container=c');
    expect(bad.json.message).toBe('container c is not valid for pod two');
    expect((await call('/api/v1/namespaces/default/pods/two/log?container=a&tailLines=2')).text).toBe('two\nthree\n');
  });

  it('streams new lines while following and ends at the follow limit', async () => {
    logLines = ['first'];
    const started = Date.now();
    const first = signal();
    const following = collectStream(sim, `/api/v1/namespaces/default/pods/two/log?container=b&follow=true`, (l) => {
      if (l.length >= 1) first.signal();
      return false;
    });
    await first.reached;
    logLines = ['first', 'second'];
    const { lines, ended } = await following;
    expect(lines).toEqual(['first', 'second']);
    expect(ended).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
  });
});

describe('pod binding and eviction', () => {
  it('binds an unscheduled pod once', async () => {
    const bind = (node: string) =>
      call('/api/v1/namespaces/default/pods/two/binding', {
        method: 'POST',
        body: { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'two' }, target: { kind: 'Node', name: node } },
      });
    expect((await bind('sim-worker-1')).json).toMatchObject({ kind: 'Status', status: 'Success' });
    expect(((await call('/api/v1/namespaces/default/pods/two')).json as KubeObject).spec).toMatchObject({
      nodeName: 'sim-worker-1',
    });
    expect((await bind('sim-worker-2')).json).toMatchObject({ code: 409, reason: 'Conflict' });
  });

  it('refuses an eviction a disruption budget forbids and evicts otherwise', async () => {
    // A Running, Ready pod (a Pending one ignores budgets, as on a real server).
    const pod = await call('/api/v1/namespaces/default/pods/two');
    await call('/api/v1/namespaces/default/pods/two/status', {
      method: 'PUT',
      body: { ...pod.json, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } },
    });
    const pdb = await call('/apis/policy/v1/namespaces/default/poddisruptionbudgets', {
      method: 'POST',
      body: { metadata: { name: 'two' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'two' } } } },
    });
    const evict = () =>
      call('/api/v1/namespaces/default/pods/two/eviction', {
        method: 'POST',
        body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'two' } },
      });
    // No controller has written the budget's status yet: the eviction waits for it.
    expect((await evict()).json).toMatchObject({
      code: 429,
      reason: 'TooManyRequests',
      details: { causes: [{ message: 'The disruption budget two is still being processed by the server.' }] },
    });
    await call('/apis/policy/v1/namespaces/default/poddisruptionbudgets/two/status', {
      method: 'PUT',
      body: {
        ...pdb.json,
        status: { observedGeneration: 1, disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 1 },
      },
    });
    expect((await evict()).json).toMatchObject({
      code: 429,
      reason: 'TooManyRequests',
      details: { causes: [{ message: 'The disruption budget two needs 1 healthy pods and has 1 currently' }] },
    });
    await call('/apis/policy/v1/namespaces/default/poddisruptionbudgets/two', { method: 'DELETE' });
    expect((await evict()).code).toBe(201);
    expect((await call('/api/v1/namespaces/default/pods/two')).code).toBe(404);
  });
});
