import { describe, expect, it } from 'vitest';
import { Plan, PlanOutcome } from './plan.js';
import { PlanStep } from './planStep.js';

const target = { kind: 'Deployment', name: 'backend', namespace: 'todo' };

describe('PlanStep', () => {
  it('accepts each operation with its own fields', () => {
    expect(PlanStep.parse({ op: 'scale', target, replicas: 3, description: 'scale' })).toMatchObject({ replicas: 3 });
    expect(PlanStep.parse({ op: 'drain', target: { kind: 'Node', name: 'n1' }, description: 'drain' })).toMatchObject({
      ignoreDaemonSets: true,
      deleteEmptyDirData: true,
    });
    expect(PlanStep.parse({ op: 'list', kind: 'Pod', description: 'list' })).toMatchObject({ show: 'default' });
  });

  it('refuses negative replicas, an unknown op and a missing description', () => {
    expect(PlanStep.safeParse({ op: 'scale', target, replicas: -1, description: 's' }).success).toBe(false);
    expect(PlanStep.safeParse({ op: 'exec', target, description: 's' }).success).toBe(false);
    expect(PlanStep.safeParse({ op: 'rolloutRestart', target }).success).toBe(false);
  });
});

describe('Plan and PlanOutcome', () => {
  const plan = {
    request: 'restart backend',
    summary: 'Restart deployment todo/backend',
    steps: [{ op: 'rolloutRestart', target, description: 'restart' }],
    risk: 'write',
    riskReasons: ['changes deployment todo/backend'],
    rendered: { bash: 'kubectl rollout restart deployment/backend -n todo', powershell: 'same' },
    planner: 'offline',
  };

  it('needs at least one step and a known risk', () => {
    expect(Plan.parse(plan).assumptions).toEqual([]);
    expect(Plan.safeParse({ ...plan, steps: [] }).success).toBe(false);
    expect(Plan.safeParse({ ...plan, risk: 'harmless' }).success).toBe(false);
  });

  it('tells a plan, a question and an unsupported request apart by kind', () => {
    expect(PlanOutcome.parse({ kind: 'plan', plan }).kind).toBe('plan');
    const question = { kind: 'question', question: 'Which one?', understood: 'scale', candidates: [] };
    expect(PlanOutcome.parse(question).kind).toBe('question');
    expect(PlanOutcome.safeParse({ kind: 'unsupported', understood: '', suggestions: [] }).success).toBe(false);
  });
});
