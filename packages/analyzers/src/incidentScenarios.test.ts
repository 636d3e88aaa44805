import { describe, expect, it } from 'vitest';
import { NOW, snapshotOf } from './__fixtures__/cluster.js';
import { incidentScenarios } from './__fixtures__/incidentScenarios.js';
import { analyzeSnapshot } from './analyzeSnapshot.js';
import { BUILTIN_ANALYZERS } from './builtinAnalyzers.js';
import { kindsFor } from './selectAnalyzers.js';

const { objects, planted } = incidentScenarios();
const snapshot = snapshotOf(objects, [
  ...kindsFor(BUILTIN_ANALYZERS),
  'GatewayClass',
  'Gateway',
  'HTTPRoute',
  'PersistentVolume',
]);
const { report } = analyzeSnapshot(snapshot, { now: NOW });
const rootOf = (p: (typeof report.problems)[number]) =>
  `${p.root_object?.kind}/${p.root_object?.namespace ?? ''}/${p.root_object?.name}`;

describe('incident scenarios (47 planted failures in six namespaces and the cluster, one healthy namespace)', () => {
  it('plants at least 40 failures across at least 5 namespaces', () => {
    expect(planted.length).toBeGreaterThanOrEqual(40);
    const namespaces = new Set(planted.map((p) => p.root.split('/')[1]).filter(Boolean));
    expect(namespaces.size).toBeGreaterThanOrEqual(5);
  });

  it.each(planted.map((p) => [p.what, p] as const))('reports %s once, with the right cause', (_what, p) => {
    const matching = report.problems.filter((x) => x.class === p.class && rootOf(x) === p.root);
    expect(
      matching.map((x) => x.identity),
      `${p.class} on ${p.root}`,
    ).toHaveLength(1);
  });

  it('reports nothing that was not planted (every problem is one of them)', () => {
    const expected = new Set(planted.map((p) => `${p.class} ${p.root}`));
    const extra = report.problems.filter((x) => !expected.has(`${x.class} ${rootOf(x)}`));
    expect(extra.map((x) => `${x.class} ${rootOf(x)}: ${x.root_cause.message}`)).toEqual([]);
    expect(report.problems).toHaveLength(planted.length);
  });

  it('finds nothing at all in the healthy namespace', () => {
    const all = report.problems.flatMap((p) => [p.root_cause, ...p.symptoms, ...(p.affected ?? [])]);
    const touching = all.filter((f) => ('resource' in f ? f.resource.namespace : f.namespace) === 'storefront');
    expect(touching).toEqual([]);
  });

  it('groups the symptoms under their cause: the crash-looping DaemonSet is one problem of three pods', () => {
    const agent = report.problems.find((p) => p.identity === 'pod-crash-loop:daemonset/ops/log-agent');
    expect(agent?.count).toBe(3);
    expect(agent?.symptoms.map((s) => s.analyzer)).toContain('daemonset-unavailable');
    const cron = report.problems.find((p) => p.class === 'job-failed');
    expect(cron).toMatchObject({ identity: 'job-failed:cronjob/batch/settlement', count: 3 });
  });

  it('proposes fixes that answer the evidence', () => {
    const fix = (identity: string) => report.problems.find((p) => p.identity === identity)?.root_cause.proposedFix;
    expect(JSON.stringify(fix('pod-readiness-probe:deployment/payments/invoices')?.patch)).toContain('"path":"/"');
    expect(JSON.stringify(fix('pod-readiness-probe:deployment/payments/invoices'))).not.toMatch(/initialDelaySeconds/);
    expect(JSON.stringify(fix('pod-liveness-probe:deployment/payments/refunds')?.patch)).toContain('"port":8080');
    expect(fix('pod-image-pull:deployment/ops/vault-sync')?.command).toMatch(
      /create secret docker-registry ghcr -n ops/,
    );
    expect(fix('node-pressure:node/node-3:DiskPressure')?.description).toMatch(/Free disk/);
    expect(fix('workload-scaled-to-zero:deployment/payments/reports')?.command).toBe(
      'kubectl scale deployment/reports -n payments --replicas=1',
    );
  });
});
