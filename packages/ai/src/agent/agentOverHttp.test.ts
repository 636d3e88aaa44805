import { createLanguageModel } from '@opspilot/ai-providers';
import type { Clock } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { startOpenAiLoopback } from '../__fixtures__/openAiLoopback.js';
import { planRequest } from '../planRequest.js';
import { memoryGateway, plannerCluster } from '../testing/index.js';

const instant: Clock = { now: () => new Date('2026-01-01T00:00:00Z'), sleep: async () => {} };

function openAiModel(url: string, key = 'sk-test') {
  const model = createLanguageModel(
    { provider: 'openai', base_url: url, api_key: key, model: 'gpt-4o-mini' },
    { clock: instant, policy: { maxRetries: 1 } },
  );
  if (!model.ok) throw model.error;
  return model.value;
}

describe('the agent loop with a real provider over HTTP', () => {
  it('plans through OpenAI tool calls: inspect, then propose', async () => {
    const server = await startOpenAiLoopback([
      { call: { name: 'list_objects', arguments: { kind: 'Deployment', namespace: 'todo' } } },
      {
        call: {
          name: 'propose_plan',
          arguments: {
            summary: 'restart backend',
            steps: [
              {
                op: 'rolloutRestart',
                target: { kind: 'Deployment', name: 'backend', namespace: 'todo' },
                description: 'restart backend',
              },
            ],
          },
        },
      },
    ]);
    try {
      const gateway = memoryGateway(plannerCluster());
      const outcome = await planRequest('the backend is stuck, kick it', { gateway, model: openAiModel(server.url) });
      expect(outcome.kind === 'plan' && outcome.plan).toMatchObject({
        planner: 'openai:gpt-4o-mini',
        risk: 'write',
        steps: [{ op: 'rolloutRestart' }],
      });
      expect(server.requests).toHaveLength(2);
      expect(server.requests[0]?.tools?.map((t) => t.function.name)).toContain('propose_plan');
      const toolAnswer = server.requests[1]?.messages.find((m) => m.role === 'tool');
      expect(String(toolAnswer?.content)).toContain('<untrusted-cluster-data source="list of Deployment">');
      expect(gateway.writes).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  it('falls back to the offline planner, naming the key to check, when the key is refused', async () => {
    const server = await startOpenAiLoopback([
      { status: 401, message: 'Incorrect API key provided: sk-bad.', code: 'invalid_api_key' },
    ]);
    try {
      const outcome = await planRequest('scale backend to 3', {
        gateway: memoryGateway(plannerCluster()),
        model: openAiModel(server.url, 'sk-bad'),
      });
      expect(outcome.kind === 'plan' && outcome.plan.planner).toBe('offline');
      expect(outcome.notices[0]).toContain('check OPENAI_API_KEY');
      expect(outcome.notices[0]).toContain('the built-in planner answered instead');
    } finally {
      await server.stop();
    }
  });

  it('falls back after retrying a provider that keeps failing with 503', async () => {
    const server = await startOpenAiLoopback([{ status: 503, message: 'overloaded', code: 'server_error' }]);
    try {
      const outcome = await planRequest('restart frontend', {
        gateway: memoryGateway(plannerCluster()),
        model: openAiModel(server.url),
      });
      expect(outcome.kind === 'plan' && outcome.plan.steps[0]).toMatchObject({ op: 'rolloutRestart' });
      expect(server.requests).toHaveLength(2);
      expect(outcome.notices[0]).toMatch(/openai:gpt-4o-mini failed: openai failed \(503\)/);
    } finally {
      await server.stop();
    }
  });
});
