import type { V1Eviction } from '@kubernetes/client-node';
import { type EvictOptions, InputError, type ObjectRef } from '@opspilot/core';
import { type GatewayContext, namespaceFor, send } from './gatewayContext.js';
import { builtinKind, resourcePath } from './kindTable.js';

const POD = builtinKind('Pod')!;

/**
 * Evicts one pod as `kubectl drain` does: a policy/v1 `Eviction` posted to the pod's `eviction` subresource (the
 * request of client-node's `CoreV1Api.createNamespacedPodEviction`, sent through the gateway's client), so the API
 * server checks the PodDisruptionBudgets selecting the pod before deleting it. A budget that allows no disruption
 * now is a `DisruptionBudgetError` naming it ({@link mapKubeError}); a missing pod a `NotFoundError`; a `uid` that
 * no longer matches (the pod was re-created under its name) a `ConflictError`. RBAC needs `create` on
 * `pods/eviction`.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/api-eviction/
 */
export async function evictPod(ctx: GatewayContext, pod: ObjectRef, options: EvictOptions = {}): Promise<void> {
  if (builtinKind(pod.kind) !== POD) {
    throw new InputError(`only pods can be evicted, not ${pod.kind} ${pod.name}`, {
      hint: 'Evict the pods of a workload one by one, or delete the object instead.',
    });
  }
  const namespace = namespaceFor(ctx, POD, pod.namespace);
  const eviction: V1Eviction = {
    apiVersion: 'policy/v1',
    kind: 'Eviction',
    metadata: { name: pod.name, namespace },
    deleteOptions: {
      ...(options.dryRun ? { dryRun: ['All'] } : {}),
      ...(options.uid ? { preconditions: { uid: options.uid } } : {}),
      ...(options.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: options.gracePeriodSeconds } : {}),
    },
  };
  await send(
    ctx,
    {
      method: 'POST',
      path: `${resourcePath(POD, namespace, pod.name)}/eviction`,
      query: { dryRun: options.dryRun ? 'All' : undefined },
      body: eviction,
      signal: options.signal,
    },
    { verb: 'create', info: POD, name: pod.name, namespace, subresource: 'eviction' },
  );
}
