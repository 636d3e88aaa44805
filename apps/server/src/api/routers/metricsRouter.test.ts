import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { mergeSeries } from '@opspilot/observe';
import { freePort, type RunningDaemon, startPrometheus } from '@opspilot/observe/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/index.js';

describe('the metrics router', () => {
  let t: TestApi;
  let east: SimCluster;
  let builtin: SimCluster;
  let prometheus: RunningDaemon;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApi();
    [east, builtin] = await Promise.all([startSimCluster({ scenario: 'demo' }), startSimCluster({ scenario: 'demo' })]);
    prometheus = await startPrometheus({ targets: [{ url: east.url, token: east.token }] });
    const register = async (name: string, sim: SimCluster, prometheusUrl?: string) => {
      const response = await t.rest('POST', '/clusters', t.users.admin.token, {
        name,
        api_server_url: sim.url,
        kubeconfig: sim.kubeconfig,
        ...(prometheusUrl ? { endpoints: { prometheus_url: prometheusUrl } } : {}),
      });
      expect(response.statusCode, response.body).toBe(200);
      ids[name] = response.json().id;
    };
    await register('east', east, prometheus.url);
    // Nothing listens on west's Prometheus port.
    await register('west', east, `http://127.0.0.1:${await freePort()}`);
    await register('builtin', builtin);
  }, 60_000);

  afterAll(async () => {
    await prometheus?.stop();
    await Promise.all([east?.stop(), builtin?.stop()]);
    await t?.close();
  });

  it('answers a federated range query PARTIAL, naming the cluster whose Prometheus is down', async () => {
    const query = encodeURIComponent('count(up)');
    const url = () => {
      const end = new Date();
      const start = new Date(end.getTime() - 120_000);
      return `/metrics/federated?query=${query}&cluster_ids=${ids.east},${ids.west}&start_time=${start.toISOString()}&end_time=${end.toISOString()}&step=5s&timeout=5`;
    };
    await expect
      .poll(async () => (await t.rest('GET', url(), t.users.admin.token)).json().series?.length ?? 0, {
        timeout: 30_000,
      })
      .toBe(1);
    const answer = (await t.rest('GET', url(), t.users.admin.token)).json();
    expect(answer.status).toBe('PARTIAL');
    expect(answer.results.map((r: { cluster_name: string; status: string }) => [r.cluster_name, r.status])).toEqual([
      ['east', 'SUCCESS'],
      ['west', 'ERROR'],
    ]);
    expect(answer.results[1].error).toMatch(
      /^west: Prometheus at http:\/\/127\.0\.0\.1:\d+ cannot be reached: .*ECONNREFUSED/,
    );
    expect(answer.series[0].metric.cluster).toBe('east');
  });

  it('writes range and instant answers, REST and tRPC (batched), as JSON.stringify of the unpacked answer', async () => {
    const query = '{__name__=~"up|scrape_duration_seconds|scrape_samples_scraped|scrape_series_added"}';
    const cluster = (await t.services.store.clusters.find(ids.east!))!;
    const metrics = t.services.metrics.over([cluster]);
    // A window that has passed (so Prometheus answers it the same each time) once it holds samples.
    let end = new Date();
    const windowEnding = (at: Date) => ({
      start_time: new Date(at.getTime() - 120_000).toISOString(),
      end_time: at.toISOString(),
      step: '5s',
      timeout: 5,
    });
    await expect
      .poll(
        async () => {
          end = new Date(Date.now() - 1000);
          return (await metrics.range(query, windowEnding(end))).results[0]?.data.length ?? 0;
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThan(3);
    const window = windowEnding(end);
    const params = new URLSearchParams({ query, cluster_ids: ids.east!, ...window, timeout: '5' });
    // The answer the procedure makes: samples packed, their pairs made by JSON.stringify.
    const answer = await metrics.range(query, window);
    const first = answer.results[0]!.data[0]!;
    expect(Object.getOwnPropertyDescriptor(first, 'values')?.get, 'packed').toBeTypeOf('function');
    const timeless = (json: string) => json.replace(/"query_time_ms":\d+/g, '"query_time_ms":0');
    // Keys in the order of the output schema, as the API has always written them.
    const ordered = ({ status, query, results, window, named }: typeof answer) => ({
      status,
      query,
      results,
      window,
      named,
    });
    const expected = timeless(JSON.stringify(ordered(answer)));
    expect(expected).toMatch(/"values":\[\[\d+(\.\d+)?,"[^"]+"\]/);

    const rest = await t.rest('GET', `/metrics/query_range?${params}`, t.users.admin.token);
    expect(rest.statusCode, rest.body).toBe(200);
    expect(rest.headers['content-type']).toMatch(/^application\/json/);
    expect(timeless(rest.body)).toBe(expected);

    const federated = await t.rest('GET', `/metrics/federated?${params}`, t.users.admin.token);
    const merged = await metrics.range(query, window);
    expect(timeless(federated.body)).toBe(
      timeless(JSON.stringify({ ...ordered(merged), series: mergeSeries(merged.results) })),
    );

    // tRPC as the web app calls it: one batch with a range answer and another procedure's answer.
    const input = { query, cluster_ids: [ids.east!], ...window };
    const batch = await t.app.inject({
      method: 'GET',
      url: `/api/trpc/metrics.queryRange,metrics.catalog?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: input, 1: {} }))}`,
      headers: { authorization: `Bearer ${t.users.admin.token}` },
    });
    expect(batch.statusCode, batch.body).toBe(200);
    expect(batch.headers['content-type']).toMatch(/^application\/json/);
    const catalog = JSON.stringify((await t.rest('GET', '/metrics/catalog', t.users.admin.token)).json());
    expect(timeless(batch.body)).toBe(`[{"result":{"data":${expected}}},{"result":{"data":${catalog}}}]`);

    // An instant answer through tRPC without batching, and an error still in tRPC's shape.
    const at = end.toISOString();
    const instant = await t.app.inject({
      method: 'GET',
      url: `/api/trpc/metrics.query?input=${encodeURIComponent(JSON.stringify({ query, cluster_ids: [ids.east!], time: at }))}`,
      headers: { authorization: `Bearer ${t.users.admin.token}` },
    });
    expect(timeless(instant.body)).toBe(
      `{"result":{"data":${timeless(JSON.stringify(ordered(await metrics.instant(query, { time: at }))))}}}`,
    );
    const bad = await t.app.inject({
      method: 'GET',
      url: `/api/trpc/metrics.query?input=${encodeURIComponent(JSON.stringify({ query: 'rate(up[5m]', cluster_ids: [ids.east!] }))}`,
      headers: { authorization: `Bearer ${t.users.admin.token}` },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^Prometheus refused the query/);
  });

  it("refuses bad PromQL with 400 and Prometheus's message, and a window over the limits with 400 naming it", async () => {
    const bad = await t.rest(
      'GET',
      `/metrics/query?query=${encodeURIComponent('rate(up[5m]')}&cluster_ids=${ids.east}`,
      t.users.admin.token,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/^Prometheus refused the query: .*parse error/);
    const wide = await t.rest(
      'GET',
      `/metrics/query_range?query=up&cluster_ids=${ids.east}&start_time=2026-01-01T00:00:00Z&end_time=2026-01-03T00:00:00Z&step=1s`,
      t.users.admin.token,
    );
    expect(wide.statusCode).toBe(400);
    expect(wide.json().message).toMatch(/points per series .* exceed the maximum of 11000/);
  });

  it('answers named queries from the built-in sampler for a cluster without Prometheus, and says PromQL needs one', async () => {
    const cluster = (await t.services.store.clusters.find(ids.builtin!))!;
    t.services.metrics.sample(cluster);
    const url = `/metrics/named?name=top-pods-by-memory&limit=3&cluster_ids=${ids.builtin}`;
    await expect
      .poll(
        async () => {
          // A sample now rather than at the sampler's next 15 s tick.
          await t.services.metrics.sampleNow(cluster.id);
          return (await t.rest('GET', url, t.users.admin.token)).json().results?.[0]?.data?.length ?? 0;
        },
        {
          timeout: 20_000,
        },
      )
      .toBe(3);
    const answer = (await t.rest('GET', url, t.users.admin.token)).json();
    expect(answer).toMatchObject({ status: 'SUCCESS', named: { name: 'top-pods-by-memory', unit: 'bytes' } });
    const values = answer.results[0].data.map((s: { values: [number, string][] }) => Number(s.values[0]![1]));
    expect(values).toEqual([...values].sort((a: number, b: number) => b - a));
    expect(values[0]).toBeGreaterThan(1e6);
    const promql = (
      await t.rest('GET', `/metrics/query?query=up&cluster_ids=${ids.builtin}`, t.users.admin.token)
    ).json();
    expect(promql.status).toBe('ERROR');
    expect(promql.results[0].error).toMatch(/no Prometheus is configured/);
    const catalog = (await t.rest('GET', '/metrics/catalog', t.users.admin.token)).json();
    expect(catalog.clusters.find((c: { name: string }) => c.name === 'builtin').prometheus).toBe(false);
    expect(catalog.named.map((n: { name: string }) => n.name)).toContain('error-rate');
  });

  it('hides clusters the caller has no grant for', async () => {
    const response = await t.rest('GET', `/metrics/query?query=up&cluster_ids=${ids.east}`, t.users.viewer.token);
    expect(response.statusCode).toBe(404);
  });

  it('answers ask metrics questions with numbers on the cluster asked about, storing no operation', async () => {
    const ask = (request: string, cluster: string) =>
      t.rest('POST', '/ops/ask', t.users.admin.token, { request, cluster_id: cluster });
    const memory = await ask('which pods use the most memory', ids.builtin!);
    expect(memory.statusCode, memory.body).toBe(200);
    expect(memory.json()).toMatchObject({ kind: 'metrics', answer: { named: { name: 'top-pods-by-memory' } } });
    expect(Number(memory.json().answer.results[0].data[0].values[0][1])).toBeGreaterThan(1e6);
    const errors = await ask('error rate of backend in the last hour', ids.east!);
    expect(errors.json()).toMatchObject({
      kind: 'metrics',
      understood: 'Share of HTTP requests failing (5xx) of a workload — backend on east',
      answer: { named: { name: 'error-rate' }, window: { stepSeconds: 60 } },
    });
    expect((await t.rest('GET', '/ops', t.users.admin.token)).json().items).toEqual([]);
  });
});
