import type { CiRun, DeploymentRecord } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { doraMetrics } from './doraMetrics.js';

const cluster = '11111111-1111-4111-8111-111111111111';
let n = 0;
function deploy(workload: string, at: string, extra: Partial<DeploymentRecord> = {}): DeploymentRecord {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    cluster_id: cluster,
    namespace: 'shop',
    workload_kind: 'Deployment',
    workload,
    service: workload,
    images: [`img/${workload}:${n}`],
    rollback: false,
    deployed_at: at,
    created_at: at,
    ...extra,
  };
}
function run(id: string, commitAt: string): CiRun {
  return {
    id,
    provider: 'GITHUB',
    kind: 'WORKFLOW_RUN',
    run_key: id,
    external_id: id,
    repository: 'acme/shop',
    pipeline: 'CI',
    status: 'SUCCEEDED',
    tag: false,
    trigger: 'push',
    stages: [],
    commit_at: commitAt,
    created_at: commitAt,
    updated_at: commitAt,
  };
}

const R1 = 'aaaaaaaa-0000-4000-8000-000000000001';
const R2 = 'aaaaaaaa-0000-4000-8000-000000000002';
const R3 = 'aaaaaaaa-0000-4000-8000-000000000003';

// A week: cart deploys four times (one fails and is rolled back, one is followed by an incident), search once.
const deployments = [
  deploy('cart', '2026-11-02T10:00:00.000Z', { run_id: R1 }),
  deploy('cart', '2026-11-03T10:00:00.000Z', { run_id: R2 }),
  deploy('cart', '2026-11-03T10:30:00.000Z', { rollback: true, images: ['img/cart:1'] }),
  deploy('cart', '2026-11-05T09:00:00.000Z', { run_id: R3 }),
  deploy('cart', '2026-11-06T12:00:00.000Z'),
  deploy('search', '2026-11-04T00:00:00.000Z'),
  deploy('cart', '2026-10-20T00:00:00.000Z'),
];
const runs = new Map([
  [R1, run(R1, '2026-11-02T08:00:00.000Z')],
  [R2, run(R2, '2026-11-03T06:00:00.000Z')],
  [R3, run(R3, '2026-11-04T09:00:00.000Z')],
]);
const incidents = [
  {
    detected_at: '2026-11-05T11:00:00.000Z',
    resolved_at: '2026-11-05T12:30:00.000Z',
    affected_resources: [{ kind: 'Pod', namespace: 'shop', name: 'cart-7d9f-abcde' }],
  },
  {
    detected_at: '2026-11-07T08:00:00.000Z',
    resolved_at: '2026-11-07T08:30:00.000Z',
    affected_resources: [{ kind: 'Deployment', namespace: 'shop', name: 'search' }],
  },
  {
    detected_at: '2026-11-08T01:00:00.000Z',
    affected_resources: [{ kind: 'Deployment', namespace: 'shop', name: 'cart' }],
  },
];
const range = { from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-09T00:00:00Z') };

describe('doraMetrics', () => {
  it('computes the four keys per service on a known week', () => {
    const [cart, search] = doraMetrics({ deployments, runs, incidents, ...range, groupBy: 'service' });
    expect(cart).toEqual({
      key: 'shop/cart',
      namespace: 'shop',
      service: 'cart',
      deployments: 4,
      rollbacks: 1,
      deployments_per_day: 0.571,
      // 2 h, 4 h and 24 h from commit to deploy.
      lead_time_hours: { median: 4, p90: 20, samples: 3 },
      // the 3 Nov deployment was rolled back; the 5 Nov one was followed by an incident within 24 h.
      change_failure_rate: 0.5,
      failed_deployments: 2,
      time_to_restore_hours: { median: 1.5, samples: 1, open_incidents: 1 },
    });
    expect(search).toMatchObject({
      key: 'shop/search',
      deployments: 1,
      lead_time_hours: { median: null, samples: 0 },
      change_failure_rate: 0,
      time_to_restore_hours: { median: 0.5, samples: 1, open_incidents: 0 },
    });
  });

  it('groups by namespace and says "no data" as null, not zero', () => {
    const [shop] = doraMetrics({ deployments, runs, incidents, ...range, groupBy: 'namespace' });
    // Per namespace any incident in it counts: the search incident of 7 Nov also follows cart's 6 Nov deployment.
    expect(shop).toMatchObject({
      key: 'shop',
      deployments: 5,
      rollbacks: 1,
      failed_deployments: 3,
      change_failure_rate: 0.6,
    });
    expect(shop!.time_to_restore_hours).toEqual({ median: 1, samples: 2, open_incidents: 1 });
    expect(doraMetrics({ deployments: [], runs, incidents, ...range, groupBy: 'service' })).toEqual([]);
  });
});
