import type { LanguageModel } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { planOffline } from '../planOffline.js';
import { planRequest } from '../planRequest.js';
import { matchMetricQuestion } from './metricQuestion.js';

describe('matchMetricQuestion', () => {
  it.each([
    ['which pods use the most memory', 'top-pods-by-memory', {}],
    ['show me pods using the most memory?', 'top-pods-by-memory', {}],
    ['top pods by memory in the todo namespace', 'top-pods-by-memory', { namespace: 'todo' }],
    ['which pods use the most CPU', 'top-pods-by-cpu', {}],
    ['show cpu usage of nodes', 'node-cpu', {}],
    ['node memory', 'node-memory', {}],
    ['error rate of backend in the last hour', 'error-rate', { app: 'backend' }],
    ["what's the request rate of frontend", 'request-rate', { app: 'frontend' }],
    ['cpu usage of backend', 'workload-cpu', { app: 'backend' }],
    ['backend memory usage', 'workload-memory', { app: 'backend' }],
    ['which pods restart the most', 'restarts', {}],
  ])('reads "%s" as %s', (text, name, params) => {
    expect(matchMetricQuestion(text)).toMatchObject({ name, params });
  });

  it('reads the window', () => {
    expect(matchMetricQuestion('error rate of backend in the last hour')?.windowSeconds).toBe(3600);
    expect(matchMetricQuestion('cpu usage of backend over the past 15 minutes')?.windowSeconds).toBe(900);
  });

  it.each([
    'scale backend to 3 replicas',
    'logs of backend',
    'list pods in todo',
    'restart backend',
    'restart the pods of prometheus',
    'delete pod x',
  ])('leaves "%s" to the planner', (text) => {
    expect(matchMetricQuestion(text)).toBeUndefined();
  });
});

describe('the planners route metric questions to their named query', () => {
  // The cluster is never asked: a metrics question needs no name resolved.
  const gateway = {
    list: async () => {
      throw new Error('the cluster was asked');
    },
  };

  it('answers a metrics outcome from the offline planner, with what it understood', async () => {
    expect(await planOffline('error rate of backend in the last hour', { gateway })).toEqual({
      kind: 'metrics',
      metric: { name: 'error-rate', params: { app: 'backend' }, windowSeconds: 3600 },
      understood: 'metrics: error-rate of backend over the last 3600 s',
      notices: [],
    });
    expect(await planOffline('which pods use the most memory', { gateway })).toMatchObject({
      kind: 'metrics',
      metric: { name: 'top-pods-by-memory' },
    });
  });

  it('routes them the same way when a model is configured, without calling it', async () => {
    const model = {
      id: 'loopback',
      generate: async () => {
        throw new Error('the model was called');
      },
    } as unknown as LanguageModel;
    expect(await planRequest('show cpu usage of nodes', { gateway: gateway as never, model })).toMatchObject({
      kind: 'metrics',
      metric: { name: 'node-cpu', params: {} },
    });
  });
});
