import type { AnalysisReport } from '@opspilot/analyzers';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simScrapes } from '../../metrics/simScrapes.js';
import { startTestApi, type TestApi } from '../../testing/index.js';

describe('the analysis of a registered cluster with its metrics and its stored sightings', () => {
  let t: TestApi;
  let sim: SimCluster;
  let clusterId: string;
  beforeAll(async () => {
    t = await startTestApi();
    // The broken scenario schedules an error burst on todo/frontend from minute 20 to 23.
    sim = await startSimCluster({ scenario: 'broken', clock: t.clock });
    const registered = await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'sim-broken',
      api_server_url: sim.url,
      kubeconfig: sim.kubeconfig,
    });
    expect(registered.statusCode, registered.body).toBe(200);
    clusterId = registered.json().id;
    t.services.metrics.sample(registered.json(), simScrapes(sim));
  }, 60_000);
  afterAll(async () => {
    await sim?.stop();
    await t?.close();
  });

  /** Moves the clock `count` minutes on, one sample a minute, as the sampler's timer would. */
  async function minutes(count: number) {
    for (let m = 0; m < count; m++) {
      await advanceClock(t.clock, 60_000, 30_000);
      await t.services.metrics.sampleNow(clusterId);
    }
  }

  const analysis = async (): Promise<AnalysisReport> => {
    const response = await t.rest('GET', `/clusters/${clusterId}/analysis?namespace=todo`, t.users.admin.token);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const bursts = (report: AnalysisReport) => report.problems.filter((p) => p.class === 'workload-http-errors');

  it('reports the scheduled 5xx burst on todo/frontend from the sampled metrics, and nothing before it', {
    timeout: 90_000,
  }, async () => {
    await minutes(12);
    expect(bursts(await analysis())).toEqual([]);
    await minutes(9);
    const during = bursts(await analysis());
    expect(during).toHaveLength(1);
    expect(during[0]).toMatchObject({
      identity: 'workload-http-errors:deployment/todo/frontend',
      root_object: { kind: 'Deployment', namespace: 'todo', name: 'frontend' },
    });
    expect(during[0]?.root_cause.message).toMatch(
      /^Deployment todo\/frontend answers [\d.]+% of its requests with HTTP 5xx/,
    );
    expect(during[0]?.root_cause.evidence[0]).toMatchObject({ kind: 'metric', source: expect.stringContaining('5..') });
  });

  it('keeps a cause first seen in an earlier run (or before a restart) and moves its last-seen time', {
    timeout: 30_000,
  }, async () => {
    const first = await analysis();
    const problem = first.problems[0]!;
    expect(problem.identity).toBeTruthy();
    // A sighting recorded by an earlier server (the store outlives the process) predates this one.
    await t.services.store.findingSightings.record(clusterId, [
      {
        identity: problem.identity!,
        class: problem.class!,
        root_kind: problem.root_object!.kind,
        root_namespace: problem.root_object!.namespace,
        root_name: problem.root_object!.name,
        first_seen: '2020-01-01T00:00:00.000Z',
        last_seen: '2020-01-01T00:00:00.000Z',
      },
    ]);
    await minutes(1);
    const second = await analysis();
    const again = second.problems.find((p) => p.identity === problem.identity);
    expect(again?.first_seen).toBe('2020-01-01T00:00:00.000Z');
    expect(again?.last_seen).toBe(second.taken_at);
    expect(Date.parse(again!.last_seen!)).toBeGreaterThan(Date.parse(problem.last_seen!));
    const stored = (await t.services.store.findingSightings.list(clusterId)).find(
      (s) => s.identity === problem.identity,
    );
    expect(stored).toMatchObject({ first_seen: '2020-01-01T00:00:00.000Z', last_seen: again?.last_seen });
    expect(stored!.runs).toBeGreaterThanOrEqual(3);
    // The answer counts the runs that saw the cause as the store does (this one included).
    expect(again?.runs).toBe(stored!.runs);
  });
});
