import type { CostRecommendation, KubeObject } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { rightsizeRecord } from './recommendationRecords.js';
import { liveResources, resourceDrift, rightsizePlan } from './rightsizePlan.js';

const MI = 2 ** 20;

const deployment = (resources: unknown): KubeObject =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'backend', namespace: 'todo' },
    spec: { template: { spec: { containers: [{ name: 'app', image: 'x', resources }] } } },
  }) as KubeObject;

function recommendation(): CostRecommendation {
  const record = rightsizeRecord({
    namespace: 'todo',
    workload: { kind: 'Deployment', name: 'backend' },
    container: 'app',
    pod: 'backend-1',
    status: 'RECOMMENDED',
    reason: 'p95',
    current: { cpu_request: 0.5, cpu_limit: 1, memory_request: 512 * MI, memory_limit: 512 * MI },
    recommended: { cpu_request: 0.12, memory_request: 180 * MI, memory_limit: 180 * MI },
    history_hours: 48,
    confidence: 0.5,
    current_monthly_cost: 10,
    estimated_monthly_savings: 6,
    cluster_id: '00000000-0000-4000-8000-000000000001',
    cluster: 'c',
    replicas: 1,
  });
  return {
    ...record,
    id: '00000000-0000-4000-8000-0000000000aa',
    currency: 'USD',
    status: 'OPEN',
    created_at: '2026-12-06T00:00:00Z',
  } as CostRecommendation;
}

describe('rightsizing plans', () => {
  it('patches exactly the container resources, removing the CPU limit', () => {
    const rec = recommendation();
    expect(rec.proposed_change).toMatchObject({
      container: 'app',
      resources: { requests: { cpu: '120m', memory: '180Mi' }, limits: { memory: '180Mi' } },
      remove_cpu_limit: true,
    });
    const plan = rightsizePlan(rec, []);
    expect(plan.risk).toBe('write');
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]).toMatchObject({
      op: 'apply',
      mode: 'patch',
      object: {
        kind: 'Deployment',
        metadata: { name: 'backend', namespace: 'todo' },
        spec: {
          template: {
            spec: {
              containers: [
                {
                  name: 'app',
                  resources: { requests: { cpu: '120m', memory: '180Mi' }, limits: { memory: '180Mi', cpu: null } },
                },
              ],
            },
          },
        },
      },
    });
    expect(plan.rendered.bash).toContain('kubectl');
  });

  it('reads live resources and names what drifted', () => {
    const live = liveResources(
      deployment({ requests: { cpu: '500m', memory: '512Mi' }, limits: { cpu: '1', memory: '512Mi' } }),
      'app',
    )!;
    expect(resourceDrift(recommendation().proposed_change.current as never, live)).toEqual([]);
    const changed = liveResources(
      deployment({ requests: { cpu: '300m', memory: '512Mi' }, limits: { memory: '512Mi' } }),
      'app',
    )!;
    expect(resourceDrift(recommendation().proposed_change.current as never, changed)).toEqual([
      'cpu request was 0.5, is now 0.3',
      'cpu limit was 1, is now unset',
    ]);
    expect(liveResources(deployment({}), 'other')).toBeUndefined();
  });

  it('refuses recommendations that are not rightsizing', () => {
    expect(() => rightsizePlan({ ...recommendation(), type: 'STORAGE' }, [])).toThrow(/not a rightsizing one/);
  });
});
