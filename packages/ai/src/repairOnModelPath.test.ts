import { createLanguageModel } from '@opspilot/ai-providers';
import type { Clock, Plan, PlanOutcome } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { startOpenAiLoopback } from './__fixtures__/openAiLoopback.js';
import { planRequest } from './planRequest.js';
import type { RepairRequest } from './repairCatalogue.js';
import { memoryGateway, plannerCluster } from './testing/index.js';

const instant: Clock = { now: () => new Date('2026-01-01T00:00:00Z'), sleep: async () => {} };
const model = (url: string) => {
  const made = createLanguageModel(
    { provider: 'openai', base_url: url, api_key: 'sk-test', model: 'gpt-4o-mini' },
    { clock: instant, policy: { maxRetries: 1 } },
  );
  if (!made.ok) throw made.error;
  return made.value;
};
const catalogueFix = (request: string): PlanOutcome => ({
  kind: 'plan',
  plan: {
    request,
    summary: 'roll deployment backend back to revision 1',
    steps: [],
    risk: 'write',
    riskReasons: [],
    assumptions: [],
    rendered: { bash: '', powershell: '' },
    planner: 'remediate:deployment:restore-last-working-revision',
  } as unknown as Plan,
  notices: [],
});
const restart = {
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
};

describe('"fix …" with a model configured (OpenAI wire format) goes through the remediation catalogue port', () => {
  it("answers a grounded repair with the catalogue's fix, the model not asked", async () => {
    const server = await startOpenAiLoopback([restart]);
    const asked: RepairRequest[] = [];
    try {
      const outcome = await planRequest('please repair the bakend deployment in todo, it keeps crashing', {
        gateway: memoryGateway(plannerCluster()),
        model: model(server.url),
        repair: async (r) => {
          asked.push(r);
          return catalogueFix(r.text);
        },
      });
      expect(outcome.kind === 'plan' && outcome.plan.planner).toBe(
        'remediate:deployment:restore-last-working-revision',
      );
      expect(outcome.notices).toContain('answered from the remediation catalogue');
      // Grounded as offline: the misspelt name is the live Deployment before the catalogue sees it.
      expect(asked.map((r) => r.targets)).toEqual([[{ kind: 'Deployment', name: 'backend', namespace: 'todo' }]]);
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.stop();
    }
  });

  it('leaves a repair the catalogue has nothing for, and other requests, to the model', async () => {
    const server = await startOpenAiLoopback([restart]);
    const asked: RepairRequest[] = [];
    const repair = async (r: RepairRequest) => {
      asked.push(r);
      return undefined;
    };
    try {
      const gateway = memoryGateway(plannerCluster());
      const fix = await planRequest('fix deployment backend in todo', { gateway, model: model(server.url), repair });
      expect(asked).toHaveLength(1);
      expect(fix.kind === 'plan' && fix.plan.planner).toBe('openai:gpt-4o-mini');
      const other = await planRequest('restart backend in todo', { gateway, model: model(server.url), repair });
      expect(other.kind === 'plan' && other.plan.planner).toBe('openai:gpt-4o-mini');
      expect(asked).toHaveLength(1);
      expect(server.requests.length).toBeGreaterThanOrEqual(2);
    } finally {
      await server.stop();
    }
  });
});
