import { describe, expect, it } from 'vitest';
import { healthyDeployment, obj, runKubeRule } from '../testing/kubeTesting.js';
import { networkPolicyDangling } from './networkPolicyDangling.js';

const policy = (selector: string, ns = 'shop') =>
  obj(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web, namespace: ${ns} }
spec: { podSelector: ${selector}, policyTypes: [Ingress] }`);

describe('networkPolicyDangling', () => {
  it('passes a policy selecting the workload, an empty selector, expressions, and a folder of policies alone', () => {
    const d = healthyDeployment();
    expect(runKubeRule(networkPolicyDangling, [policy('{ matchLabels: { app: web } }'), d])).toEqual([]);
    expect(runKubeRule(networkPolicyDangling, [policy('{}'), d])).toEqual([]);
    const expr = policy('{ matchLabels: { app: x }, matchExpressions: [{ key: tier, operator: Exists }] }');
    expect(runKubeRule(networkPolicyDangling, [expr, d])).toEqual([]);
    expect(runKubeRule(networkPolicyDangling, [policy('{ matchLabels: { app: other } }')])).toEqual([]);
  });

  it('reports a selector that matches no workload of its namespace', () => {
    const d = healthyDeployment();
    const v = runKubeRule(networkPolicyDangling, [policy('{ matchLabels: { app: wbe } }'), d]);
    expect(v.map((x) => x.path)).toEqual(['spec.podSelector']);
    expect(v[0]?.message).toContain('app=wbe');
    // The workload in another namespace does not count.
    const other = runKubeRule(networkPolicyDangling, [policy('{ matchLabels: { app: web } }', 'other'), d]);
    expect(other).toEqual([]); // namespace "other" has no workloads in the input: not judged
  });
});
