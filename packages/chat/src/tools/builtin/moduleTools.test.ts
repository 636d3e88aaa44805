import { memoryGateway, plannerCluster } from '@opspilot/ai/testing';
import { describe, expect, it } from 'vitest';
import { memoryBackend } from '../../testing/index.js';
import { BUILTIN_TOOLS } from '../builtinTools.js';
import { callTool } from '../callTool.js';
import { createToolRegistry } from '../toolRegistry.js';

const registry = createToolRegistry(BUILTIN_TOOLS);
const call = (name: string, args: Record<string, unknown> = {}) => ({ id: `c-${name}`, name, arguments: args });

describe('the security and cost tools', () => {
  it('are read tools of the registry', () => {
    for (const name of ['security_findings', 'security_posture', 'cost_allocation', 'cost_recommendations']) {
      expect(registry.get(name)).toMatchObject({ effect: 'read', untrusted: true });
    }
  });

  it('read through the backend, bounded and redacted, with validation errors sent back', async () => {
    const asked: unknown[] = [];
    const backend = memoryBackend(memoryGateway(plannerCluster()), {
      securityFindings: async (clusterId, filter) => {
        asked.push({ clusterId, ...filter });
        return {
          findings: Array.from({ length: filter.limit }, (_, i) => ({
            check: 'env-secret',
            message: `finding ${i}: password=hunter2hunter2hunter2 in env`,
            padding: 'x'.repeat(2_000),
          })),
        };
      },
      costAllocation: async (clusterId, query) => ({ clusterId, ...query, rows: [{ key: 'shop', total_cost: 1.5 }] }),
    });
    const ctx = { backend, user: 'alice' };
    const findings = await callTool(registry, call('security_findings', { severity: 'high', limit: 200 }), ctx);
    expect(findings.status).toBe('SUCCESS');
    expect(asked).toEqual([{ clusterId: '6f1c1c3e-8d7e-4a53-9f3e-1c2b3a4d5e6f', severity: 'high', limit: 200 }]);
    expect(findings.content).not.toContain('hunter2hunter2hunter2');
    expect(findings.content).toMatch(/truncated/);
    expect(findings.content).toMatch(/^<untrusted-cluster-data source="opspilot security_findings">/);
    const cost = await callTool(registry, call('cost_allocation', { by: 'workload', since_hours: 48 }), ctx);
    expect(cost.data).toMatchObject({ by: 'workload', sinceHours: 48, rows: [{ key: 'shop' }] });
    const bad = await callTool(registry, call('cost_allocation', { by: 'planet' }), ctx);
    expect(bad.status).not.toBe('SUCCESS');
    expect(bad.content).toMatch(/cluster, namespace, workload, team or label:KEY/);
  });

  it('say what is missing when the backend has no security or cost module', async () => {
    const ctx = { backend: memoryBackend(memoryGateway(plannerCluster())), user: 'alice' };
    const posture = await callTool(registry, call('security_posture'), ctx);
    expect(posture.content).toMatch(/the security guardian is not available here/);
    const recs = await callTool(registry, call('cost_recommendations'), ctx);
    expect(recs.content).toMatch(/the cost optimizer is not available here/);
  });
});
