import { type KubeResource, namespaceOf } from '@opspilot/manifests';

/** Kinds without a namespace. */
export const CLUSTER_SCOPED = new Set(['ClusterRole', 'ClusterRoleBinding', 'Namespace', 'Node', 'PersistentVolume']);

const key = (kind: string, ns: string, name: string) => `${kind}/${ns}/${name}`;

/** Options shared by posture scans and policy audits for which objects they look at. */
export interface TargetOptions {
  /** Only objects of these namespaces (cluster-scoped objects are still checked). */
  namespaces?: string[];
  /** Check Kubernetes' own bootstrap RBAC objects and `system:` names too (default: skipped, as kubescape does). */
  includeSystem?: boolean;
}

function isSystem(r: KubeResource): boolean {
  const name = String(r.obj.metadata?.name ?? '');
  const labels = r.obj.metadata?.labels ?? {};
  return name.startsWith('system:') || labels['kubernetes.io/bootstrapping'] === 'rbac-defaults';
}

/**
 * The objects a scan or audit reports on. A live object managed by another object of the run (a Pod of a
 * ReplicaSet of a Deployment) repeats its owner's template, so only the top owner is kept and each problem is
 * reported once.
 */
export function scanTargets(resources: KubeResource[], options: TargetOptions = {}): KubeResource[] {
  const present = new Set(resources.map((r) => key(r.obj.kind, namespaceOf(r.obj), String(r.obj.metadata?.name))));
  const nsFilter = options.namespaces ? new Set(options.namespaces) : undefined;
  return resources.filter((r) => {
    if (nsFilter && !CLUSTER_SCOPED.has(r.obj.kind) && !nsFilter.has(namespaceOf(r.obj))) return false;
    if (!options.includeSystem && isSystem(r)) return false;
    const owners = (r.obj.metadata as { ownerReferences?: { kind?: string; name?: string; controller?: boolean }[] })
      ?.ownerReferences;
    if (!Array.isArray(owners)) return true;
    return !owners.some(
      (o) => o?.controller !== false && present.has(key(String(o?.kind), namespaceOf(r.obj), String(o?.name))),
    );
  });
}
