import type { ClusterGateway, PlanStep } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { classifyRisk } from './classifyRisk.js';

// Only namespaces are read, for their labels; none are labelled here.
const gateway = { get: async () => undefined } as unknown as ClusterGateway;
const del = (kind: string, name: string): PlanStep => ({
  op: 'delete',
  target: { kind, name, namespace: 'todo' },
  description: `delete ${kind} ${name}`,
});

describe('classifyRisk', () => {
  it.each([
    ['Secret', 'db-creds'],
    ['Deployment', 'backend'],
    ['Service', 'frontend'],
  ])('makes deleting a %s destructive, with its name to type', async (kind, name) => {
    const assessed = await classifyRisk([del(kind, name)], gateway);
    expect(assessed).toMatchObject({ risk: 'destructive', confirmations: [name] });
    expect(assessed.reasons.some((r) => r.startsWith(`deletes ${kind} todo/${name}: loses`))).toBe(true);
  });

  it('makes creating a privileged workload destructive', async () => {
    const step = {
      op: 'apply',
      mode: 'create',
      object: {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'node-agent', namespace: 'todo' },
        spec: {
          selector: { matchLabels: { app: 'a' } },
          template: {
            metadata: { labels: { app: 'a' } },
            spec: { hostPID: true, containers: [{ name: 'a', image: 'busybox:1.36' }] },
          },
        },
      },
      description: 'create daemonset node-agent',
    } as PlanStep;
    expect(await classifyRisk([step], gateway)).toMatchObject({
      risk: 'destructive',
      confirmations: ['node-agent'],
      reasons: expect.arrayContaining([
        "privileged: DaemonSet todo/node-agent hostPID: true shares the node's namespace",
      ]),
    });
  });

  it('keeps deleting a ConfigMap a write', async () => {
    expect(await classifyRisk([del('ConfigMap', 'settings')], gateway)).toMatchObject({
      risk: 'write',
      confirmations: [],
    });
  });
});
