import type { PlanOutcome } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHRASINGS } from './__fixtures__/phrasings.js';
import { type SimPlannerCluster, startSimPlannerCluster } from './__fixtures__/simPlannerCluster.js';
import { planRequest } from './planRequest.js';

let cluster: SimPlannerCluster;
beforeAll(async () => {
  cluster = await startSimPlannerCluster();
});
afterAll(async () => {
  await cluster?.stop();
});

function check(outcome: PlanOutcome, expected: (typeof PHRASINGS)[number]): void {
  expect(outcome.kind, JSON.stringify(outcome)).toBe(expected.kind);
  if (outcome.kind === 'plan') {
    if (expected.step) expect(outcome.plan.steps[0]).toMatchObject(expected.step);
    if (expected.risk) expect(outcome.plan.risk).toBe(expected.risk);
    if (expected.bash) expect(outcome.plan.rendered.bash).toContain(expected.bash);
    expect(outcome.plan.rendered.powershell.length).toBeGreaterThan(0);
  }
  if (outcome.kind === 'question' && expected.candidates !== undefined) {
    expect(outcome.candidates.map((c) => c.label).sort()).toEqual([...expected.candidates].sort());
  }
  if (outcome.kind === 'unsupported') expect(outcome.suggestions.length).toBeGreaterThan(0);
}

describe('phrasing suite: plain English against the simulated demo cluster through the real gateway', () => {
  it('has at least 60 phrasings', () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(PHRASINGS.map((p) => [p.say, p] as const))('%s', async (say, expected) => {
    check(await planRequest(say, { gateway: cluster.gateway }), expected);
  });

  it('deletes one pod named by its generated name', async () => {
    const [pod] = await cluster.gateway.list('Pod', { namespace: 'todo', labelSelector: 'app=backend' });
    if (!pod) throw new Error('the controllers created no backend pod');
    const outcome = await planRequest(`delete pod ${pod.metadata.name}`, { gateway: cluster.gateway });
    check(outcome, {
      say: '',
      kind: 'plan',
      risk: 'write',
      step: { op: 'delete', target: { kind: 'Pod', name: pod.metadata.name, namespace: 'todo' } },
    });
  });

  it('never wrote while planning: the demo workloads are as they were', async () => {
    const backend = await cluster.gateway.get({ kind: 'Deployment', name: 'backend', namespace: 'todo' });
    expect((backend?.spec as { replicas?: number } | undefined)?.replicas).toBe(2);
    expect(await cluster.gateway.get({ kind: 'Namespace', name: 'staging' })).toBeUndefined();
  });
});
