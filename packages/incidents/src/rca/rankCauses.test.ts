import type { Finding } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import type { Change } from './change.js';
import { rankCauses } from './rankCauses.js';
import type { RcaInput } from './rcaInput.js';

const FIRST = '2026-03-01T10:00:00.000Z';
const minutesBefore = (m: number) => new Date(Date.parse(FIRST) - m * 60_000).toISOString();
const backend = { kind: 'Deployment', namespace: 'todo', name: 'backend' };
const finding = (analyzer: string, message: string, name = 'backend-1'): Finding => ({
  id: `${analyzer}:todo/${name}`,
  analyzer,
  severity: 'HIGH',
  resource: { kind: 'Pod', namespace: 'todo', name },
  message,
  evidence: [],
  sensitive: [],
});
const audited = (kind: Change['kind'], subject: Change['subject'], minutes: number, sequence = 7): Change => ({
  kind,
  subject,
  at: minutesBefore(minutes),
  summary: 'alice ran "set image"',
  source: 'audit',
  audit: { id: 'a1', sequence, user: 'alice', action: 'operation.applied', operation_id: 'op-1' },
});
const input = (over: Partial<RcaInput>): RcaInput => ({
  incidentId: 'i1',
  firstSignalAt: FIRST,
  analyzedAt: FIRST,
  signals: [],
  changes: [],
  findings: [],
  logs: [],
  saturation: [],
  workloads: [backend],
  nodes: ['worker-1'],
  ...over,
});

describe('rankCauses', () => {
  it('ranks an audited image rollout just before the first signal first, naming the audit entry', () => {
    const causes = rankCauses(
      input({
        changes: [
          audited('image', backend, 3),
          {
            kind: 'image',
            subject: backend,
            at: minutesBefore(3),
            summary: 'rollout to revision 2',
            source: 'cluster',
            images: { from: ['a:1'], to: ['a:2'] },
          },
          audited('scaling', { kind: 'Deployment', namespace: 'todo', name: 'frontend' }, 90, 5),
        ],
        findings: [finding('pod-image-pull', 'image a:2 not found')],
        logs: [{ pod: { kind: 'Pod', namespace: 'todo', name: 'backend-1' }, line: 'ERROR boom' }],
      }),
    );
    expect(causes[0]).toMatchObject({
      kind: 'bad-rollout',
      subject: backend,
      runbook: { name: 'rollback-bad-rollout' },
    });
    expect(causes[0]?.evidence.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['audit', 'change', 'finding', 'log']),
    );
    expect(causes[0]?.evidence[0]?.source).toBe('audit #7 operation.applied (operation op-1)');
    expect(causes[0]?.confidence).toBeGreaterThan(causes[1]?.confidence ?? 0);
  });

  it('prefers the ConfigMap change over the restart that made it take effect', () => {
    const cm = { kind: 'ConfigMap', namespace: 'todo', name: 'backend-config' };
    const causes = rankCauses(
      input({
        changes: [audited('config', cm, 6), audited('rollout', backend, 5, 8)],
        findings: [finding('pod-crash-loop', 'back-off restarting')],
      }),
    );
    expect(causes[0]).toMatchObject({
      kind: 'config-change',
      subject: cm,
      runbook: {
        name: 'revert-config-change',
        input: { configmap: 'backend-config', operation_id: 'op-1', workload: 'backend' },
      },
    });
  });

  it('ranks audited new memory limits before OOM kills as the OOM, above the rollout that applied them', () => {
    const causes = rankCauses(
      input({
        changes: [
          audited('resources', backend, 8),
          {
            kind: 'rollout',
            subject: backend,
            at: minutesBefore(8),
            summary: 'rollout to revision 3',
            source: 'cluster',
          },
        ],
        findings: [finding('pod-oom-killed', 'OOMKilled'), finding('pod-crash-loop', 'back-off restarting')],
      }),
    );
    expect(causes[0]).toMatchObject({ kind: 'oom', subject: backend, runbook: { name: 'raise-memory-limit' } });
    expect(causes[0]?.evidence.map((e) => e.kind)).toEqual(expect.arrayContaining(['audit', 'finding']));
    expect(causes.find((c) => c.kind === 'bad-rollout')?.confidence ?? 0).toBeLessThan(causes[0]?.confidence ?? 0);
  });

  it('ignores changes after the grace period and before the look-back, and scores closer changes higher', () => {
    const late = rankCauses(input({ changes: [{ ...audited('image', backend, -10) }] }));
    expect(late).toEqual([]);
    const near = rankCauses(input({ changes: [audited('image', backend, 5)] }))[0]?.confidence ?? 0;
    const far = rankCauses(input({ changes: [audited('image', backend, 100)] }))[0]?.confidence ?? 0;
    expect(near).toBeGreaterThan(far);
  });

  it('names a failed node, an OOM kill and a noisy neighbour from findings and metrics', () => {
    const node = rankCauses(
      input({
        changes: [
          {
            kind: 'node',
            subject: { kind: 'Node', name: 'worker-1' },
            at: minutesBefore(1),
            summary: 'NotReady',
            source: 'cluster',
          },
        ],
      }),
    );
    expect(node[0]).toMatchObject({
      kind: 'node-failure',
      runbook: { name: 'cordon-and-drain-node', input: { node: 'worker-1' } },
    });
    const oom = rankCauses(input({ findings: [finding('pod-oom-killed', 'OOMKilled')] }));
    expect(oom[0]).toMatchObject({ kind: 'oom', subject: backend, runbook: { name: 'raise-memory-limit' } });
    const noisy = rankCauses(
      input({
        saturation: [
          {
            subject: { kind: 'Pod', namespace: 'batch', name: 'miner' },
            resource: 'cpu',
            used: 1000,
            limit: 1000,
            node: 'worker-1',
            neighbour: true,
          },
        ],
      }),
    );
    expect(noisy[0]).toMatchObject({ kind: 'noisy-neighbour', subject: { name: 'miner' } });
  });

  it('is deterministic: the same input ranks the same', () => {
    const i = input({ findings: [finding('a-one', 'x', 'p1'), finding('b-two', 'y', 'p2')] });
    expect(rankCauses(i)).toEqual(rankCauses(i));
  });
});
