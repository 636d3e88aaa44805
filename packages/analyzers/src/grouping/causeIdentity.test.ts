import type { KubeObject } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { NOW, obj, ownedBy, pod, snapshotOf } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { analyzeSnapshot } from '../analyzeSnapshot.js';
import { BUILTIN_ANALYZERS } from '../builtinAnalyzers.js';
import { causeIdentityOf } from './causeIdentity.js';
import { historyOfSightings } from './causeSightings.js';
import { createProblemHistory } from './problemHistory.js';

const KINDS = BUILTIN_ANALYZERS.flatMap((a) => a.kinds);

function crashing(p: KubeObject): KubeObject {
  p.status = {
    phase: 'Running',
    conditions: [{ type: 'Ready', status: 'False' }],
    containerStatuses: [
      {
        name: (p.spec as { containers: { name: string }[] }).containers[0]!.name,
        ready: false,
        restartCount: 6,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { exitCode: 1, reason: 'Error' } },
      },
    ],
  };
  return p;
}

/** A failing CronJob after `runs` schedules: one failed Job (and its failed pod) per run. */
function failingCronJob(runs: number): KubeObject[] {
  const cron = obj('batch/v1', 'CronJob', 'report', 'batch', {
    spec: {
      schedule: '* * * * *',
      jobTemplate: { spec: { template: { spec: { containers: [{ name: 'report', image: 'report:1' }] } } } },
    },
    status: { lastScheduleTime: '2026-01-01T11:59:00Z' },
  });
  const out: KubeObject[] = [cron];
  for (let i = 0; i < runs; i++) {
    const job = obj('batch/v1', 'Job', `report-${2900 + i}`, 'batch', {
      ownerReferences: ownedBy(cron),
      spec: { backoffLimit: 0, template: { spec: { containers: [{ name: 'report', image: 'report:1' }] } } },
      status: {
        failed: 1,
        conditions: [
          {
            type: 'Failed',
            status: 'True',
            reason: 'BackoffLimitExceeded',
            message: 'Job has reached the specified backoff limit',
          },
        ],
      },
    });
    const p = pod(
      `report-${2900 + i}-x${i}`,
      'batch',
      { containers: [{ name: 'report', image: 'report:1' }], restartPolicy: 'Never' },
      {
        ownerReferences: ownedBy(job),
      },
    );
    p.status = {
      phase: 'Failed',
      containerStatuses: [
        { name: 'report', ready: false, restartCount: 0, state: { terminated: { exitCode: 2, reason: 'Error' } } },
      ],
    };
    out.push(job, p);
  }
  return out;
}

describe('problems by cause identity', () => {
  it('makes the three failing pods of a DaemonSet one problem with three affected pods', () => {
    const cluster = healthyCluster();
    const agent = cluster.find('DaemonSet', 'agent');
    agent.status = {
      desiredNumberScheduled: 3,
      currentNumberScheduled: 3,
      numberReady: 0,
      numberAvailable: 0,
      numberUnavailable: 3,
    };
    crashing(cluster.find('Pod', 'agent-x7k2p'));
    for (const name of ['agent-b2c3d', 'agent-e4f5g']) {
      cluster.add(
        crashing(
          pod(
            name,
            'kube-system',
            { containers: [{ name: 'agent', image: 'busybox:1.36' }] },
            { labels: { app: 'agent' }, ownerReferences: ownedBy(agent) },
          ),
        ),
      );
    }
    const { report } = analyzeSnapshot(snapshotOf(cluster.objects, KINDS), { now: NOW });
    expect(report.problems).toHaveLength(1);
    const [problem] = report.problems;
    expect(problem).toMatchObject({
      identity: 'pod-crash-loop:daemonset/kube-system/agent',
      class: 'pod-crash-loop',
      count: 3,
    });
    expect(problem?.affected?.map((r) => r.name).sort()).toEqual(['agent-b2c3d', 'agent-e4f5g', 'agent-x7k2p']);
    expect(problem?.symptoms.map((s) => s.analyzer)).toEqual(['daemonset-unavailable']);
  });

  it("spells a signal's cause (class and root object) exactly as a finding's, so both ways reach one identity", () => {
    const cluster = healthyCluster();
    crashing(cluster.find('Pod', 'agent-x7k2p'));
    const { report } = analyzeSnapshot(snapshotOf(cluster.objects, KINDS), { now: NOW });
    const identity = report.problems[0]?.identity;
    expect(identity).toBe('pod-crash-loop:daemonset/kube-system/agent');
    const pod = { kind: 'Pod', namespace: 'kube-system', name: 'agent-x7k2p' };
    const agent = { kind: 'DaemonSet', namespace: 'kube-system', name: 'agent' };
    expect(causeIdentityOf('pod-crash-loop', pod, agent)).toEqual({
      identity,
      class: 'pod-crash-loop',
      rootObject: agent,
    });
    // Nothing owns it: the object itself (cluster-scoped objects have no namespace part).
    expect(causeIdentityOf('KubeNodeNotReady', { kind: 'Node', name: 'worker-2' }).identity).toBe(
      'KubeNodeNotReady:node/worker-2',
    );
    expect(causeIdentityOf('pod-crash-loop', pod, undefined, 'pod-crash-loop:pod/kube-system/x:app').identity).toBe(
      'pod-crash-loop:pod/kube-system/x:app',
    );
  });

  it('keeps a failing CronJob at one problem however many Jobs it has created', () => {
    const counts = [1, 5, 14].map((runs) => {
      const cluster = healthyCluster().add(obj('v1', 'Namespace', 'batch', undefined), ...failingCronJob(runs));
      const { report } = analyzeSnapshot(snapshotOf(cluster.objects, KINDS), { now: NOW });
      const batch = report.problems.filter((p) => p.root_cause.resource.namespace === 'batch');
      return { problems: batch.length, identities: batch.map((p) => p.identity), count: batch[0]?.count };
    });
    expect(counts.map((c) => c.problems)).toEqual([1, 1, 1]);
    expect(new Set(counts.flatMap((c) => c.identities)).size).toBe(1);
    expect(counts.map((c) => c.count)).toEqual([1, 5, 14]);
  });

  it('keeps the first-seen time of a cause across runs and moves its last-seen time', () => {
    const history = createProblemHistory();
    const cluster = healthyCluster();
    crashing(cluster.find('Pod', 'web-5d8f7-abcde'));
    const first = analyzeSnapshot(snapshotOf(cluster.objects, KINDS), { now: NOW, history });
    expect(first.report.problems[0]?.first_seen).toBe('2026-01-01T11:00:00.000Z');
    // The pod is replaced by a new one (created later) that crashes the same way: same cause, same first sighting.
    cluster.remove('Pod', 'web-5d8f7-abcde');
    const replacement = crashing(
      pod(
        'web-5d8f7-zzzzz',
        'shop',
        { containers: [{ name: 'web', image: 'nginx:1.27' }] },
        {
          labels: { app: 'web' },
          ownerReferences: ownedBy(cluster.find('ReplicaSet', 'web-5d8f7')),
        },
      ),
    );
    replacement.metadata.creationTimestamp = '2026-01-01T11:58:00Z';
    cluster.add(replacement);
    const later = { ...snapshotOf(cluster.objects, KINDS), takenAt: '2026-01-01T12:05:00.000Z' };
    const second = analyzeSnapshot(later, { now: new Date(later.takenAt), history });
    const problem = second.report.problems.find((p) => p.identity === first.report.problems[0]?.identity);
    expect(problem?.first_seen).toBe('2026-01-01T11:00:00.000Z');
    expect(problem?.last_seen).toBe('2026-01-01T12:05:00.000Z');
    expect(first.report.problems[0]?.runs).toBe(1);
    expect(problem?.runs).toBe(2);
    expect(history.list()).toHaveLength(1);
    // Stored sightings (a restart) carry their run count on.
    const stored = historyOfSightings([
      { identity: problem!.identity!, first_seen: '2026-01-01T10:00:00.000Z', last_seen: later.takenAt, runs: 7 },
    ]);
    const third = analyzeSnapshot(later, { now: new Date(later.takenAt), history: stored });
    expect(third.report.problems.find((p) => p.identity === problem?.identity)).toMatchObject({
      runs: 8,
      first_seen: '2026-01-01T10:00:00.000Z',
    });
  });
});
