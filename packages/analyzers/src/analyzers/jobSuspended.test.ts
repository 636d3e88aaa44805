import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { jobSuspended } from './jobSuspended.js';

describe('job-suspended', () => {
  it('reports nothing on a healthy cluster, nor on a finished Job left suspended', () => {
    expect(analyzeWith(jobSuspended, healthyCluster().objects)).toEqual([]);
    const cluster = healthyCluster();
    (cluster.find('Job', 'migrate').spec as Record<string, unknown>).suspend = true;
    expect(analyzeWith(jobSuspended, cluster.objects)).toEqual([]);
  });

  it('reports a suspended Job that has not run, with the patch resuming it', () => {
    const cluster = healthyCluster();
    const job = cluster.find('Job', 'migrate');
    (job.spec as Record<string, unknown>).suspend = true;
    job.status = {
      conditions: [
        { type: 'Suspended', status: 'True', reason: 'JobSuspended', lastTransitionTime: '2026-01-01T10:00:00Z' },
      ],
    };
    const [finding] = analyzeWith(jobSuspended, cluster.objects);
    expect(finding?.message).toBe(
      'Job shop/migrate is suspended since 2026-01-01T10:00:00Z: none of its pods run until it is resumed',
    );
    expect(finding?.proposedFix?.command).toBe(
      `kubectl patch job/migrate -n shop --type merge -p '{"spec":{"suspend":false}}'`,
    );
  });
});
