import { describe, expect, it } from 'vitest';
import { parseCostQuestion } from './costQuestion.js';

describe('parseCostQuestion', () => {
  it('recognises the cost questions of ask', () => {
    expect(parseCostQuestion('how much does namespace todo cost per month?')).toEqual({
      kind: 'cost',
      namespace: 'todo',
      period: 'month',
    });
    expect(parseCostQuestion('What does the todo namespace cost a day')).toEqual({
      kind: 'cost',
      namespace: 'todo',
      period: 'day',
    });
    expect(parseCostQuestion('what can I save?')).toEqual({ kind: 'savings' });
    expect(parseCostQuestion('what can we save in namespace todo')).toEqual({ kind: 'savings', namespace: 'todo' });
    expect(parseCostQuestion('rightsize backend')).toEqual({ kind: 'rightsize', workload: 'backend' });
    expect(parseCostQuestion('rightsize deployment backend in todo')).toEqual({
      kind: 'rightsize',
      workload: 'backend',
      namespace: 'todo',
    });
    expect(parseCostQuestion('how much does the cluster cost')).toEqual({ kind: 'cost', period: 'month' });
  });

  it('leaves other requests to the planner', () => {
    expect(parseCostQuestion('scale backend to 3 replicas')).toBeUndefined();
    expect(parseCostQuestion('which pods use the most memory')).toBeUndefined();
    expect(parseCostQuestion('how much memory does backend use')).toBeUndefined();
    expect(parseCostQuestion('create namespace cost')).toBeUndefined();
    expect(parseCostQuestion('label deployment backend team=savings')).toBeUndefined();
  });
});
