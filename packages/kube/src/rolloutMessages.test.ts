import { describe, expect, it } from 'vitest';
import { daemonSetRolloutStatus, deploymentRolloutStatus, statefulSetRolloutStatus } from './rolloutMessages.js';
import { DaemonSetView, DeploymentView, StatefulSetView } from './workloadSchemas.js';

const deployment = (generation: number, spec: object, status: object) =>
  DeploymentView.parse({ metadata: { name: 'web', generation }, spec, status });

describe('deploymentRolloutStatus (kubectl rollout status)', () => {
  it.each([
    [
      deployment(2, { replicas: 3 }, { observedGeneration: 1 }),
      false,
      'Waiting for deployment spec update to be observed...',
    ],
    [
      deployment(2, { replicas: 3 }, { observedGeneration: 2, updatedReplicas: 1, replicas: 3 }),
      false,
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
    ],
    [
      deployment(2, { replicas: 3 }, { observedGeneration: 2, updatedReplicas: 3, replicas: 4 }),
      false,
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
    ],
    [
      deployment(2, { replicas: 3 }, { observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 2 }),
      false,
      'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...',
    ],
    [
      deployment(2, { replicas: 3 }, { observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 3 }),
      true,
      'deployment "web" successfully rolled out',
    ],
  ])('%#', (view, done, message) => {
    expect(deploymentRolloutStatus(view)).toMatchObject({ done, message });
  });

  it('fails on ProgressDeadlineExceeded', () => {
    const status = deploymentRolloutStatus(
      deployment(
        1,
        { replicas: 1 },
        {
          observedGeneration: 1,
          conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
        },
      ),
    );
    expect(status).toMatchObject({
      done: false,
      failed: true,
      message: 'deployment "web" exceeded its progress deadline',
    });
  });
});

describe('statefulSetRolloutStatus', () => {
  const sts = (spec: object, status: object) =>
    StatefulSetView.parse({ metadata: { name: 'db', generation: 1 }, spec, status });
  it.each([
    [sts({ replicas: 3 }, {}), false, 'Waiting for statefulset spec update to be observed...'],
    [sts({ replicas: 3 }, { observedGeneration: 1, readyReplicas: 1 }), false, 'Waiting for 2 pods to be ready...'],
    [
      sts(
        { replicas: 3, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } },
        { observedGeneration: 1, readyReplicas: 3, updatedReplicas: 1 },
      ),
      false,
      'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...',
    ],
    [
      sts(
        { replicas: 3 },
        {
          observedGeneration: 1,
          readyReplicas: 3,
          updatedReplicas: 2,
          currentRevision: 'db-1',
          updateRevision: 'db-2',
        },
      ),
      false,
      'waiting for statefulset rolling update to complete 2 pods at revision db-2...',
    ],
    [
      sts(
        { replicas: 3 },
        {
          observedGeneration: 1,
          readyReplicas: 3,
          currentReplicas: 3,
          currentRevision: 'db-2',
          updateRevision: 'db-2',
        },
      ),
      true,
      'statefulset rolling update complete 3 pods at revision db-2...',
    ],
    [
      sts({ replicas: 3, updateStrategy: { type: 'OnDelete' } }, {}),
      false,
      'rollout status is only available for RollingUpdate strategy type',
    ],
  ])('%#', (view, done, message) => {
    expect(statefulSetRolloutStatus(view)).toMatchObject({ done, message });
  });
});

describe('daemonSetRolloutStatus', () => {
  const ds = (status: object) => DaemonSetView.parse({ metadata: { name: 'agent', generation: 1 }, spec: {}, status });
  it.each([
    [ds({}), false, 'Waiting for daemon set spec update to be observed...'],
    [
      ds({ observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 1 }),
      false,
      'Waiting for daemon set "agent" rollout to finish: 1 out of 3 new pods have been updated...',
    ],
    [
      ds({ observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 2 }),
      false,
      'Waiting for daemon set "agent" rollout to finish: 2 of 3 updated pods are available...',
    ],
    [
      ds({ observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3 }),
      true,
      'daemon set "agent" successfully rolled out',
    ],
  ])('%#', (view, done, message) => {
    expect(daemonSetRolloutStatus(view)).toMatchObject({ done, message });
  });
});
