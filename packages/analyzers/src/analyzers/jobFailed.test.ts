import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { jobFailed } from './jobFailed.js';

describe('job-failed', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(jobFailed, healthyCluster().objects)).toEqual([]);
  });

  it('reports a job that exceeded its back-off limit', () => {
    const cluster = healthyCluster();
    cluster.find('Job', 'migrate').status = {
      failed: 7,
      conditions: [
        {
          type: 'Failed',
          status: 'True',
          reason: 'BackoffLimitExceeded',
          message: 'Job has reached the specified backoff limit',
        },
      ],
    };
    const [finding] = analyzeWith(jobFailed, cluster.objects);
    expect(finding?.message).toBe(
      'Job shop/migrate failed: BackoffLimitExceeded – Job has reached the specified backoff limit (7 failed pods)',
    );
    expect(finding?.proposedFix?.command).toBe('kubectl logs -n shop job/migrate');
  });
});
