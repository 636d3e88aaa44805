import type { KubeObject } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { computeHealth, scoreBand } from './computeHealth.js';

const node = (name: string, ready: boolean): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name },
  status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});
const pod = (name: string, phase: string, ready = true): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'todo' },
  status: { phase, containerStatuses: [{ ready }] },
});
const none = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFO: 0 };

describe('computeHealth', () => {
  it('scores a reachable cluster with ready nodes, healthy pods and no findings 100 and ONLINE', () => {
    const health = computeHealth({
      reachable: true,
      latencyMs: 20,
      nodes: [node('a', true)],
      pods: [pod('p', 'Running'), pod('job', 'Succeeded', false)],
      findings: none,
    });
    expect(health).toEqual({
      state: 'ONLINE',
      health_score: 100,
      counts: { nodes: 1, nodes_ready: 1, pods: 2, pods_healthy: 2 },
    });
  });

  it('takes points for latency, nodes not Ready, unhealthy pods and findings (capped)', () => {
    const health = computeHealth({
      reachable: true,
      latencyMs: 400,
      nodes: [node('a', true), node('b', false)],
      pods: [pod('p', 'Running'), pod('q', 'Running', false), pod('r', 'Pending'), pod('s', 'Running')],
      findings: { ...none, CRITICAL: 2, HIGH: 3, LOW: 1 },
    });
    // 100 − 5 (latency) − 20 (1 of 2 nodes) − 12.5 (2 of 4 pods) − 30 (36, capped) = 32.5
    expect(health.health_score).toBe(33);
    expect(health.state).toBe('DEGRADED');
  });

  it('leaves pods still starting out of the pod share for two minutes, unless they already fail', () => {
    const now = new Date('2026-01-01T00:01:00Z');
    const young = (name: string, waiting?: string): KubeObject => ({
      ...pod(name, 'Pending', false),
      metadata: { name, namespace: 'todo', creationTimestamp: '2026-01-01T00:00:30Z' },
      status: { phase: 'Pending', containerStatuses: [{ ready: false, state: { waiting: { reason: waiting } } }] },
    });
    const base = { reachable: true, nodes: [node('a', true)], findings: none, now };
    expect(
      computeHealth({ ...base, pods: [pod('p', 'Running'), young('new', 'ContainerCreating')] }).health_score,
    ).toBe(100);
    expect(computeHealth({ ...base, pods: [pod('p', 'Running'), young('bad', 'ErrImagePull')] }).health_score).toBe(88);
    const later = new Date('2026-01-01T00:03:00Z');
    expect(
      computeHealth({ ...base, now: later, pods: [pod('p', 'Running'), young('slow', 'ContainerCreating')] })
        .health_score,
    ).toBe(88);
  });

  it('is DEGRADED with a node not Ready even when the score stays high', () => {
    const nodes = [...Array.from({ length: 9 }, (_, i) => node(`n${i}`, true)), node('bad', false)];
    const health = computeHealth({ reachable: true, nodes, pods: [], findings: none });
    expect(health.health_score).toBe(96);
    expect(health.state).toBe('DEGRADED');
  });

  it('is OFFLINE with score 0 when the API server cannot be reached', () => {
    expect(computeHealth({ reachable: false, nodes: [node('a', true)], pods: [], findings: none })).toMatchObject({
      state: 'OFFLINE',
      health_score: 0,
    });
  });

  it('bands scores', () => {
    expect([undefined, 100, 80, 79, 50, 49, 0].map(scoreBand)).toEqual([
      'UNMEASURED',
      'HEALTHY',
      'HEALTHY',
      'WARNING',
      'WARNING',
      'CRITICAL',
      'CRITICAL',
    ]);
  });
});
