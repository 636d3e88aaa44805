import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../store/kubeObject.js';
import { schedulePod } from './scheduler.js';

const node = (name: string, zone?: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(zone ? { zone } : {}) } },
  spec: {},
  status: { allocatable: { cpu: '4', memory: '8Gi' } },
});
let uid = 0;
const pod = (
  labels: Record<string, string>,
  affinity?: unknown,
  nodeName?: string,
  namespace = 'shop',
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: `p${++uid}`, uid: `u${uid}`, namespace, labels },
  spec: {
    containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100m', memory: '64Mi' } } }],
    ...(affinity ? { affinity } : {}),
    ...(nodeName ? { nodeName } : {}),
  },
});
const term = (matchLabels: Record<string, string>, topologyKey = 'kubernetes.io/hostname', extra = {}) => ({
  labelSelector: { matchLabels },
  topologyKey,
  ...extra,
});
const anti = (...terms: unknown[]) => ({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: terms } });
const near = (...terms: unknown[]) => ({ podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: terms } });
const nodes = [node('a', 'z1'), node('b', 'z1'), node('c', 'z2')];

describe('schedulePod: required pod affinity and anti-affinity', () => {
  it('spreads pods that repel each other one per host, and keeps the one too many Pending with the scheduler message', () => {
    const spread = anti(term({ app: 'web' }));
    const placed = [pod({ app: 'web' }, spread, 'a'), pod({ app: 'web' }, spread, 'b')];
    expect(schedulePod(pod({ app: 'web' }, spread), nodes, placed)).toEqual({ node: 'c' });
    const full = [...placed, pod({ app: 'web' }, spread, 'c')];
    expect(schedulePod(pod({ app: 'web' }, spread), nodes, full)).toEqual({
      message:
        "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    });
  });

  it("honours the anti-affinity of pods already placed, per zone, and only in the term's namespaces", () => {
    const loner = pod({ app: 'db' }, anti(term({ app: 'web' }, 'zone')), 'a');
    expect(schedulePod(pod({ app: 'web' }), nodes, [loner])).toEqual({ node: 'c' });
    expect(schedulePod(pod({ app: 'web' }, undefined, undefined, 'other'), nodes, [loner])).toEqual({ node: 'b' });
    const twoZones = [loner, pod({ app: 'db' }, anti(term({ app: 'web' }, 'zone')), 'c')];
    expect(schedulePod(pod({ app: 'web' }), nodes, twoZones)).toEqual({
      message: `0/3 nodes are available: 3 ${"node(s) didn't satisfy existing pods anti-affinity rules"}. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.`,
    });
  });

  it('places a pod beside the pods it needs, in their zone, and keeps it Pending when none matches', () => {
    const cache = pod({ app: 'cache' }, undefined, 'c');
    expect(schedulePod(pod({ app: 'api' }, near(term({ app: 'cache' }))), nodes, [cache])).toEqual({ node: 'c' });
    const zoned = schedulePod(pod({ app: 'api' }, near(term({ app: 'cache' }, 'zone'))), nodes, [
      cache,
      pod({ app: 'x' }, undefined, 'c'),
    ]);
    expect(zoned).toEqual({ node: 'c' });
    expect(schedulePod(pod({ app: 'api' }, near(term({ app: 'cahce' }))), nodes, [cache])).toEqual({
      message:
        "0/3 nodes are available: 3 node(s) didn't match pod affinity rules. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    });
  });

  it('lets the first pod of a group that must be together start, and selects other namespaces by namespaceSelector', () => {
    const together = near(term({ app: 'web' }));
    expect(schedulePod(pod({ app: 'web' }, together), nodes, [])).toEqual({ node: 'a' });
    const namespaces: KubeObject[] = [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'data', labels: { team: 'data' } } },
    ];
    const cache = pod({ app: 'cache' }, undefined, 'b', 'data');
    const across = near(
      term({ app: 'cache' }, 'kubernetes.io/hostname', { namespaceSelector: { matchLabels: { team: 'data' } } }),
    );
    expect(schedulePod(pod({ app: 'api' }, across), nodes, [cache], undefined, namespaces)).toEqual({ node: 'b' });
    expect('message' in schedulePod(pod({ app: 'api' }, near(term({ app: 'cache' }))), nodes, [cache])).toBe(true);
  });
});
