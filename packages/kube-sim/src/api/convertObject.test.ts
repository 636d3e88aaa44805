import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../store/kubeObject.js';
import { convertObject } from './convertObject.js';

describe('convertObject', () => {
  it('renames core Event fields to their events.k8s.io/v1 names and back', () => {
    const core: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'e', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'p' },
      message: 'Pulled',
      count: 3,
      reason: 'Pulled',
    };
    const events = convertObject(core, 'events.k8s.io/v1');
    expect(events).toMatchObject({
      apiVersion: 'events.k8s.io/v1',
      regarding: { name: 'p' },
      note: 'Pulled',
      deprecatedCount: 3,
    });
    expect(events.involvedObject).toBeUndefined();
    expect(convertObject(events, 'v1')).toEqual(core);
  });

  it('round-trips an autoscaling/v2 HPA with several metrics through v1 annotations', () => {
    const v2: KubeObject = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'h' },
      spec: {
        maxReplicas: 4,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } },
          { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '500Mi' } } },
        ],
      },
    };
    const v1 = convertObject(v2, 'autoscaling/v1');
    expect(v1.spec).toEqual({ maxReplicas: 4, targetCPUUtilizationPercentage: 60 });
    expect(v1.metadata.annotations?.['autoscaling.alpha.kubernetes.io/metrics']).toContain('memory');
    expect(convertObject(v1, 'autoscaling/v2')).toEqual(v2);
  });
});
