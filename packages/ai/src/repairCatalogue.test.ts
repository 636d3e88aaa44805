import type { Plan, PlanOutcome } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { createPlannerSession, planOffline } from './planOffline.js';
import { noRepair, type RepairRequest, repairThrough, withRepairCatalogue } from './repairCatalogue.js';
import { memoryGateway, plannerCluster } from './testing/index.js';

const fixPlan = (request: string): PlanOutcome => ({
  kind: 'plan',
  plan: {
    request,
    summary: 'raise the memory limit of deployment todo/backend',
    steps: [],
    risk: 'write',
    riskReasons: [],
    assumptions: [],
    rendered: { bash: '', powershell: '' },
    planner: 'remediate',
  } as unknown as Plan,
  notices: [],
});

describe('the remediation catalogue as the planner reaches it', () => {
  it('asks the catalogue first for a grounded "fix …" — also "fix it" after naming the object', async () => {
    const gateway = memoryGateway(plannerCluster());
    const asked: RepairRequest[] = [];
    const repair = async (r: RepairRequest) => {
      asked.push(r);
      return fixPlan(r.text);
    };
    const session = createPlannerSession();
    const diagnosis = await planOffline('why is the backend deployment in todo crashing', { gateway, session, repair });
    expect(diagnosis.kind === 'plan' && diagnosis.plan.steps[0]?.op).toBe('analyze');
    expect(asked).toEqual([]);
    const fix = await planOffline('fix it', { gateway, session, repair });
    expect(fix.kind).toBe('plan');
    expect(asked).toEqual([{ text: 'fix it', targets: [{ kind: 'Deployment', name: 'backend', namespace: 'todo' }] }]);
    // A misspelt name is grounded by the planner before the catalogue sees it.
    await planOffline('please repair the bakend deployment in todo', { gateway, repair });
    expect(asked[1]?.targets).toEqual([{ kind: 'Deployment', name: 'backend', namespace: 'todo' }]);
  });

  it('diagnoses and says what it would change when the catalogue has nothing for the object', async () => {
    const gateway = memoryGateway(plannerCluster());
    const outcome = await planOffline('fix deployment frontend in todo', { gateway, repair: async () => undefined });
    expect(outcome.kind).toBe('plan');
    if (outcome.kind !== 'plan') return;
    expect(outcome.plan.steps.map((s) => s.op)).toEqual(['analyze']);
    expect(outcome.plan.risk).toBe('read');
  });

  it('names the grounded objects to a catalogue planner and reads its "nothing here" as no answer', async () => {
    const seen: string[] = [];
    const catalogue = async (request: string, context: { namespace?: string }) => {
      seen.push(`${request} @${context.namespace ?? '-'}`);
      return request.includes('backend') ? fixPlan(request) : noRepair(request, context);
    };
    const repair = repairThrough(catalogue);
    const found = await repair({
      text: 'fix it',
      targets: [{ kind: 'Deployment', name: 'backend', namespace: 'todo' }],
    });
    expect(found?.kind).toBe('plan');
    expect(await repair({ text: 'fix it', targets: [], namespace: 'shop' })).toBeUndefined();
    expect(seen).toEqual(['fix it (deployment todo backend) @-', 'fix it @shop']);
  });

  it('composes the catalogue on both sides and finds the fix behind a plan from either', async () => {
    const made = new Map<string, string>();
    const wrap = (inner: (r: string, c: { namespace?: string }) => Promise<PlanOutcome>) =>
      Object.assign(
        async (request: string, context: { namespace?: string }) => {
          if (!/\bfix\b.*\bbackend\b/.test(request)) return inner(request, context);
          made.set(request, 'subject');
          return fixPlan(request);
        },
        { fixOf: (p: { request: string }) => made.get(p.request) },
      );
    const gateway = memoryGateway(plannerCluster());
    const session = createPlannerSession();
    const planner = withRepairCatalogue(wrap, (text, context, repair) =>
      planOffline(text, { gateway, session, repair, ...(context.namespace ? { namespace: context.namespace } : {}) }),
    );
    await planner('describe deployment backend in todo', {});
    const outcome = await planner('fix it', {});
    expect(outcome.kind).toBe('plan');
    if (outcome.kind !== 'plan') return;
    expect(outcome.plan.request).toBe('fix it (deployment todo backend)');
    expect(planner.fixOf(outcome.plan)).toBe('subject');
  });
});
