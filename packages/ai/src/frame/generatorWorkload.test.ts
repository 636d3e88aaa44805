import { describe, expect, it } from 'vitest';
import { planOffline } from '../planOffline.js';
import { memoryGateway, plannerCluster } from '../testing/index.js';

async function created(request: string) {
  const outcome = await planOffline(request, { gateway: memoryGateway(plannerCluster()) });
  if (outcome.kind !== 'plan') throw new Error(`not a plan: ${JSON.stringify(outcome)}`);
  const step = outcome.plan.steps[0];
  if (step?.op !== 'apply') throw new Error('no apply step');
  return { object: step.object, assumptions: outcome.plan.assumptions };
}

/** The value at a dotted path of an object (`spec.template.spec.containers.0.image`). */
const at = (o: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);

describe('workloads created from a description use the generator templates of @opspilot/manifests', () => {
  it("gives a Deployment the generator's rollout defaults and labels, with the planner's pod template and selector", async () => {
    const { object } = await created(
      'create a deployment web in todo with image nginx:1.27 and 3 replicas running on port 80',
    );
    expect(at(object, 'spec.strategy')).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
    });
    expect(at(object, 'spec.revisionHistoryLimit')).toBe(5);
    expect(at(object, 'spec.replicas')).toBe(3);
    expect(object.metadata.labels).toMatchObject({
      app: 'web',
      'app.kubernetes.io/name': 'web',
      'app.kubernetes.io/version': '1.27',
    });
    expect(at(object, 'spec.selector')).toEqual({ matchLabels: { app: 'web' } });
    expect(at(object, 'spec.template.metadata.labels')).toEqual({ app: 'web' });
    expect(at(object, 'spec.template.spec.containers.0.image')).toBe('nginx:1.27');
  });

  it("gives a Job the generator's retry, deadline and clean-up, and a CronJob its no-overlap policy", async () => {
    const job = (await created("create a job migrate in todo with image busybox:1.36 running 'date'")).object;
    expect(at(job, 'spec')).toMatchObject({
      backoffLimit: 3,
      activeDeadlineSeconds: 3600,
      ttlSecondsAfterFinished: 86400,
    });
    expect(at(job, 'spec.template.spec.restartPolicy')).toBe('Never');
    const cron = (await created("create a cronjob tick in todo with image busybox:1.36 running 'date' every 5 minutes"))
      .object;
    expect(at(cron, 'spec')).toMatchObject({ schedule: '*/5 * * * *', concurrencyPolicy: 'Forbid' });
    expect(at(cron, 'spec.jobTemplate.spec.template.spec.restartPolicy')).toBe('OnFailure');
  });

  it('still plans an image without a pinned tag, without the generator defaults, and says why', async () => {
    const { object, assumptions } = await created('create a deployment web2 in todo with image nginx');
    expect(at(object, 'spec.strategy')).toBeUndefined();
    expect(at(object, 'spec.template.spec.containers.0.image')).toBe('nginx');
    expect(assumptions.join('\n')).toMatch(/without the generator's defaults: .*pinned/);
  });
});
