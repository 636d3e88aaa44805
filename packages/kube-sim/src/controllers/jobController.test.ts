import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './__fixtures__/harness.js';
import { formatIndexes } from './jobConditions.js';

type Json = Record<string, unknown>;
let h: Harness;

const job = (name: string, image: string, spec: Json = {}, restartPolicy = 'Never', command?: string[]) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name, namespace: 'default' },
  spec: {
    template: { spec: { restartPolicy, containers: [{ name: 'work', image, ...(command ? { command } : {}) }] } },
    ...spec,
  },
});
const status = (name: string) => (h.get('Job', name)?.status ?? {}) as Json;
const conditionTypes = (name: string) =>
  ((status(name).conditions as Json[] | undefined) ?? []).filter((c) => c.status === 'True').map((c) => c.type);
const podsOf = (name: string) => h.list('Pod').filter((p) => p.metadata.labels?.['job-name'] === name);
const phases = (name: string) => podsOf(name).map((p) => (p.status as Json).phase);

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.sim.stop());

describe('Job controller', () => {
  it('runs pods up to parallelism until the completions succeed', async () => {
    h.create(job('batch', 'opspilot/batch:1.0', { completions: 3, parallelism: 2 }));
    await h.settle();
    expect(podsOf('batch')).toHaveLength(2);
    expect(podsOf('batch')[0]!.metadata.name).toMatch(/^batch-[a-z0-9]{5}$/);
    expect(status('batch')).toMatchObject({ active: 2, startTime: '2026-01-01T00:00:00Z' });
    await h.advance(2000);
    expect(status('batch')).toMatchObject({ active: 2, ready: 2 });
    await h.advance(4500);
    expect(phases('batch').filter((p) => p === 'Succeeded')).toHaveLength(2);
    const done = podsOf('batch').find((p) => (p.status as Json).phase === 'Succeeded')!;
    expect(((done.status as Json).containerStatuses as Json[])[0]!.state).toMatchObject({
      terminated: { exitCode: 0, reason: 'Completed' },
    });
    expect(podsOf('batch')).toHaveLength(3);
    await h.advance(6500);
    expect(status('batch')).toMatchObject({ succeeded: 3, ready: 0, completionTime: expect.any(String) });
    expect(status('batch').active).toBeUndefined();
    expect(conditionTypes('batch')).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect((status('batch').conditions as Json[])[1]).toMatchObject({ reason: 'CompletionsReached' });
    expect(h.events('Completed')[0]!.message).toBe('Job completed');
  });

  it('fails with BackoffLimitExceeded after backing off between failed pods', async () => {
    h.create(job('flaky', 'opspilot/batch-fail:1.0', { backoffLimit: 1 }));
    await h.advance(3500);
    expect(phases('flaky')).toEqual(['Failed']);
    expect(status('flaky')).toMatchObject({ failed: 1 });
    await h.advance(5000);
    expect(podsOf('flaky')).toHaveLength(1);
    await h.advance(6000);
    expect(podsOf('flaky')).toHaveLength(2);
    await h.advance(4000);
    expect(conditionTypes('flaky')).toEqual(['FailureTarget', 'Failed']);
    expect((status('flaky').conditions as Json[])[1]).toMatchObject({
      reason: 'BackoffLimitExceeded',
      message: 'Job has reached the specified backoff limit',
    });
    expect(status('flaky')).toMatchObject({ failed: 2 });
    expect(status('flaky').completionTime).toBeUndefined();
  });

  it('counts container restarts as failures under OnFailure', async () => {
    h.create(job('retry', 'opspilot/batch-fail:1.0', { backoffLimit: 1 }, 'OnFailure'));
    await h.advance(30_000);
    expect(podsOf('retry')).toHaveLength(1);
    expect(status('retry')).toMatchObject({ failed: 1, active: 1 });
    await h.advance(10_000);
    expect(conditionTypes('retry')).toEqual(['FailureTarget', 'Failed']);
    expect(podsOf('retry')).toHaveLength(0);
  });

  it('fails with DeadlineExceeded after activeDeadlineSeconds and deletes the running pods', async () => {
    h.create(job('slow', 'nginx:1.27', { activeDeadlineSeconds: 5 }));
    await h.advance(4000);
    expect(conditionTypes('slow')).toEqual([]);
    await h.advance(1500);
    expect((status('slow').conditions as Json[])[1]).toMatchObject({
      type: 'Failed',
      reason: 'DeadlineExceeded',
      message: 'Job was active longer than specified deadline',
    });
    expect(podsOf('slow')).toHaveLength(0);
  });

  it('suspends and resumes', async () => {
    h.create(job('later', 'opspilot/batch', { suspend: true }));
    await h.settle();
    expect(podsOf('later')).toHaveLength(0);
    expect(status('later').conditions).toEqual([
      expect.objectContaining({ type: 'Suspended', reason: 'JobSuspended' }),
    ]);
    expect(status('later').startTime).toBeUndefined();
    await h.advance(5000);
    h.update('Job', 'later', (j) => {
      (j.spec as Json).suspend = false;
    });
    await h.settle();
    expect(podsOf('later')).toHaveLength(1);
    expect(status('later').startTime).toBe('2026-01-01T00:00:05Z');
    expect(status('later').conditions).toEqual([
      expect.objectContaining({ type: 'Suspended', status: 'False', reason: 'JobResumed' }),
    ]);
  });

  it('deletes a finished job and its pods after ttlSecondsAfterFinished', async () => {
    h.create(job('short', 'busybox:1.36', { ttlSecondsAfterFinished: 10 }, 'Never', ['sh', '-c', 'echo done']));
    await h.advance(2500);
    expect(conditionTypes('short')).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(podsOf('short')).toHaveLength(1);
    await h.advance(9000);
    expect(h.get('Job', 'short')).toBeDefined();
    await h.advance(1500);
    expect(h.get('Job', 'short')).toBeUndefined();
    expect(podsOf('short')).toHaveLength(0);
  });

  it('gives Indexed jobs one pod per completion index', async () => {
    h.create(job('idx', 'opspilot/batch', { completions: 3, parallelism: 3, completionMode: 'Indexed' }));
    await h.settle();
    const names = podsOf('idx')
      .map((p) => p.metadata.name)
      .sort();
    expect(names.map((n) => n.replace(/-[a-z0-9]{5}$/, ''))).toEqual(['idx-0', 'idx-1', 'idx-2']);
    const pod = podsOf('idx').find((p) => p.metadata.name.startsWith('idx-1-'))!;
    expect(pod.metadata.annotations?.['batch.kubernetes.io/job-completion-index']).toBe('1');
    expect((pod.spec as Json).hostname).toBe('idx-1');
    await h.advance(6500);
    expect(status('idx')).toMatchObject({ succeeded: 3, completedIndexes: '0-2' });
    expect(formatIndexes([4, 0, 1, 2, 7, 8])).toBe('0-2,4,7-8');
  });

  it('applies the podFailurePolicy: ignored exit codes do not count, FailJob fails at once', async () => {
    const policy = (action: string, values: number[]) => ({
      backoffLimit: 0,
      podFailurePolicy: { rules: [{ action, onExitCodes: { containerName: 'work', operator: 'In', values } }] },
    });
    h.create(job('ignored', 'busybox:1.36', policy('Ignore', [3]), 'Never', ['sh', '-c', 'sleep 2; exit 3']));
    h.create(job('fatal', 'busybox:1.36', policy('FailJob', [42]), 'Never', ['sh', '-c', 'exit 42']));
    await h.advance(4000);
    expect(conditionTypes('ignored')).toEqual([]);
    expect(status('ignored').failed).toBeUndefined();
    expect(conditionTypes('fatal')).toEqual(['FailureTarget', 'Failed']);
    const pod = podsOf('fatal')[0]!;
    expect((status('fatal').conditions as Json[])[1]).toMatchObject({
      reason: 'PodFailurePolicy',
      message: `Container work for pod default/${pod.metadata.name} failed with exit code 42 matching FailJob rule at index 0`,
    });
  });

  it('stops at a ResourceQuota with the FailedCreate event the API server refusal gives', async () => {
    h.sim.store.create(h.sim.api.registry.find('', 'v1', 'resourcequotas')!, {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'small', namespace: 'default' },
      spec: { hard: { pods: '1' } },
    });
    h.create(job('wide', 'opspilot/batch', { completions: 2, parallelism: 2 }));
    await h.settle();
    expect(podsOf('wide')).toHaveLength(1);
    // Each refused pod has a new name: after ten within ten minutes the recorder combines them into one Event.
    const failed = h.events('FailedCreate').find((e) => !String(e.message).startsWith('(combined'))!;
    expect(failed.type).toBe('Warning');
    expect(failed.message).toMatch(/^Error creating: pods "wide-[a-z0-9]{5}" is forbidden: exceeded quota: small/);
    expect(status('wide')).toMatchObject({ active: 1 });
  });
});
