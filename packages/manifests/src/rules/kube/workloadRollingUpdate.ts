import { podSpecOf } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/** Where each kind keeps its update strategy, and the type that replaces pods a few at a time. */
const STRATEGY: Record<string, string> = {
  Deployment: 'strategy',
  DaemonSet: 'updateStrategy',
  StatefulSet: 'updateStrategy',
};

/**
 * `Recreate` stops every pod before starting the new ones, and `OnDelete` never updates a pod until someone deletes
 * it: both mean downtime or a rollout that never happens. kube-linter: no-rolling-update-strategy. Unlike
 * kube-linter, an unset strategy passes (the API server defaults it to RollingUpdate), and a Deployment mounting a
 * PersistentVolumeClaim may use Recreate (a ReadWriteOnce volume cannot be attached to the old and the new pod).
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#strategy
 */
export const workloadRollingUpdate = kubeRule({
  id: 'workload-rolling-update',
  appliesTo: Object.keys(STRATEGY),
  category: 'reliability',
  severity: 'INFO',
  description: 'Deployments, DaemonSets and StatefulSets should update with the RollingUpdate strategy',
  fix: 'set the strategy type to RollingUpdate (or remove it: RollingUpdate is the default)',
  check: (obj) => {
    const field = STRATEGY[obj.kind];
    const type = field ? obj.spec?.[field]?.type : undefined;
    if (typeof type !== 'string' || type === '' || type === 'RollingUpdate') return [];
    if (type === 'Recreate' && mountsClaim(obj)) return [];
    return [{ message: `${obj.kind} updates with the ${type} strategy`, path: `spec.${field}.type` }];
  },
});

function mountsClaim(obj: Parameters<typeof podSpecOf>[0]): boolean {
  const volumes = podSpecOf(obj)?.spec.volumes;
  return Array.isArray(volumes) && volumes.some((v) => v?.persistentVolumeClaim);
}
