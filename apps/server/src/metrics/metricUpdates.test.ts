import { createMemoryEventBus } from '@opspilot/bus';
import { type Cluster, type Event, systemClock } from '@opspilot/core';
import { createFederatedMetrics, createPrometheusClient } from '@opspilot/observe';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetricUpdates, type MetricUpdates } from './metricUpdates.js';

const EAST = { id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f', name: 'east' } as Cluster;
const WEST = { id: '0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b', name: 'west' } as Cluster;

/** A Prometheus answering every instant query with one vector sample per cluster, in the HTTP API's format. */
function prometheusOf(cluster: Cluster, value: () => string) {
  return createPrometheusClient({
    url: `http://prometheus.${cluster.name}`,
    fetch: async () =>
      Response.json({
        status: 'success',
        data: { resultType: 'vector', result: [{ metric: { node: `${cluster.name}-1` }, value: [1, value()] }] },
      }),
  });
}

describe('METRIC_UPDATE events of watched series', () => {
  let updates: MetricUpdates | undefined;
  afterEach(() => updates?.close());

  it('publishes the latest values of a watched named query on its cluster, and nothing for series nobody watches', async () => {
    const bus = createMemoryEventBus();
    let n = 0;
    const clients = new Map([EAST, WEST].map((c) => [c.id, prometheusOf(c, () => String(++n))]));
    updates = createMetricUpdates({
      metrics: {
        over: (clusters) =>
          createFederatedMetrics({
            clusters: () => clusters.map((c) => ({ id: c.id, name: c.name, prometheus: clients.get(c.id) })),
          }),
      },
      bus,
      clock: systemClock,
      logger: pino({ level: 'silent' }),
      intervalMs: 20,
    });
    const east: Event[] = [];
    const all: Event[] = [];
    bus.subscribe({ event_types: ['METRIC_UPDATE'], cluster_filter: [EAST.id] }, (e) => void east.push(e));
    bus.subscribe({ event_types: ['METRIC_UPDATE'] }, (e) => void all.push(e));

    const until = updates.watch(EAST, 'node-cpu', {});
    expect(until.getTime() - Date.now()).toBeGreaterThan(4 * 60_000);
    // Every interval brings the latest value again, not only the first.
    await expect.poll(() => new Set(east.map((e) => JSON.stringify(e.payload))).size).toBeGreaterThanOrEqual(3);
    expect(east[0]).toMatchObject({
      event_type: 'METRIC_UPDATE',
      cluster_id: EAST.id,
      payload: {
        name: 'node-cpu',
        params: {},
        status: 'SUCCESS',
        series: [{ metric: { node: 'east-1' }, value: [1, expect.stringMatching(/^\d+$/)] }],
      },
    });

    updates.watch(WEST, 'top-pods-by-memory', { limit: 3 });
    await expect.poll(() => all.filter((e) => e.cluster_id === WEST.id).length).toBeGreaterThan(0);
    // The east subscriber sees east's watched series only; nobody gets a series that was not watched.
    expect(new Set(east.map((e) => `${e.cluster_id} ${(e.payload as { name: string }).name}`))).toEqual(
      new Set([`${EAST.id} node-cpu`]),
    );
    expect(new Set(all.map((e) => (e.payload as { name: string }).name))).toEqual(
      new Set(['node-cpu', 'top-pods-by-memory']),
    );
    expect(all.find((e) => e.cluster_id === WEST.id)?.payload).toMatchObject({
      name: 'top-pods-by-memory',
      params: { limit: 3 },
      series: [{ metric: { node: 'west-1' } }],
    });
  });

  it('says which cluster failed: a Prometheus that cannot be reached gives ERROR updates with no series', async () => {
    const bus = createMemoryEventBus();
    const down = createPrometheusClient({
      url: 'http://prometheus.down',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    updates = createMetricUpdates({
      metrics: {
        over: (clusters) =>
          createFederatedMetrics({
            clusters: () => clusters.map((c) => ({ id: c.id, name: c.name, prometheus: down })),
          }),
      },
      bus,
      clock: systemClock,
      logger: pino({ level: 'silent' }),
      intervalMs: 20,
    });
    const events: Event[] = [];
    bus.subscribe({ event_types: ['METRIC_UPDATE'] }, (e) => void events.push(e));
    updates.watch(EAST, 'node-cpu', {});
    await expect.poll(() => events.length).toBeGreaterThan(0);
    expect(events[0]?.payload).toMatchObject({ name: 'node-cpu', status: 'ERROR', series: [] });
  });
});
