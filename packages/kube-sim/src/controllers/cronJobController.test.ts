import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StatusError } from '../api/statusError.js';
import { type Harness, startHarness } from './__fixtures__/harness.js';
import { cronJobName } from './cronJobController.js';
import { cronJobCauses, parseSchedule } from './cronSchedule.js';

type Json = Record<string, unknown>;
let h: Harness;

const cronJob = (name: string, schedule: string, spec: Json = {}, image = 'opspilot/batch:1.0') => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name, namespace: 'default' },
  spec: {
    schedule,
    jobTemplate: {
      metadata: { labels: { team: 'data' } },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'work', image }] } } },
    },
    ...spec,
  },
});
const jobNames = () =>
  h
    .list('Job')
    .map((j) => j.metadata.name)
    .sort();
const status = (name: string) => (h.get('CronJob', name)!.status ?? {}) as Json;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.sim.stop());

describe('cron schedules', () => {
  it('parses the 5-field format and descriptors in a time zone', () => {
    const at = new Date('2026-01-01T00:07:00Z');
    const next = (s: string, tz?: string) => {
      const r = parseSchedule(s, tz);
      if (!r.ok) throw new Error(r.error);
      return r.value.next(at).toISOString();
    };
    expect(next('*/5 * * * *')).toBe('2026-01-01T00:10:00.000Z');
    expect(next('@hourly')).toBe('2026-01-01T01:00:00.000Z');
    expect(next('@weekly')).toBe('2026-01-04T00:00:00.000Z');
    expect(next('0 9 * * mon-fri', 'America/New_York')).toBe('2026-01-01T14:00:00.000Z');
    expect(next('@every 90s')).toBe('2026-01-01T00:08:30.000Z');
  });

  it('refuses invalid schedules with the standard parser messages', () => {
    const error = (s: string) => {
      const r = parseSchedule(s);
      return r.ok ? undefined : r.error;
    };
    expect(error('bad')).toBe('expected exactly 5 fields, found 1: [bad]');
    expect(error('61 * * * *')).toBe('end of range (61) above maximum (59): 61');
    expect(error('* * 0 * *')).toBe('beginning of range (0) below minimum (1): 0');
    expect(error('@often')).toBe('unrecognized descriptor: @often');
    expect(error('* * * * * *')).toBe('expected exactly 5 fields, found 6: [* * * * * *]');
    expect(cronJobCauses({ schedule: 'TZ=UTC 0 * * * *' })[0]!.message).toContain('use timeZone field instead');
    expect(cronJobCauses({ schedule: '0 * * * *', timeZone: 'Mars/Olympus' })[0]).toMatchObject({
      field: 'spec.timeZone',
      message: 'Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus',
    });
  });

  it('is refused at admission with 422', () => {
    let thrown: unknown;
    try {
      h.create(cronJob('broken', 'every minute'));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(StatusError);
    expect((thrown as StatusError).code).toBe(422);
    expect((thrown as StatusError).message).toBe(
      'CronJob.batch "broken" is invalid: spec.schedule: Invalid value: "every minute": expected exactly 5 fields, found 2: [every minute]',
    );
  });
});

describe('CronJob controller', () => {
  it('creates <name>-<minutes> jobs when due and records the schedule and success times', async () => {
    h.create(cronJob('report', '*/1 * * * *'));
    await h.advance(59_000);
    expect(jobNames()).toEqual([]);
    await h.advance(1_000);
    const expected = cronJobName('report', new Date('2026-01-01T00:01:00Z'));
    expect(expected).toBe(`report-${Date.parse('2026-01-01T00:01:00Z') / 60_000}`);
    expect(jobNames()).toEqual([expected]);
    const job = h.get('Job', expected)!;
    expect(job.metadata.labels).toEqual({ team: 'data' });
    expect(job.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2026-01-01T00:01:00Z');
    expect(job.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'report', controller: true });
    expect(status('report')).toMatchObject({
      lastScheduleTime: '2026-01-01T00:01:00Z',
      active: [expect.objectContaining({ kind: 'Job', name: expected })],
    });
    await h.advance(8_000);
    expect(status('report').active).toBeUndefined();
    expect(status('report').lastSuccessfulTime).toBe('2026-01-01T00:01:06Z');
    expect(h.events('SawCompletedJob')[0]!.message).toBe(`Saw completed job: ${expected}, status: Complete`);
  });

  it('keeps the history limits', async () => {
    h.create(cronJob('often', '* * * * *', { successfulJobsHistoryLimit: 2 }));
    await h.advance(4 * 60_000 + 10_000, 2000);
    expect(jobNames()).toHaveLength(2);
    expect(jobNames()[1]).toBe(cronJobName('often', new Date('2026-01-01T00:04:00Z')));
  });

  it('skips a run while the previous one is active under Forbid and replaces it under Replace', async () => {
    h.create(cronJob('forbid', '* * * * *', { concurrencyPolicy: 'Forbid' }, 'nginx:1.27'));
    h.create(cronJob('replace', '* * * * *', { concurrencyPolicy: 'Replace' }, 'nginx:1.27'));
    await h.advance(2 * 60_000 + 5_000, 2000);
    const of = (cj: string) => h.list('Job').filter((j) => j.metadata.ownerReferences?.[0]?.name === cj);
    expect(of('forbid').map((j) => j.metadata.name)).toEqual([cronJobName('forbid', new Date('2026-01-01T00:01:00Z'))]);
    expect(of('replace').map((j) => j.metadata.name)).toEqual([
      cronJobName('replace', new Date('2026-01-01T00:02:00Z')),
    ]);
    expect(h.events('JobAlreadyActive')).toHaveLength(1);
    expect(status('forbid').lastScheduleTime).toBe('2026-01-01T00:01:00Z');
  });

  it('does nothing while suspended and honours startingDeadlineSeconds', async () => {
    h.create(cronJob('paused', '* * * * *', { suspend: true }));
    await h.advance(3 * 60_000, 5000);
    expect(jobNames()).toEqual([]);
    h.update('CronJob', 'paused', (cj) => {
      (cj.spec as Json).suspend = false;
      (cj.spec as Json).startingDeadlineSeconds = 30;
    });
    await h.settle();
    expect(jobNames()).toEqual([cronJobName('paused', new Date('2026-01-01T00:03:00Z'))]);
  });
});
