import type { KubeObject } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { replicasTouched } from './replicasTouched.js';

const workload = (kind: string, spec: Record<string, unknown>): KubeObject =>
  ({ apiVersion: 'apps/v1', kind, metadata: { name: 'w', namespace: 'n' }, spec }) as KubeObject;

describe('replicasTouched', () => {
  it('reads a Deployment rolling update: 25% each by default, at least one pod', () => {
    expect(replicasTouched(workload('Deployment', { replicas: 10 }))).toEqual({ touched: 3, replicas: 10 });
    expect(replicasTouched(workload('Deployment', { replicas: 2 }))).toEqual({ touched: 1, replicas: 2 });
    expect(
      replicasTouched(
        workload('Deployment', { replicas: 10, strategy: { rollingUpdate: { maxUnavailable: 5, maxSurge: '10%' } } }),
      ),
    ).toEqual({ touched: 5, replicas: 10 });
  });
  it('counts every pod under Recreate, one at a time for a StatefulSet, and nothing for other kinds', () => {
    expect(replicasTouched(workload('Deployment', { replicas: 4, strategy: { type: 'Recreate' } }))).toEqual({
      touched: 4,
      replicas: 4,
    });
    expect(replicasTouched(workload('StatefulSet', { replicas: 5 }))).toEqual({ touched: 1, replicas: 5 });
    expect(replicasTouched(workload('Service', {}))).toBeUndefined();
  });
});
