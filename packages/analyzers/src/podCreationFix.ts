import type { KubeObject, ProposedFix } from '@opspilot/core';
import { templateSpecOf } from './kubeTypes.js';
import { parseQuantity } from './quantity.js';

const NO_ACCOUNT = /error looking up service account ([^/\s]+)\/([^:\s]+)/;
const LIMIT_RANGE =
  /(maximum|minimum) (cpu|memory|ephemeral-storage) usage per Container is (\S+), but (limit|request) is (\S+?)[.,\]]?(?:\s|$)/;
const QUOTA = /exceeded quota: ([^,\s]+)/;

/**
 * The fix for pods a controller cannot create, read from the API server's refusal: a missing ServiceAccount is
 * created; a container outside a LimitRange's bounds is brought inside them (its request too, when it would exceed
 * the new limit); an exhausted quota is raised or freed. `workload` is the object whose pod template is patched (the
 * ReplicaSet's Deployment, or the ReplicaSet). Undefined when the refusal names nothing this knows how to fix.
 * @see https://kubernetes.io/docs/concepts/policy/limit-range/
 */
export function podCreationFix(why: string, workload: KubeObject): ProposedFix | undefined {
  const ns = workload.metadata.namespace ?? 'default';
  const target = `${workload.kind.toLowerCase()}/${workload.metadata.name} -n ${ns}`;
  const account = NO_ACCOUNT.exec(why);
  if (account) {
    return {
      description: `ServiceAccount ${account[2]} does not exist in namespace ${account[1]}: create it (with the RoleBindings the app needs), or set serviceAccountName of ${target} to an existing one`,
      command: `kubectl create serviceaccount ${account[2]} -n ${account[1]}`,
    };
  }
  const range = LIMIT_RANGE.exec(why);
  if (range) {
    const [, bound = '', resource = '', allowed = '', field = ''] = range;
    const containers = templateSpecOf(workload).containers ?? [];
    const patched = containers.map((c) => {
      const requests = { ...(c.resources?.requests ?? {}) } as Record<string, string>;
      const limits = { ...(c.resources?.limits ?? {}) } as Record<string, string>;
      const side = field === 'limit' ? limits : requests;
      const value = side[resource];
      if (value === undefined) return undefined;
      const q = (v: string) => parseQuantity(v) ?? 0;
      const outside = bound === 'maximum' ? q(value) > q(allowed) : q(value) < q(allowed);
      if (!outside) return undefined;
      side[resource] = allowed;
      // A request above its new limit would be refused in turn.
      const request = requests[resource];
      if (field === 'limit' && request !== undefined && q(request) > q(allowed)) requests[resource] = allowed;
      return { name: c.name, resources: { requests, limits } };
    });
    const changed = patched.filter((c) => c !== undefined);
    const body = { spec: { template: { spec: { containers: changed } } } };
    return {
      description: `A LimitRange allows a ${bound} ${resource} ${field} of ${allowed} per container: set ${changed.length > 0 ? changed.map((c) => c.name).join(', ') : 'the containers'} of ${target} within it (or change the LimitRange)`,
      ...(changed.length > 0
        ? {
            patch: { type: 'strategic' as const, body },
            command: `kubectl patch ${target} --type strategic -p '${JSON.stringify(body)}'`,
          }
        : { command: `kubectl describe limitrange -n ${ns}` }),
    };
  }
  const quota = QUOTA.exec(why);
  if (quota) {
    return {
      description: `ResourceQuota ${quota[1]} is used up: raise its limit, free some of it, or lower what ${target} asks for`,
      command: `kubectl describe resourcequota ${quota[1]} -n ${ns}`,
    };
  }
  return undefined;
}
