import { execFileSync } from 'node:child_process';
import { ManualClock } from '@opspilot/core';
import { requireSystemTool } from '@opspilot/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from '../startSimCluster.js';
import { advanceClock } from '../testing/advanceClock.js';
import { authHeaders } from '../testing/apiRequest.js';

let sim: SimCluster;
let clock: ManualClock;
const T0 = new Date('2026-01-01T00:00:00Z');

beforeAll(async () => {
  clock = new ManualClock(T0);
  sim = await startSimCluster({ clock, tls: false, scenario: 'broken' });
  await advanceClock(clock, 60_000);
});
afterAll(() => sim.stop());

const scrape = async (target: string) => {
  const res = await fetch(`${sim.url}/metrics/${target}`, { headers: authHeaders(sim) });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
};
/** The value of the first series of `name` whose labels include every given pair. */
const value = (text: string, name: string, labels: Record<string, string>) => {
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
};
const sum = (text: string, name: string, labels: Record<string, string>) =>
  text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)))
    .reduce((s, l) => s + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);

describe('Prometheus exposition of the simulated cluster', () => {
  it('serves the three endpoints in a format promtool accepts', async () => {
    for (const target of ['cadvisor', 'kube-state', 'apps']) {
      const { status, type, text } = await scrape(target);
      expect(status).toBe(200);
      expect(type).toContain('text/plain; version=0.0.4');
      // promtool is Prometheus' own checker (Debian package prometheus); it exits non-zero on a malformed exposition.
      const lint = execFileSync(requireSystemTool('promtool'), ['check', 'metrics'], { input: text, encoding: 'utf8' });
      expect(lint).not.toMatch(/error/i);
    }
    expect((await scrape('nope')).status).toBe(404);
  });

  it('reports object state as kube-state-metrics does', async () => {
    const { text } = await scrape('kube-state');
    expect(value(text, 'kube_deployment_status_replicas_available', { namespace: 'todo', deployment: 'backend' })).toBe(
      2,
    );
    expect(value(text, 'kube_deployment_spec_replicas', { namespace: 'broken', deployment: 'bad-image' })).toBe(1);
    expect(
      value(text, 'kube_deployment_status_replicas_available', { namespace: 'broken', deployment: 'bad-image' }),
    ).toBe(0);
    expect(
      value(text, 'kube_pod_container_status_waiting_reason', { namespace: 'broken', reason: 'ImagePullBackOff' }),
    ).toBe(1);
    expect(value(text, 'kube_pod_status_phase', { namespace: 'broken', phase: 'Pending' })).toBeDefined();
    expect(value(text, 'kube_node_status_condition', { condition: 'Ready', status: 'true' })).toBe(1);
    expect(value(text, 'kube_pod_container_resource_requests', { namespace: 'todo', resource: 'memory' })).toBe(
      256 * 1024 * 1024,
    );
  });

  it('plays the scenario anomalies: CPU spike, error burst, memory leak', async () => {
    const cpuNow = async () =>
      sum((await scrape('cadvisor')).text, 'container_cpu_usage_seconds_total', { container: 'backend' });
    const before = await cpuNow();
    await clock.advance(60_000);
    const calm = (await cpuNow()) - before;
    await clock.advance(9 * 60_000); // 11 minutes in: the spike (10m-15m) holds the backend at its 500m limit.
    const spiking = await cpuNow();
    await clock.advance(60_000);
    const spiked = (await cpuNow()) - spiking;
    expect(spiked).toBeGreaterThan(calm * 5);
    const metrics = (await (
      await fetch(`${sim.url}/apis/metrics.k8s.io/v1beta1/namespaces/todo/pods`, { headers: authHeaders(sim) })
    ).json()) as {
      items: { metadata: { labels: Record<string, string> }; containers: { usage: { cpu: string } }[] }[];
    };
    const backendCpu = metrics.items
      .filter((p) => p.metadata.labels.app === 'backend')
      .map((p) => p.containers[0]!.usage.cpu);
    expect(backendCpu).toEqual(['500000000n', '500000000n']);

    await clock.advance(10 * 60_000); // 22 minutes in: the frontend's error burst.
    const apps = (await scrape('apps')).text;
    expect(sum(apps, 'http_requests_total', { app: 'frontend', code: '500' })).toBeGreaterThan(0);
    expect(sum(apps, 'http_requests_total', { app: 'backend', code: '500' })).toBe(0);
    const pod = sim.store.list(sim.api.registry.find('', 'v1', 'pods')!, {
      namespace: 'todo',
      labelSelector: 'app=frontend',
    }).items[0]!;
    const log = await (
      await fetch(`${sim.url}/api/v1/namespaces/todo/pods/${pod.metadata.name}/log?tailLines=3`, {
        headers: authHeaders(sim),
      })
    ).text();
    expect(log).toContain('ERROR 500 Internal Server Error');

    const memory = async () =>
      sum((await scrape('cadvisor')).text, 'container_memory_working_set_bytes', { container: 'backend' });
    await clock.advance(10 * 60_000); // 32 minutes in: the leak has run 2 minutes.
    const leaking = await memory();
    await clock.advance(10 * 60_000);
    expect((await memory()) - leaking).toBe(2 * 10 * 8 * 1024 * 1024);
  });
});
