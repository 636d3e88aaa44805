import { finishPlan } from '@opspilot/ai';
import {
  type ClusterGateway,
  ConflictError,
  type CostRecommendation,
  InputError,
  type KubeObject,
  NotFoundError,
  type Plan,
  parseQuantity,
} from '@opspilot/core';
import type { ContainerResources } from '../rightsizing/rightsize.js';

type Json = Record<string, unknown>;

const API_VERSIONS: Record<string, string> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
};

/** What a RIGHTSIZE recommendation's `proposed_change` holds. */
interface RightsizeChange {
  container: string;
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  remove_cpu_limit?: boolean;
  current: ContainerResources;
}

function changeOf(rec: CostRecommendation): RightsizeChange {
  const c = rec.proposed_change as unknown as RightsizeChange;
  if (rec.type !== 'RIGHTSIZE' || typeof c?.container !== 'string' || !c.resources) {
    throw new InputError(`recommendation ${rec.id} is a ${rec.type} recommendation, not a rightsizing one`, {
      hint: 'only RIGHTSIZE recommendations are applied as plans; act on the others by hand',
    });
  }
  if (!API_VERSIONS[rec.resource.kind]) {
    throw new InputError(`cannot patch the resources of a ${rec.resource.kind}`, {
      hint: 'rightsizing applies to Deployments, StatefulSets, DaemonSets and ReplicaSets',
    });
  }
  return c;
}

/** The container's resources as they are now in `workload`, in cores and bytes. */
export function liveResources(workload: KubeObject, container: string): ContainerResources | undefined {
  const template = ((workload.spec as Json | undefined)?.template as Json | undefined)?.spec as Json | undefined;
  const c = ((template?.containers as Json[] | undefined) ?? []).find((x) => x.name === container);
  if (!c) return undefined;
  const resources = (c.resources as Json | undefined) ?? {};
  const req = (resources.requests as Json | undefined) ?? {};
  const lim = (resources.limits as Json | undefined) ?? {};
  const cpuLimit = parseQuantity(lim.cpu);
  const memoryLimit = parseQuantity(lim.memory);
  const cpuRequest = parseQuantity(req.cpu) ?? cpuLimit;
  const memoryRequest = parseQuantity(req.memory) ?? memoryLimit;
  return {
    ...(cpuRequest ? { cpu_request: cpuRequest } : {}),
    ...(cpuLimit !== undefined ? { cpu_limit: cpuLimit } : {}),
    ...(memoryRequest ? { memory_request: memoryRequest } : {}),
    ...(memoryLimit !== undefined ? { memory_limit: memoryLimit } : {}),
  };
}

const FIELDS: (keyof ContainerResources)[] = ['cpu_request', 'cpu_limit', 'memory_request', 'memory_limit'];

/** What differs between the resources a recommendation was computed against and the live ones, in words. */
export function resourceDrift(then: ContainerResources, now: ContainerResources): string[] {
  return FIELDS.filter((f) => {
    const a = then[f];
    const b = now[f];
    if (a === undefined || b === undefined) return a !== b;
    return Math.abs(a - b) > Math.max(1e-9, Math.abs(a) * 1e-6);
  }).map((f) => `${f.replace('_', ' ')} was ${then[f] ?? 'unset'}, is now ${now[f] ?? 'unset'}`);
}

/**
 * Checks that the recommendation's target is still as it was computed against: the workload exists, has the
 * container, and its requests and limits are unchanged. Throws {@link ConflictError} (stale) or
 * {@link NotFoundError} otherwise, and returns the live workload.
 */
export async function checkTargetUnchanged(gateway: ClusterGateway, rec: CostRecommendation): Promise<KubeObject> {
  const change = changeOf(rec);
  const ref = {
    kind: rec.resource.kind,
    namespace: rec.resource.namespace,
    name: rec.resource.name,
    apiVersion: API_VERSIONS[rec.resource.kind],
  };
  const live = await gateway.get(ref);
  if (!live) {
    throw new NotFoundError(`${rec.resource.kind} ${rec.resource.namespace}/${rec.resource.name} no longer exists`, {
      hint: 'recompute the recommendations (opspilot cost recommendations)',
    });
  }
  const now = liveResources(live, change.container);
  if (!now) {
    throw new ConflictError(`${rec.resource.name} has no container "${change.container}" any more`, {
      hint: 'recompute the recommendations (opspilot cost recommendations)',
    });
  }
  const drift = resourceDrift(change.current, now);
  if (drift.length > 0) {
    throw new ConflictError(
      `${rec.resource.kind} ${rec.resource.namespace}/${rec.resource.name} changed since the recommendation was computed: ${drift.join('; ')}`,
      { hint: 'recompute the recommendations (opspilot cost recommendations) and apply the new one' },
    );
  }
  return live;
}

/**
 * The plan of a RIGHTSIZE recommendation: one strategic-merge patch of the workload's pod template that sets the
 * container's requests and limits (and removes its CPU limit when the policy has none) — nothing else. The
 * rollout it causes is verified by the operation lifecycle.
 */
export function rightsizePlan(rec: CostRecommendation, namespaces: readonly KubeObject[]): Plan {
  const change = changeOf(rec);
  const limits: Record<string, string | null> = { ...change.resources.limits };
  if (change.remove_cpu_limit) limits.cpu = null;
  const resources: Json = { requests: change.resources.requests };
  if (Object.keys(limits).length > 0) resources.limits = limits;
  const { kind, namespace, name } = rec.resource;
  return finishPlan(
    {
      request: `rightsize ${kind.toLowerCase()} ${name} container ${change.container} in ${namespace}`,
      summary: `Set the resources of container ${change.container} of ${kind} ${namespace}/${name}: ${rec.description}`,
      steps: [
        {
          op: 'apply',
          mode: 'patch',
          object: {
            apiVersion: API_VERSIONS[kind]!,
            kind,
            metadata: { name, namespace },
            spec: { template: { spec: { containers: [{ name: change.container, resources }] } } },
          },
          description: `set requests ${JSON.stringify(change.resources.requests)} and limits ${JSON.stringify(limits)} of ${change.container}`,
        },
      ],
      assumptions: [
        `cost recommendation ${rec.id}: saves about ${rec.estimated_monthly_savings} ${rec.currency} per month`,
        `computed against requests/limits ${JSON.stringify(change.current)}`,
      ],
      planner: 'cost:rightsize',
    },
    namespaces,
  );
}
