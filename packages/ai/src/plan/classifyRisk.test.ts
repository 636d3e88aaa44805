import type { KubeObject, PlanStep } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { classifyRisk } from './classifyRisk.js';

const ns = (name: string, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels },
});
const namespaces = [ns('shop', { env: 'production' }), ns('todo'), ns('billing', { environment: 'prod' })];
const scale = (namespace: string, replicas: number): PlanStep => ({
  op: 'scale',
  target: { kind: 'Deployment', name: 'x', namespace },
  replicas,
  description: 'd',
});
const del = (kind: string, name = 'x', namespace?: string): PlanStep => ({
  op: 'delete',
  target: { kind, name, ...(namespace ? { namespace } : {}) },
  description: 'd',
});

describe('classifyRisk', () => {
  it('is read when every step only reads', () => {
    expect(
      classifyRisk([
        { op: 'list', kind: 'Pod', show: 'default', description: 'd' },
        { op: 'logs', target: { kind: 'Pod', name: 'p' }, description: 'd' },
      ]),
    ).toEqual({ risk: 'read', reasons: ['only reads'] });
  });

  it('is write for ordinary changes, including deleting a deployment', () => {
    expect(classifyRisk([scale('todo', 3)], namespaces).risk).toBe('write');
    expect(classifyRisk([del('Deployment', 'x', 'todo')], namespaces).risk).toBe('write');
    expect(classifyRisk([scale('todo', 0)], namespaces).risk).toBe('write');
  });

  it('is destructive for scaling to zero in a production namespace, by label or by name', () => {
    expect(classifyRisk([scale('shop', 0)], namespaces)).toEqual({
      risk: 'destructive',
      reasons: ['scales x to zero in production namespace shop'],
    });
    expect(classifyRisk([scale('billing', 0)], namespaces).risk).toBe('destructive');
    expect(classifyRisk([scale('production', 0)], []).risk).toBe('destructive');
    expect(classifyRisk([scale('shop', 1)], namespaces).risk).toBe('write');
  });

  it('is destructive for deleting namespaces, claims and stateful workloads, and for drains', () => {
    for (const kind of ['Namespace', 'PersistentVolumeClaim', 'StatefulSet'])
      expect(classifyRisk([del(kind)]).risk).toBe('destructive');
    expect(
      classifyRisk([
        {
          op: 'drain',
          target: { kind: 'Node', name: 'n' },
          ignoreDaemonSets: true,
          deleteEmptyDirData: true,
          description: 'd',
        },
      ]).risk,
    ).toBe('destructive');
  });

  it('is destructive for any RBAC change, and takes the highest risk of all steps', () => {
    const rbac: PlanStep = {
      op: 'apply',
      mode: 'create',
      object: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'b' } },
      description: 'd',
    };
    const result = classifyRisk([
      { op: 'list', kind: 'Pod', show: 'default', description: 'd' },
      scale('todo', 2),
      rbac,
    ]);
    expect(result.risk).toBe('destructive');
    expect(result.reasons).toEqual([
      'scales Deployment todo/x to 2',
      'changes RBAC: ClusterRoleBinding b may widen permissions',
    ]);
  });
});
