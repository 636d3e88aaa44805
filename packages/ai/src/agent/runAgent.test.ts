import { ManualClock, UpstreamError } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { planRequest } from '../planRequest.js';
import { callTools, memoryGateway, plannerCluster, scriptedModel } from '../testing/index.js';
import { runAgent } from './runAgent.js';

const backend = { kind: 'Deployment', name: 'backend', namespace: 'todo' };

describe('the agent loop', () => {
  it('inspects with read tools, then returns the proposed plan with risk classified by code', async () => {
    const gateway = memoryGateway(plannerCluster());
    const model = scriptedModel((_r, turn) =>
      turn === 0
        ? callTools({ name: 'get_object', arguments: backend })
        : callTools({
            name: 'propose_plan',
            arguments: {
              summary: 'restart backend',
              steps: [{ op: 'rolloutRestart', target: backend, description: 'restart backend' }],
            },
          }),
    );
    const outcome = await runAgent('please bounce the api server of todo', { gateway, model });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok || outcome.value.kind !== 'plan') throw new Error('expected a plan');
    expect(outcome.value.plan).toMatchObject({ planner: 'scripted:test', risk: 'write' });
    expect(outcome.value.plan.rendered.bash).toContain('kubectl rollout restart deployment/backend -n todo');
    const toolMessage = model.requests[1]?.messages.find((m) => m.role === 'tool');
    expect(toolMessage?.content).toMatch(/^<untrusted-cluster-data source="Deployment todo\/backend">/);
    expect(gateway.writes).toEqual([]);
  });

  it('sends tool errors back so the model can correct itself (unknown tool, bad arguments, missing object)', async () => {
    const gateway = memoryGateway(plannerCluster());
    const model = scriptedModel(
      (_r, turn) =>
        [
          callTools({ name: 'kubectl_exec', arguments: { command: 'rm -rf /' } }),
          callTools({
            name: 'propose_plan',
            arguments: { summary: 'x', steps: [{ op: 'scale', target: backend, replicas: -4, description: 'x' }] },
          }),
          callTools({
            name: 'propose_plan',
            arguments: {
              summary: 'x',
              steps: [{ op: 'scale', target: { ...backend, name: 'ghost' }, replicas: 2, description: 'x' }],
            },
          }),
          callTools({
            name: 'propose_plan',
            arguments: {
              summary: 'scale',
              steps: [{ op: 'scale', target: backend, replicas: 4, description: 'scale' }],
            },
          }),
        ][turn] ?? callTools(),
    );
    const outcome = await runAgent('scale backend to 4', { gateway, model });
    const tools = model.requests.slice(1).map((r) => r.messages.at(-1)?.content ?? '');
    expect(tools[0]).toContain('unknown tool kubectl_exec');
    expect(tools[1]).toContain('invalid input for propose_plan');
    expect(tools[2]).toContain('do not exist: Deployment todo/ghost');
    expect(outcome.ok && outcome.value.kind === 'plan' && outcome.value.plan.steps[0]).toMatchObject({
      op: 'scale',
      replicas: 4,
    });
  });

  it('sends a logs match that is not a linear-time pattern back to the model', async () => {
    const gateway = memoryGateway(plannerCluster());
    const logs = (match: string) =>
      callTools({
        name: 'propose_plan',
        arguments: { summary: 'logs', steps: [{ op: 'logs', target: backend, match, description: 'logs' }] },
      });
    const model = scriptedModel((_r, turn) => [logs('(a)\\1'), logs('^(.+)+X$')][turn] ?? callTools());
    const outcome = await runAgent('errors in backend logs', { gateway, model });
    expect(model.requests[1]?.messages.at(-1)?.content).toMatch(/invalid pattern .*invalid escape.*RE2 syntax/);
    expect(outcome.ok && outcome.value.kind === 'plan' && outcome.value.plan.steps[0]).toMatchObject({
      match: '^(.+)+X$',
    });
  });

  it('stops at the iteration budget and at the token budget', async () => {
    const gateway = memoryGateway(plannerCluster());
    const looping = scriptedModel(() => callTools({ name: 'list_objects', arguments: { kind: 'Pod' } }));
    const byCalls = await runAgent('x', { gateway, model: looping, budgets: { maxIterations: 3 } });
    expect(byCalls).toEqual({ ok: false, error: 'scripted:test used its budget of 3 model calls without an answer' });
    expect(looping.requests).toHaveLength(3);
    const byTokens = await runAgent('x', {
      gateway,
      model: scriptedModel(() => callTools({ name: 'list_objects', arguments: { kind: 'Pod' } })),
      budgets: { maxTokens: 250 },
    });
    expect(byTokens.ok === false && byTokens.error).toContain('budget of 250 tokens');
  });

  it('stops at the time budget measured on the clock', async () => {
    const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
    const model = scriptedModel(async () => {
      await clock.advance(40_000);
      return callTools({ name: 'list_objects', arguments: { kind: 'Pod' } });
    });
    const outcome = await runAgent('x', {
      gateway: memoryGateway(plannerCluster()),
      model,
      clock,
      budgets: { maxMs: 100_000 },
    });
    expect(outcome.ok === false && outcome.error).toContain('time budget of 100000 ms');
    expect(model.requests).toHaveLength(3);
  });

  it('falls back to the offline planner with a clear notice when the provider fails', async () => {
    const model = scriptedModel(() => {
      throw new UpstreamError('openai refused the API key (401)', {
        source: 'openai',
        status: 401,
        hint: 'check OPENAI_API_KEY',
      });
    }, 'openai:gpt-4o-mini');
    const outcome = await planRequest('scale backend to 3', { gateway: memoryGateway(plannerCluster()), model });
    expect(outcome.kind).toBe('plan');
    expect(outcome.kind === 'plan' && outcome.plan.planner).toBe('offline');
    expect(outcome.notices).toEqual([
      'openai:gpt-4o-mini failed: openai refused the API key (401) (check OPENAI_API_KEY); the built-in planner answered instead',
    ]);
  });

  it('lets the model hand a rephrased request to the built-in planner, and ask instead of guessing', async () => {
    const gateway = memoryGateway(plannerCluster());
    const rephrase = scriptedModel(() =>
      callTools({ name: 'use_builtin_planner', arguments: { request: 'scale frontend to 5 replicas' } }),
    );
    const planned = await planRequest('we expect a traffic spike on the web ui', { gateway, model: rephrase });
    expect(planned.kind === 'plan' && planned.plan).toMatchObject({
      planner: 'scripted:test+offline',
      request: 'we expect a traffic spike on the web ui',
    });
    const ask = scriptedModel(() =>
      callTools({
        name: 'ask_user',
        arguments: {
          question: 'Which checkout?',
          candidates: [
            { kind: 'Deployment', name: 'checkout', namespace: 'payments' },
            { kind: 'Deployment', name: 'checkout', namespace: 'shop' },
          ],
        },
      }),
    );
    const asked = await planRequest('scale checkout', { gateway, model: ask });
    expect(asked).toMatchObject({ kind: 'question', question: 'Which checkout?' });
    expect(asked.kind === 'question' && asked.candidates.map((c) => c.label)).toEqual([
      'deployment/payments/checkout',
      'deployment/shop/checkout',
    ]);
  });

  it('uses the offline planner without calling anything when no model is configured', async () => {
    const outcome = await planRequest('restart backend', { gateway: memoryGateway(plannerCluster()) });
    expect(outcome.kind === 'plan' && outcome.plan.planner).toBe('offline');
  });
});
