import { describe, expect, it } from 'vitest';
import { callTools, memoryGateway, plannerCluster, scriptedModel } from '../testing/index.js';
import { runAgent } from './runAgent.js';

describe('the model path starts from the grounded frame', () => {
  it('sends the built-in planner’s reading (targets found in the cluster) with the request, as cluster data', async () => {
    const gateway = memoryGateway(plannerCluster());
    const model = scriptedModel(() =>
      callTools({ name: 'use_builtin_planner', arguments: { request: 'restart backend and frontend' } }),
    );
    const outcome = await runAgent('restart backend and frontend', { gateway, model });
    const first = String(model.requests[0]?.messages[0]?.content);
    expect(first).toContain('<untrusted-cluster-data source="built-in planner">');
    expect(first).toMatch(/rolloutRestart: rolling restart of deployment todo\/backend/);
    expect(first).toMatch(/rolloutRestart: rolling restart of deployment todo\/frontend/);
    expect(outcome.ok && outcome.value.kind === 'plan' && outcome.value.plan.steps.length).toBe(2);
    expect(gateway.writes).toEqual([]);
  });

  it('passes the planner’s question on when the request names nothing that exists', async () => {
    const gateway = memoryGateway(plannerCluster());
    const model = scriptedModel(() => callTools({ name: 'ask_user', arguments: { question: 'Which one?' } }));
    await runAgent('scale the unicorn deployment to 3', { gateway, model });
    expect(String(model.requests[0]?.messages[0]?.content)).toMatch(/question: Which deployment or statefulset/);
  });
});
