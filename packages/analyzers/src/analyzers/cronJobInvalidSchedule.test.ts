import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { cronScheduleProblem } from '../cronSchedule.js';
import { cronJobInvalidSchedule } from './cronJobInvalidSchedule.js';

describe('cronjob-invalid-schedule', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(cronJobInvalidSchedule, healthyCluster().objects)).toEqual([]);
  });

  it('reports a schedule that does not parse', () => {
    const cluster = healthyCluster();
    (cluster.find('CronJob', 'nightly').spec as Record<string, unknown>).schedule = '0 25 * * *';
    expect(analyzeWith(cronJobInvalidSchedule, cluster.objects)[0]?.message).toBe(
      'CronJob shop/nightly has an invalid schedule "0 25 * * *": hour "25" is out of range 0-23',
    );
  });

  it('reports a negative starting deadline', () => {
    const cluster = healthyCluster();
    (cluster.find('CronJob', 'nightly').spec as Record<string, unknown>).startingDeadlineSeconds = -5;
    expect(analyzeWith(cronJobInvalidSchedule, cluster.objects)[0]?.message).toContain(
      'negative startingDeadlineSeconds (-5)',
    );
  });

  it('knows the cron syntax', () => {
    for (const ok of [
      '*/15 * * * *',
      '0 9-17 * * MON-FRI',
      '30 2 1,15 jan,jul *',
      '@hourly',
      'CRON_TZ=UTC 0 0 * * 0',
      '0 0 * * 7',
    ]) {
      expect(cronScheduleProblem(ok)).toBeUndefined();
    }
    expect(cronScheduleProblem('* * * *')).toMatch(/expected 5 fields/);
    expect(cronScheduleProblem('*/0 * * * *')).toMatch(/step/);
    expect(cronScheduleProblem('0 0 * 13 *')).toMatch(/month "13"/);
    expect(cronScheduleProblem('5-1 * * * *')).toMatch(/ends before it starts/);
    expect(cronScheduleProblem('@sometimes')).toMatch(/unknown macro/);
  });
});
