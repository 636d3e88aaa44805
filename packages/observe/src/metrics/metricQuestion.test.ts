import { describe, expect, it } from 'vitest';
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
