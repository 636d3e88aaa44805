import type { PlanStep } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { destructiveDeletes } from './destructiveDeletes.js';

const del = (kind: string, name: string, namespace?: string): PlanStep => ({
  op: 'delete',
  target: { kind, name, namespace },
  description: `delete ${kind} ${name}`,
});

describe('destructiveDeletes', () => {
  it.each([
    ['Secret', /deletes Secret todo\/db-creds: loses the credentials/],
    ['Deployment', /deletes Deployment todo\/db-creds: loses its pods: what it serves goes down/],
    ['Service', /deletes Service todo\/db-creds: loses the stable address/],
    ['StatefulSet', /stable identities/],
    ['DaemonSet', /pod on every node/],
    ['Job', /output/],
    ['CronJob', /schedule/],
    ['Ingress', /external traffic/],
    ['ServiceAccount', /identity and tokens/],
    ['RoleBinding', /permissions/],
    ['NetworkPolicy', /allowed again/],
    ['PersistentVolumeClaim', /data/],
  ])('a delete of a %s is destructive', (kind, reason) => {
    expect(destructiveDeletes(del(kind, 'db-creds', 'todo'))).toEqual([expect.stringMatching(reason)]);
  });

  it('names cluster-scoped objects without a namespace', () => {
    expect(destructiveDeletes(del('Namespace', 'todo'))).toEqual(['deletes Namespace todo: loses every object in it']);
  });

  it.each(['ConfigMap', 'Pod', 'HorizontalPodAutoscaler', 'PodDisruptionBudget'])(
    'a delete of a %s is not (it stays a write)',
    (kind) => expect(destructiveDeletes(del(kind, 'x', 'todo'))).toEqual([]),
  );

  it('says nothing about steps that delete nothing', () => {
    const scale: PlanStep = {
      op: 'scale',
      target: { kind: 'Deployment', name: 'backend', namespace: 'todo' },
      replicas: 0,
      description: 'scale to 0',
    };
    expect(destructiveDeletes(scale)).toEqual([]);
  });
});
