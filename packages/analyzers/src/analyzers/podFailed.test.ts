import { describe, expect, it } from 'vitest';
import { analyzeWith, pod } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { podFailed } from './podFailed.js';

function failedPod(name: string, exitCode: number, ownerReferences?: unknown) {
  const p = pod(
    name,
    'shop',
    { containers: [{ name: 'main', image: 'busybox:1.36' }], restartPolicy: 'Never' },
    ownerReferences ? { ownerReferences } : {},
  );
  p.status = {
    phase: exitCode === 0 ? 'Succeeded' : 'Failed',
    containerStatuses: [
      {
        name: 'main',
        ready: false,
        restartCount: 0,
        state: {
          terminated: {
            exitCode,
            reason: exitCode ? 'Error' : 'Completed',
            message: 'psql: error: connection refused',
          },
        },
      },
    ],
  };
  return p;
}

describe('pod-failed', () => {
  it('reports nothing on a healthy cluster, nor on a pod that succeeded or one a Job owns', () => {
    expect(analyzeWith(podFailed, healthyCluster().objects)).toEqual([]);
    const cluster = healthyCluster();
    const job = cluster.find('Job', 'migrate');
    cluster.add(
      failedPod('done', 0),
      failedPod('migrate-abc', 1, [
        { apiVersion: 'batch/v1', kind: 'Job', name: 'migrate', uid: job.metadata.uid, controller: true },
      ]),
    );
    expect(analyzeWith(podFailed, cluster.objects)).toEqual([]);
  });

  it('reports a bare pod that exited non-zero, with its exit code and last message', () => {
    const cluster = healthyCluster().add(failedPod('db-restore', 2));
    const [finding] = analyzeWith(podFailed, cluster.objects);
    expect(finding?.message).toBe(
      'Pod shop/db-restore failed: container main exited with code 2 (Error): psql: error: connection refused; no controller will run it again',
    );
    expect(finding?.proposedFix?.command).toBe('kubectl logs -n shop db-restore -c main');
  });
});
