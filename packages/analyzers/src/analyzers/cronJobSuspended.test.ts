import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { cronJobSuspended } from './cronJobSuspended.js';

describe('cronjob-suspended', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(cronJobSuspended, healthyCluster().objects)).toEqual([]);
  });

  it('reports a suspended CronJob with the patch resuming it', () => {
    const cluster = healthyCluster();
    (cluster.find('CronJob', 'nightly').spec as Record<string, unknown>).suspend = true;
    const [finding] = analyzeWith(cronJobSuspended, cluster.objects);
    expect(finding?.message).toBe(
      'CronJob shop/nightly is suspended: it schedules no runs (last run 2026-01-01T03:00:00Z)',
    );
    expect(finding?.proposedFix?.patch).toEqual({ type: 'merge', body: { spec: { suspend: false } } });
  });
});
