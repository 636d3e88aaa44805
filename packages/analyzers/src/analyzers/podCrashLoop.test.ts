import { describe, expect, it } from 'vitest';
import { analyzeWith, ctx, event, snapshotOf } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { withPodLogs } from '../podLogs.js';
import { podCrashLoop } from './podCrashLoop.js';

function crashing(reason = 'Error', message?: string) {
  const cluster = healthyCluster();
  const pod = cluster.find('Pod', 'web-5d8f7-abcde');
  (pod.status as { containerStatuses: unknown[] }).containerStatuses = [
    {
      name: 'web',
      image: 'nginx:1.27',
      ready: false,
      restartCount: 4,
      state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container' } },
      lastState: { terminated: { exitCode: reason === 'OOMKilled' ? 137 : 1, reason, message } },
    },
  ];
  return { cluster, pod };
}

describe('pod-crash-loop', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(podCrashLoop, healthyCluster().objects)).toEqual([]);
  });

  it('reports a crash-looping container with its exit code, events and the owning Deployment as fix target', () => {
    const { cluster, pod } = crashing();
    cluster.add(event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container web in pod web-5d8f7-abcde'));
    const [finding, ...rest] = analyzeWith(podCrashLoop, cluster.objects);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      id: 'pod-crash-loop:pod/shop/web-5d8f7-abcde:web',
      severity: 'CRITICAL',
      resource: { kind: 'Pod', name: 'web-5d8f7-abcde', namespace: 'shop' },
      proposedFix: { command: 'kubectl rollout undo deployment/web -n shop' },
    });
    expect(finding?.message).toContain('exit code 1 (Error)');
    expect(finding?.message).toContain('restarted 4 times');
    expect(finding?.evidence.map((e) => e.kind)).toEqual(['field', 'field', 'event']);
    expect(finding?.sensitive).toEqual(expect.arrayContaining(['web-5d8f7-abcde', 'shop', 'web']));
  });

  it('quotes the log tail when the snapshot carries it', () => {
    const { cluster } = crashing();
    const snapshot = withPodLogs(snapshotOf(cluster.objects, podCrashLoop.kinds), [
      {
        namespace: 'shop',
        pod: 'web-5d8f7-abcde',
        container: 'web',
        previous: true,
        lines: ['starting', 'panic: no database'],
      },
    ]);
    const [finding] = podCrashLoop.analyze(snapshot, ctx);
    expect(finding?.message).toContain('last output: "panic: no database"');
    expect(finding?.evidence.find((e) => e.kind === 'log')?.detail).toBe('starting\npanic: no database');
  });

  it('leaves OOM kills and liveness kills to their own analyzers', () => {
    expect(analyzeWith(podCrashLoop, crashing('OOMKilled').cluster.objects)).toEqual([]);
    const liveness = crashing('Error', 'Liveness probe failed: HTTP probe failed with statuscode: 404');
    expect(analyzeWith(podCrashLoop, liveness.cluster.objects)).toEqual([]);
  });
});
