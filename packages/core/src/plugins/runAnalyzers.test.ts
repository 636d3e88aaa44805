import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../ports/clusterSnapshot.js';
import { type Analyzer, defineAnalyzer } from './analyzer.js';
import type { Finding } from './finding.js';
import { runAnalyzers } from './runAnalyzers.js';

const snapshot: ClusterSnapshot = { cluster: 'demo', takenAt: '2026-01-01T00:00:00Z', objects: {}, errors: [] };
const ctx = { now: new Date('2026-01-01T00:00:00Z') };

const finding = (id: string, analyzer: string): Finding => ({
  id,
  analyzer,
  severity: 'LOW',
  resource: { kind: 'Pod', name: 'p', namespace: 'todo' },
  message: 'm',
  evidence: [],
  sensitive: [],
});
const finds = (id: string, kinds = ['Pod']): Analyzer =>
  defineAnalyzer({ id, kinds, analyze: () => [finding(`${id}-1`, id)] });
const throws = (id: string, thrown: unknown): Analyzer =>
  defineAnalyzer({
    id,
    kinds: ['Pod'],
    analyze: () => {
      throw thrown;
    },
  });

describe('runAnalyzers', () => {
  it('collects the findings of every analyzer in order', () => {
    const run = runAnalyzers([finds('a'), finds('b')], snapshot, ctx);
    expect(run.findings.map((f) => f.id)).toEqual(['a-1', 'b-1']);
    expect(run.failures).toEqual([]);
    expect(run.incomplete).toEqual([]);
  });

  it('reports a throwing analyzer as a failure and still runs the ones after it', () => {
    const run = runAnalyzers(
      [finds('a'), throws('broken', new Error('bug')), throws('odd', 'text'), finds('b')],
      snapshot,
      ctx,
    );
    expect(run.failures).toEqual([
      { analyzer: 'broken', error: 'bug' },
      { analyzer: 'odd', error: 'text' },
    ]);
    expect(run.findings.map((f) => f.id)).toEqual(['a-1', 'b-1']);
  });

  it('reports an analyzer that returns something other than findings', () => {
    const bad = defineAnalyzer({ id: 'bad', kinds: ['Pod'], analyze: () => undefined as unknown as Finding[] });
    expect(runAnalyzers([bad], snapshot, ctx).failures).toEqual([
      { analyzer: 'bad', error: 'analyze() did not return an array of findings' },
    ]);
  });

  it('marks analyzers whose kinds could not be listed as incomplete', () => {
    const partial = { ...snapshot, errors: [{ kind: 'Secret', error: 'forbidden' }] };
    const run = runAnalyzers([finds('pods'), finds('secrets', ['Secret', 'Pod'])], partial, ctx);
    expect(run.incomplete).toEqual([{ analyzer: 'secrets', kinds: ['Secret'] }]);
    expect(run.findings).toHaveLength(2);
  });
});
