import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, systemClock } from '@opspilot/core';
import { createIncidentEngine } from '@opspilot/incidents';
import { createClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock, createKubectl } from '@opspilot/kube-sim/testing';
import { type RunningDaemon, startPrometheus } from '@opspilot/observe/testing';
import { openStore } from '@opspilot/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

let sim: SimCluster;
let live: SimCluster;
let prometheus: RunningDaemon;
let dir: string;
let kubeconfig: string;

beforeAll(async () => {
  const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ scenario: 'demo', clock });
  live = await startSimCluster({ scenario: 'demo' });
  prometheus = await startPrometheus({ targets: [{ url: live.url, token: live.token }] });
  dir = mkdtempSync(join(tmpdir(), 'opspilot-metrics-'));
  kubeconfig = join(dir, 'kubeconfig.yaml');
  writeFileSync(kubeconfig, sim.kubeconfig);
  await advanceClock(clock, 60_000, 5_000);
}, 120_000);
afterAll(async () => {
  await prometheus?.stop();
  await Promise.all([sim?.stop(), live?.stop()]);
});

async function cli(args: string[], env: Record<string, string> = {}) {
  const io = memoryIo(env, dir);
  const code = await runCli([...args, '--kubeconfig', kubeconfig], io);
  return { code, out: io.out(), err: io.err() };
}

describe('opspilot top and metrics', { timeout: 120_000 }, () => {
  it('prints the pods kubectl top pods prints, with the same columns', async () => {
    const expected = await createKubectl(sim.kubeconfig)(['top', 'pods', '-A']);
    expect(expected.code, expected.stderr).toBe(0);
    const { code, out } = await cli(['top', 'pods', '-A']);
    expect(code).toBe(0);
    const rows = (text: string) =>
      text
        .trim()
        .split('\n')
        .map((l) => l.trim().split(/\s+/))
        .sort();
    expect(rows(out)).toEqual(rows(expected.stdout));
  });

  it('prints nodes with their share of allocatable, and numbers in JSON', async () => {
    const { code, out } = await cli(['top', 'nodes']);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toMatch(/^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)$/);
    const json = JSON.parse((await cli(['top', 'nodes', '-o', 'json'])).out);
    expect(json.length).toBeGreaterThanOrEqual(3);
    expect(json[0]).toMatchObject({ cpu_millicores: expect.any(Number), cpu_percent: expect.any(Number) });
  });

  it('answers a named query without Prometheus from one sample of metrics.k8s.io', async () => {
    const { code, out } = await cli(['metrics', 'named', 'top-pods-by-memory', '--limit', '2']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('Top pods by memory (working set) (SUCCESS)');
    expect(lines[1]).toMatch(/^CLUSTER\s+SERIES\s+VALUE$/);
    expect(lines.slice(2)).toHaveLength(2);
    expect(lines[2]).toMatch(/namespace=\w+,pod=\S+\s+\d+(\.\d)?Mi$/);
  });

  it("asks Prometheus PromQL, and exits 2 with Prometheus's message for a bad expression", async () => {
    const env = { OPSPILOT_PROMETHEUS_URL: prometheus.url };
    let answer: { status?: string; results?: { data: unknown[] }[] } = {};
    await expect
      .poll(
        async () => {
          answer = JSON.parse((await cli(['metrics', 'query', 'count(up)', '-o', 'json'], env)).out);
          return answer.results?.[0]?.data.length ?? 0;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(1);
    expect(answer.status).toBe('SUCCESS');
    const range = await cli(['metrics', 'range', 'up', '--since', '5m', '--step', '15s'], env);
    expect(range.out).toMatch(/^up \(SUCCESS\)\nCLUSTER\s+SERIES\s+LAST\s+MIN\s+MAX\s+POINTS\n/);
    // The same range as a terminal chart: a sparkline per series (up is 1: a row of full bars) on the time axis.
    const chart = await cli(['metrics', 'range', 'up', '--since', '5m', '--step', '15s', '--chart'], env);
    expect(chart.out).toMatch(/^up \(SUCCESS\)\nSERIES\s+0 … 1\s+MIN\s+MAX\s+LAST\n/);
    expect(chart.out).toMatch(/\n\S+\s+[ █]*█\s+1\s+1\s+1\n/);
    expect(chart.out).toMatch(/\d\d:\d\d\s+\d\d:\d\d UTC\n$/);
    const bad = await cli(['metrics', 'query', 'rate(up[5m]'], env);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Prometheus refused the query: .*parse error/);
  });

  it('answers ask "which pods use the most memory" with numbers, planning nothing', async () => {
    const { code, out } = await cli(['ask', 'which pods use the most memory', '-o', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ kind: 'metrics', answer: { named: { name: 'top-pods-by-memory' } } });
    expect(Number(json.answer.results[0].data[0].values[0][1])).toBeGreaterThan(1e6);
    const nodes = await cli(['ask', 'show cpu usage of nodes']);
    expect(nodes.out).toMatch(/^Understood: CPU used per node\n/);
    expect(nodes.out).toMatch(/node=\S+\s+\d+m$/m);
  });
});

describe('opspilot incidents show --chart', { timeout: 120_000 }, () => {
  it("draws the incident's signals from Prometheus: a sparkline per pod of the incident, the detection marked", async () => {
    const env = { OPSPILOT_PROMETHEUS_URL: prometheus.url, OPSPILOT_DATA_DIR: join(dir, 'incidents') };
    expect((await cli(['db', 'migrate'], env)).code).toBe(0);
    const pods = await createClusterGateway({ kubeconfigYaml: live.kubeconfig }).list('Pod', {
      namespace: 'todo',
      labelSelector: 'app=backend',
    });
    const pod = pods[0]!.metadata.name;
    const store = await openStore({ sqlitePath: join(dir, 'incidents', 'opspilot.db') });
    const engine = createIncidentEngine({ records: store.incidents, audit: store.audit, clock: systemClock });
    const [incident] = await engine.ingest([
      {
        source: 'ALERT',
        fingerprint: 'cpu',
        title: 'backend CPU high',
        severity: 'HIGH',
        state: 'FIRING',
        labels: { alertname: 'CPUHigh', namespace: 'todo', pod },
        resource: { kind: 'Pod', namespace: 'todo', name: pod },
        at: new Date().toISOString(),
      },
    ]);
    await store.close();
    let shown = '';
    await expect
      .poll(
        async () => {
          shown = (await cli(['incidents', 'show', incident!.id, '--chart'], env)).out;
          return shown.includes(`todo/${pod}`);
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(true);
    expect(shown).toContain('Chart: CPU (pod-cpu)');
    expect(shown).toMatch(new RegExp(`todo/${pod}\\s+[ ▁▂▃▄▅▆▇█]+\\s+\\d+m\\s+\\d+m\\s+\\d+m`));
    expect(shown).toMatch(/\^ \d\d:\d\d detected/);
    const plain = await cli(['incidents', 'show', incident!.id, '--chart'], {
      OPSPILOT_DATA_DIR: env.OPSPILOT_DATA_DIR,
    });
    expect(plain.out).toContain('Charts: set prometheus.url');
  });
});
