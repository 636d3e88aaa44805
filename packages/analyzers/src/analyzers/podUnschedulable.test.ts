import { describe, expect, it } from 'vitest';
import { analyzeWith, event, obj, ownedBy } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { podUnschedulable } from './podUnschedulable.js';

function pending(message?: string, created = '2026-01-01T11:00:00Z') {
  const cluster = healthyCluster();
  const rs = cluster.find('ReplicaSet', 'web-5d8f7');
  const pod = obj('v1', 'Pod', 'web-5d8f7-zzzzz', 'shop', {
    labels: { app: 'web' },
    ownerReferences: ownedBy(rs),
    spec: {
      containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '64' } } }],
      nodeSelector: { disk: 'ssd' },
    },
    status: {
      phase: 'Pending',
      conditions: message ? [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }] : [],
    },
  });
  pod.metadata.creationTimestamp = created;
  cluster.add(pod);
  return { cluster, pod };
}

describe('pod-unschedulable', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(podUnschedulable, healthyCluster().objects)).toEqual([]);
  });

  it('quotes the scheduler and proposes requests that fit the largest node', () => {
    const message = '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available.';
    const { cluster, pod } = pending(message);
    cluster.add(event(pod, 'Warning', 'FailedScheduling', message, { source: { component: 'default-scheduler' } }));
    const [finding] = analyzeWith(podUnschedulable, cluster.objects);
    expect(finding?.message).toBe(`Pod shop/web-5d8f7-zzzzz cannot be scheduled: ${message}`);
    expect(finding?.evidence.map((e) => e.kind)).toEqual(['condition', 'event']);
    expect(finding?.proposedFix?.patch?.body).toEqual({
      spec: { template: { spec: { containers: [{ name: 'web', resources: { requests: { cpu: '2' } } }] } } },
    });
  });

  it('proposes removing an unmatched node selector', () => {
    const { cluster } = pending("0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.");
    expect(analyzeWith(podUnschedulable, cluster.objects)[0]?.proposedFix?.patch).toEqual({
      type: 'json',
      body: [{ op: 'remove', path: '/spec/template/spec/nodeSelector' }],
    });
  });

  it('reports a pod pending without a verdict only after the grace period', () => {
    expect(analyzeWith(podUnschedulable, pending(undefined, '2026-01-01T11:58:00Z').cluster.objects)).toEqual([]);
    expect(analyzeWith(podUnschedulable, pending(undefined).cluster.objects)[0]?.message).toMatch(
      /Pending for more than 5 minutes/,
    );
  });

  it("answers a replica refused by its own anti-affinity with that rule, not the control plane's taint", () => {
    const { cluster, pod } = pending(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available.",
    );
    const term = { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' };
    (pod.spec as Record<string, unknown>).affinity = {
      podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] },
    };
    const fix = analyzeWith(podUnschedulable, cluster.objects)[0]?.proposedFix;
    expect(fix?.description).toMatch(/^Its required pod anti-affinity \(topologyKey kubernetes.io\/hostname\)/);
    expect(fix?.patch?.body).toEqual([
      {
        op: 'remove',
        path: '/spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution',
      },
      {
        op: 'add',
        path: '/spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution',
        value: [{ weight: 100, podAffinityTerm: term }],
      },
    ]);
  });

  it('names a taint as the reason only when it is not the control plane’s', () => {
    const { cluster } = pending(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) had untolerated taint {dedicated: gpu}.',
    );
    expect(analyzeWith(podUnschedulable, cluster.objects)[0]?.proposedFix?.description).toMatch(/tainted/);
  });

  it('names the taint, the nodes carrying it, how to remove it and the toleration to add', () => {
    const { cluster } = pending(
      '0/2 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had untolerated taint {maintenance: true}. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
    (cluster.find('Node', 'worker-1').spec as Record<string, unknown>).taints = [
      { key: 'maintenance', value: 'true', effect: 'NoExecute' },
    ];
    const fix = analyzeWith(podUnschedulable, cluster.objects)[0]?.proposedFix;
    expect(fix?.description).toBe(
      'Node worker-1 carries the taint maintenance=true:NoExecute, which deployment/web -n shop does not tolerate (NoExecute: it also evicted the pods running there): remove the taint when the nodes should run workloads again (kubectl taint nodes worker-1 maintenance=true:NoExecute-), or, if the workload belongs there, add a matching toleration (below)',
    );
    expect(fix?.patch).toEqual({
      type: 'strategic',
      body: {
        spec: {
          template: {
            spec: { tolerations: [{ key: 'maintenance', operator: 'Equal', value: 'true', effect: 'NoExecute' }] },
          },
        },
      },
    });
  });

  it('points at the node, not a toleration, for the node controller’s unreachable taint', () => {
    const { cluster } = pending(
      '0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    );
    (cluster.find('Node', 'worker-1').spec as Record<string, unknown>).taints = [
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2026-01-01T11:00:00Z' },
    ];
    const fix = analyzeWith(podUnschedulable, cluster.objects)[0]?.proposedFix;
    expect(fix?.description).toMatch(
      /^Node worker-1 carries the node controller's taint node\.kubernetes\.io\/unreachable:NoExecute .*the node is unhealthy/,
    );
    expect(fix?.command).toBe('kubectl describe node worker-1');
    expect(fix?.patch).toBeUndefined();
  });

  it('blames the taint, not the node selector, when the node the pod selects is the tainted one', () => {
    const { cluster } = pending(
      "0/3 nodes are available: 1 node(s) had untolerated taint {maintenance: true}, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    const node = cluster.find('Node', 'worker-1');
    node.metadata.labels = { ...node.metadata.labels, disk: 'ssd' };
    (node.spec as Record<string, unknown>).taints = [{ key: 'maintenance', value: 'true', effect: 'NoExecute' }];
    expect(analyzeWith(podUnschedulable, cluster.objects)[0]?.proposedFix?.description).toMatch(
      /^Node worker-1 carries the taint maintenance=true:NoExecute/,
    );
  });
});
