import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalysisReport } from '@opspilot/analyzers';
import { ManualClock } from '@opspilot/core';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

let sim: SimCluster;
let clock: ManualClock;
let dir: string;
let kubeconfig: string;

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
}

/** Moves cluster time on by `ms` in 5 s steps, letting the simulated controllers react between them. */
async function advance(ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 5_000) {
    await settle();
    await clock.advance(5_000);
  }
  await settle();
}

async function cli(...args: string[]) {
  const io = memoryIo({ HOME: dir }, dir);
  // Snapshots take their time from the system clock (the gateway's), so ages are measured against it here too.
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

/** The rows of a kubectl-style table as objects keyed by its header's columns (cells located by the header). */
function tableOf(text: string): Record<string, string>[] {
  const [header = '', ...rows] = text.trimEnd().split('\n');
  const names = header.split(/ {3,}/).filter(Boolean);
  const starts: number[] = [];
  for (const [i, n] of names.entries()) {
    starts.push(header.indexOf(n, i === 0 ? 0 : (starts[i - 1] ?? 0) + (names[i - 1]?.length ?? 0)));
  }
  return rows.map((row) =>
    Object.fromEntries(names.map((n, i) => [n, row.slice(starts[i], starts[i + 1] ?? row.length).trim()])),
  );
}

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ scenario: 'broken', clock });
  dir = mkdtempSync(join(tmpdir(), 'opspilot-analyze-sightings-'));
  kubeconfig = join(dir, 'kubeconfig.yaml');
  writeFileSync(kubeconfig, sim.kubeconfig);
  // Three minutes of cluster life: pods schedule, pull, crash and back off.
  await advance(180_000);
}, 120_000);
afterAll(async () => sim?.stop());

describe('when problems were first and last seen, and in how many runs', { timeout: 120_000 }, () => {
  it('analyze -o wide: one row per problem with FIRST SEEN, LAST SEEN and SEEN, counting each run', async () => {
    const first = await cli('analyze', '--kubeconfig', kubeconfig, '-n', 'broken', '-o', 'wide');
    expect(first.code, first.err).toBe(1);
    expect(first.out.split('\n')[0]).toMatch(
      /^SEVERITY {3,}NAMESPACE {3,}OBJECT {3,}ANALYZER {3,}AFFECTED {3,}FIRST SEEN {3,}LAST SEEN {3,}SEEN {3,}MESSAGE$/,
    );
    const before = tableOf(first.out);
    expect(before.length).toBeGreaterThan(3);
    for (const row of before) expect(row).toMatchObject({ NAMESPACE: 'broken', 'LAST SEEN': '0s ago', SEEN: '1' });
    const oom = before.find((r) => r.ANALYZER === 'pod-oom-killed');
    expect(oom?.['FIRST SEEN']).toMatch(/^\S+ ago$/);

    await advance(60_000);
    const again = tableOf((await cli('analyze', '--kubeconfig', kubeconfig, '-n', 'broken', '-o', 'wide')).out);
    const oomAgain = again.find((r) => r.ANALYZER === 'pod-oom-killed');
    // The same cause: one more run, seen now, first seen when it was (its oldest object or event) before.
    expect(oomAgain).toMatchObject({ OBJECT: oom?.OBJECT, SEEN: '2', 'LAST SEEN': '0s ago' });
    expect(oomAgain?.['FIRST SEEN']).toBe(oom?.['FIRST SEEN']);
  });

  it('the default text says it in a line per problem, -o json keeps every field', async () => {
    const text = await cli('analyze', '--kubeconfig', kubeconfig, '-n', 'broken', '--filter', 'Pod');
    expect(text.out).toMatch(
      /^ {3}first seen \S+ ago · last seen 0s ago · seen in 3 runs · pod-oom-killed:deployment\/broken\/oom$/m,
    );
    const json = await cli('analyze', '--kubeconfig', kubeconfig, '-n', 'broken', '-o', 'json');
    const report = AnalysisReport.parse(JSON.parse(json.out));
    const oom = report.problems.find((p) => p.identity === 'pod-oom-killed:deployment/broken/oom');
    expect(oom).toMatchObject({ runs: 4, last_seen: report.taken_at });
    expect(oom?.first_seen && oom.first_seen < oom.last_seen!).toBe(true);
  });

  it('a registered cluster keeps its sightings by id (shared with the server): clusters findings lists them', async () => {
    const added = await cli('clusters', 'add', 'sim-seen', '--kubeconfig', kubeconfig);
    expect(added.code, added.err).toBe(0);
    expect((await cli('analyze', '--cluster', 'sim-seen', '-n', 'broken')).code).toBe(1);
    await advance(30_000);
    const fleet = await cli('analyze', '--all-clusters', '-n', 'broken', '-o', 'wide');
    expect(fleet.code, fleet.err).toBe(1);
    const rows = tableOf(fleet.out.split('\n').slice(0, -2).join('\n'));
    expect(rows.find((r) => r.ANALYZER === 'pod-oom-killed')).toMatchObject({ CLUSTER: 'sim-seen', SEEN: '2' });
    expect(fleet.out).toMatch(/^1 cluster\(s\): \d+ problem\(s\)$/m);

    const listed = await cli('clusters', 'findings', 'sim-seen');
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out.split('\n')[0]).toMatch(/^CLASS {3,}NAMESPACE {3,}OBJECT {3,}FIRST SEEN {3,}LAST SEEN {3,}SEEN$/);
    const oom = tableOf(listed.out).find((r) => r.CLASS === 'pod-oom-killed');
    expect(oom).toMatchObject({ NAMESPACE: 'broken', OBJECT: 'deployment/oom', SEEN: '2' });
    expect(oom?.['LAST SEEN']).toMatch(/^\d+s ago$/);
    const json = JSON.parse((await cli('clusters', 'findings', 'sim-seen', '-o', 'json')).out);
    expect(json).toMatchObject({ cluster: 'sim-seen', cluster_id: expect.any(String) });
    expect(
      json.items.find((s: { identity: string }) => s.identity === 'pod-oom-killed:deployment/broken/oom'),
    ).toMatchObject({ runs: 2, root_kind: 'Deployment', root_name: 'oom' });
    const missing = await cli('clusters', 'findings', 'nothing');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no cluster named nothing');
  });

  it('clusters findings --live analyses the cluster now, listing causes no run stored before, each marked LIVE', async () => {
    const added = await cli('clusters', 'add', 'sim-live', '--kubeconfig', kubeconfig);
    expect(added.code, added.err).toBe(0);
    const none = await cli('clusters', 'findings', 'sim-live');
    expect(none.code, none.err).toBe(0);
    expect(none.out).toContain('No findings recorded for sim-live yet');

    const live = await cli('clusters', 'findings', 'sim-live', '--live', '-n', 'broken');
    expect(live.code, live.err).toBe(0);
    expect(live.out.split('\n')[0]).toMatch(
      /^CLASS {3,}NAMESPACE {3,}OBJECT {3,}FIRST SEEN {3,}LAST SEEN {3,}SEEN {3,}LIVE$/,
    );
    const rows = tableOf(live.out);
    expect(rows.find((r) => r.CLASS === 'pod-oom-killed')).toMatchObject({
      NAMESPACE: 'broken',
      OBJECT: 'deployment/oom',
      SEEN: '1',
      LIVE: 'yes',
    });
    for (const row of rows) expect(row.LIVE).toBe('yes');

    // The live run was recorded: the plain listing now has it, and -o yaml/json carry `live` and the run's summary.
    await advance(10_000);
    const stored = tableOf((await cli('clusters', 'findings', 'sim-live')).out);
    expect(stored.find((r) => r.CLASS === 'pod-oom-killed')).toMatchObject({ SEEN: '1' });
    expect(stored[0]).not.toHaveProperty('LIVE');
    const json = JSON.parse(
      (await cli('clusters', 'findings', 'sim-live', '--live', '-n', 'broken', '-o', 'json')).out,
    );
    expect(json.live).toMatchObject({ analysed_at: expect.any(String), problems: expect.any(Number) });
    expect(
      json.items.find((s: { identity: string }) => s.identity === 'pod-oom-killed:deployment/broken/oom'),
    ).toMatchObject({ runs: 2, live: true });
    const yaml = await cli('clusters', 'findings', 'sim-live', '-o', 'yaml');
    expect(yaml.out).toContain('identity: pod-oom-killed:deployment/broken/oom');
  });
});
