import { describe, expect, it } from 'vitest';
import { ctx, snapshotOf } from './__fixtures__/cluster.js';
import { healthyCluster } from './__fixtures__/healthyCluster.js';
import { AnalysisReport, analysisReportJsonSchema } from './analysisReport.js';
import { analyzeSnapshot } from './analyzeSnapshot.js';
import { BUILTIN_ANALYZERS } from './builtinAnalyzers.js';

const allKinds = BUILTIN_ANALYZERS.flatMap((a) => a.kinds);

describe('analyzeSnapshot', () => {
  it('finds nothing wrong with the healthy fixture cluster', () => {
    const { report } = analyzeSnapshot(snapshotOf(healthyCluster().objects, allKinds), { now: ctx.now });
    expect(report.problems).toEqual([]);
    expect(report.summary).toEqual({
      problems: 0,
      findings: 0,
      by_severity: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFO: 0 },
    });
    expect(report.analyzers).toHaveLength(BUILTIN_ANALYZERS.length);
  });

  it('builds a report that its schema accepts, grouped and counted by severity', () => {
    const cluster = healthyCluster().remove('Service', 'policy');
    cluster.find('Node', 'worker-1').spec = { unschedulable: true };
    const { report } = analyzeSnapshot(snapshotOf(cluster.objects, allKinds), { now: ctx.now });
    expect(AnalysisReport.parse(report)).toEqual(report);
    expect(report.problems.map((p) => [p.severity, p.root_cause.analyzer])).toEqual([
      ['CRITICAL', 'webhook-service-missing'],
      ['MEDIUM', 'node-unschedulable'],
    ]);
    expect(report.summary.by_severity).toMatchObject({ CRITICAL: 1, MEDIUM: 1 });
  });

  it('keeps only the namespace asked for (and cluster-scoped findings)', () => {
    const cluster = healthyCluster();
    cluster.find('DaemonSet', 'agent').status = { desiredNumberScheduled: 2, numberAvailable: 1, numberUnavailable: 1 };
    cluster.find('Node', 'worker-1').spec = { unschedulable: true };
    const { report } = analyzeSnapshot(snapshotOf(cluster.objects, allKinds), { now: ctx.now, namespace: 'shop' });
    expect(report.problems.map((p) => p.root_cause.analyzer)).toEqual(['node-unschedulable']);
    expect(report.namespace).toBe('shop');
  });

  it('reports kinds that could not be listed as incomplete analyzers', () => {
    const snapshot = {
      ...snapshotOf(healthyCluster().objects, allKinds),
      errors: [{ kind: 'Secret', error: 'forbidden' }],
    };
    const { report } = analyzeSnapshot(snapshot, { now: ctx.now });
    expect(report.incomplete.map((i) => i.analyzer)).toContain('secret-missing');
    expect(report.snapshot_errors).toEqual([{ kind: 'Secret', error: 'forbidden' }]);
  });

  it('publishes a JSON Schema of the report', () => {
    const schema = analysisReportJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['problems', 'summary', 'incomplete']));
    expect(schema.required).toContain('problems');
  });
});
