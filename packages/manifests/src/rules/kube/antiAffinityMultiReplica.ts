import { podSpecOf, replicasOf } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * Replicas on one node or zone fail together; spread them with topologySpreadConstraints or pod anti-affinity.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/
 */
export const antiAffinityMultiReplica = kubeRule({
  id: 'anti-affinity-multi-replica',
  appliesTo: ['Deployment', 'StatefulSet'],
  category: 'reliability',
  severity: 'WARNING',
  description: 'Workloads with 2 or more replicas should spread pods (anti-affinity or topology spread)',
  fix: 'add topologySpreadConstraints on kubernetes.io/hostname (or podAntiAffinity) to the pod spec',
  check: (obj) => {
    const pod = podSpecOf(obj);
    if (!pod || (replicasOf(obj) ?? 1) < 2) return [];
    const spread = Array.isArray(pod.spec.topologySpreadConstraints) && pod.spec.topologySpreadConstraints.length > 0;
    if (spread || pod.spec.affinity?.podAntiAffinity) return [];
    return [{ message: 'the replicas may all land on one node', path: pod.path }];
  },
});
