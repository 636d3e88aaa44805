import { hasRequestReader, planOffline, planRequest, registerRequestReader } from '@opspilot/ai';
import type { ClusterGateway } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { costRequestReader } from './costRequestReader.js';

const gateway = { list: async () => [] } as unknown as ClusterGateway;

describe('costRequestReader', () => {
  it('is asked by the planner once registered, before a request is read as an operation', async () => {
    const question = 'how much does namespace todo cost per month';
    expect((await planOffline(question, { gateway })).kind).not.toBe('cost');
    registerRequestReader(costRequestReader);
    expect(hasRequestReader('cost')).toBe(true);
    expect(() => registerRequestReader(costRequestReader)).toThrow(/already registered/);
    expect(await planOffline(question, { gateway })).toEqual({
      kind: 'cost',
      question: { kind: 'cost', namespace: 'todo', period: 'month' },
      understood: 'what namespace todo costs per month',
      notices: [],
    });
    // With a model configured too: a cost question is answered by the cost optimizer, not by the model.
    const model = { id: 'm', generate: async () => Promise.reject(new Error('the model must not be called')) };
    const saved = await planRequest('what can I save in namespace shop?', { gateway, model: model as never });
    expect(saved).toMatchObject({ kind: 'cost', question: { kind: 'savings', namespace: 'shop' } });
    expect(await planOffline('rightsize backend', { gateway })).toMatchObject({
      kind: 'cost',
      question: { kind: 'rightsize', workload: 'backend' },
      understood: 'rightsize backend',
    });
    expect((await planOffline('create namespace cost', { gateway })).kind).not.toBe('cost');
  });
});
