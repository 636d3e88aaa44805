import type { KubeObject } from '@opspilot/core';

/** One line of facts about an object for lists: kind, namespace/name and what its status says. */
export function summarizeObject(object: KubeObject): Record<string, unknown> {
  const status = (object.status ?? {}) as Record<string, unknown>;
  const spec = (object.spec ?? {}) as Record<string, unknown>;
  const facts: Record<string, unknown> = {
    kind: object.kind,
    name: object.metadata.name,
    ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
  };
  if (object.metadata.labels) facts.labels = object.metadata.labels;
  if (typeof spec.replicas === 'number') facts.replicas = spec.replicas;
  for (const key of ['phase', 'readyReplicas', 'availableReplicas', 'updatedReplicas']) {
    if (status[key] !== undefined) facts[key] = status[key];
  }
  const containers = (status.containerStatuses ?? []) as {
    name?: string;
    restartCount?: number;
    state?: Record<string, { reason?: string }>;
  }[];
  if (containers.length) {
    facts.containers = containers.map((c) => ({
      name: c.name,
      restarts: c.restartCount ?? 0,
      state: Object.entries(c.state ?? {}).map(([state, detail]) =>
        detail?.reason ? `${state}:${detail.reason}` : state,
      )[0],
    }));
  }
  if (spec.unschedulable) facts.unschedulable = true;
  return facts;
}
