import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalysisReport } from '@opspilot/analyzers';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { type RunningDaemon, startPrometheus } from '@opspilot/observe/testing';
import { openStore } from '@opspilot/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

let sim: SimCluster;
let prometheus: RunningDaemon;
let dir: string;
let kubeconfig: string;

beforeAll(async () => {
  sim = await startSimCluster({ scenario: 'demo' });
  prometheus = await startPrometheus({ targets: [{ url: sim.url, token: sim.token }] });
  dir = mkdtempSync(join(tmpdir(), 'opspilot-analyze-signals-'));
  kubeconfig = join(dir, 'kubeconfig.yaml');
  writeFileSync(kubeconfig, sim.kubeconfig);
}, 120_000);
afterAll(async () => {
  await prometheus?.stop();
  await sim?.stop();
});

async function analyze(env: Record<string, string> = {}) {
  const io = memoryIo(env, dir);
  const code = await runCli(['analyze', '-n', 'todo', '-o', 'json', '--kubeconfig', kubeconfig], io);
  return { code, report: AnalysisReport.parse(JSON.parse(io.out())), err: io.err() };
}

describe('opspilot analyze with a metrics source and its store', { timeout: 120_000 }, () => {
  it('reports an HTTP 5xx burst on a workload from Prometheus, once, as its Deployment', async () => {
    sim.anomalies.add(
      {
        apiVersion: 'sim.opspilot.dev/v1',
        kind: 'Anomaly',
        metadata: { name: 'frontend-errors' },
        spec: { type: 'error-burst', namespace: 'todo', selector: { app: 'frontend' }, after: '0s', magnitude: 0.5 },
      },
      new Date(),
    );
    // Without a metrics source the burst cannot be seen.
    expect((await analyze()).report.problems.filter((p) => p.class === 'workload-http-errors')).toEqual([]);
    const env = { OPSPILOT_PROMETHEUS_URL: prometheus.url };
    let report: AnalysisReport | undefined;
    await expect
      .poll(
        async () => {
          report = (await analyze(env)).report;
          return report.problems.filter((p) => p.class === 'workload-http-errors').map((p) => p.identity);
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toEqual(['workload-http-errors:deployment/todo/frontend']);
    const burst = report!.problems.find((p) => p.class === 'workload-http-errors')!;
    expect(burst.root_cause.message).toMatch(/answers [\d.]+% of its requests with HTTP 5xx/);
    expect(burst.root_cause.evidence[0]?.source).toContain('http_requests_total{code=~"5.."}');
  });

  it('keeps each cause in its store across runs: first_seen stays, last_seen moves', async () => {
    const env = { OPSPILOT_PROMETHEUS_URL: prometheus.url };
    const first = (await analyze(env)).report;
    const second = (await analyze(env)).report;
    const identity = 'workload-http-errors:deployment/todo/frontend';
    const before = first.problems.find((p) => p.identity === identity);
    const after = second.problems.find((p) => p.identity === identity);
    expect(after?.first_seen).toBe(before?.first_seen);
    expect(after?.last_seen).toBe(second.taken_at);
    const store = await openStore({ sqlitePath: join(dir, '.opspilot', 'opspilot.db') });
    try {
      const stored = (await store.findingSightings.list(first.cluster)).find((s) => s.identity === identity);
      expect(stored).toMatchObject({ first_seen: before?.first_seen, last_seen: second.taken_at });
      expect(stored!.runs).toBeGreaterThanOrEqual(3);
      // The report says how many runs saw the cause, as the store counts them.
      expect(after?.runs).toBe(stored!.runs);
      expect(after!.runs).toBe(before!.runs! + 1);
    } finally {
      await store.close();
    }
  });
});
