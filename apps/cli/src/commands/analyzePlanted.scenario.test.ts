import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalysisReport } from '@opspilot/analyzers';
import { ManualClock } from '@opspilot/core';
import { createObject, type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';
import { plantedFailures } from './__fixtures__/plantedFailures.js';

// Failures planted on the simulated cluster from specs alone, analysed by `opspilot analyze -A -o json` over HTTPS
// as a user would run it: each is one problem with the right class and root object, its fix answers the evidence,
// and the healthy namespace yields nothing.
const { objects, planted, healthyNamespace } = plantedFailures();
let sim: SimCluster;
let report: AnalysisReport;

type Problem = AnalysisReport['problems'][number];
const rootOf = (p: Problem) => `${p.root_object?.kind}/${p.root_object?.namespace ?? ''}/${p.root_object?.name}`;
const fixText = (p: Problem) => JSON.stringify(p.root_cause.proposedFix ?? {});

beforeAll(async () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  sim = await startSimCluster({ clock });
  for (const o of objects) {
    const meta = o.metadata as { namespace?: string };
    const type = sim.api.registry.byKind(o.apiVersion as string, o.kind as string);
    if (!type) throw new Error(`the simulated cluster serves no ${o.apiVersion} ${o.kind}`);
    createObject(sim.api.write, type, o, meta.namespace, false);
  }
  // Six minutes of cluster life: pods schedule, pull, crash and back off; the CronJob runs three times; a LoadBalancer
  // Service is judged pending only after its grace period.
  await advanceClock(clock, 6 * 60_000, 5_000);
  const dir = mkdtempSync(join(tmpdir(), 'opspilot-analyze-planted-'));
  const kubeconfig = join(dir, 'kubeconfig.yaml');
  writeFileSync(kubeconfig, sim.kubeconfig);
  const io = { ...memoryIo({ HOME: dir }, dir), clock };
  const code = await runCli(['analyze', '--kubeconfig', kubeconfig, '-A', '-o', 'json'], io);
  expect(code, io.err()).toBe(1);
  report = AnalysisReport.parse(JSON.parse(io.out()));
}, 1_800_000);
afterAll(async () => sim?.stop());

describe(`planted failures on the simulated cluster (${planted.length}, healthy namespace ${healthyNamespace})`, () => {
  it('plants at least 20 failures across at least 5 namespaces', () => {
    expect(planted.length).toBeGreaterThanOrEqual(20);
    expect(new Set(planted.map((p) => p.root.split('/')[1]).filter(Boolean)).size).toBeGreaterThanOrEqual(5);
  });

  it.each(planted.map((p) => [p.what, p] as const))('reports %s once, with the right cause and a fix', (_w, p) => {
    const matching = report.problems.filter((x) => x.class === p.class && rootOf(x) === p.root);
    const near = report.problems.filter(
      (x) => rootOf(x) === p.root || x.root_object?.namespace === p.root.split('/')[1],
    );
    expect(
      matching.map((x) => x.identity),
      `${p.class} on ${p.root}; problems near it: ${near.map((x) => `${x.class} ${rootOf(x)}`).join(', ')}`,
    ).toHaveLength(1);
    if (p.fix) expect(fixText(matching[0]!), p.what).toMatch(p.fix);
  });

  it('reports nothing that was not planted', () => {
    const expected = new Set(planted.map((p) => `${p.class} ${p.root}`));
    const extra = report.problems.filter((x) => !expected.has(`${x.class} ${rootOf(x)}`));
    expect(extra.map((x) => `${x.class} ${rootOf(x)}: ${x.root_cause.message}`)).toEqual([]);
  });

  it('finds nothing at all in the healthy namespace', () => {
    const all = report.problems.flatMap((p) => [p.root_cause, ...p.symptoms]);
    const touching = all.filter((f) => f.resource.namespace === healthyNamespace);
    expect(touching.map((f) => `${f.analyzer}: ${f.message}`)).toEqual([]);
  });

  it('two faults behind one Service: its lost endpoints are a symptom of both, not a problem of their own', () => {
    const ledger = report.problems.filter(
      (p) => p.root_object?.namespace === 'ledger' && p.root_object.name.startsWith('api'),
    );
    expect(ledger.map((p) => p.class).sort()).toEqual(['pod-image-pull', 'pod-oom-killed']);
    expect(report.problems.some((p) => rootOf(p) === 'Service/ledger/api')).toBe(false);
  });
});
