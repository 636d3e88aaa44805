import type { KubeObject, PlanStep } from '@opspilot/core';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether every field `wanted` sets is in `live` (named list items matched by `name`; `null` means absent). */
function contains(wanted: unknown, live: unknown): boolean {
  if (wanted === null) return live === undefined || live === null;
  if (isObject(wanted)) return isObject(live) && Object.entries(wanted).every(([k, v]) => contains(v, live[k]));
  if (Array.isArray(wanted)) {
    if (!Array.isArray(live)) return false;
    return wanted.every((item, i) =>
      isObject(item) && typeof item.name === 'string'
        ? live.some((l) => isObject(l) && l.name === item.name && contains(item, l))
        : contains(item, live[i]),
    );
  }
  return wanted === live;
}

const annotation = (object: KubeObject | undefined, key: string) => object?.metadata.annotations?.[key];
const templateAnnotation = (object: KubeObject | undefined, key: string) =>
  ((object?.spec as Json | undefined)?.template as { metadata?: { annotations?: Record<string, string> } } | undefined)
    ?.metadata?.annotations?.[key];

/**
 * Whether the cluster shows a changing step's effect, read once from the live object (`undefined` when absent) and
 * the object as it was before the step: the replica count set, the fields applied, the object gone, the node
 * cordoned or not, a restart or rollback newer than before. Used to reconcile an operation whose applier stopped.
 */
export function stepInEffect(step: PlanStep, live: KubeObject | undefined, before: KubeObject | undefined): boolean {
  switch (step.op) {
    case 'scale':
      return (live?.spec as { replicas?: number } | undefined)?.replicas === step.replicas;
    case 'apply': {
      if (!live) return false;
      const { apiVersion: _a, kind: _k, metadata, ...rest } = step.object;
      const { name: _n, namespace: _ns, ...meta } = metadata;
      return contains({ ...rest, metadata: meta }, live);
    }
    case 'delete':
      return !live || Boolean(live.metadata.deletionTimestamp);
    case 'cordon':
    case 'drain':
    case 'uncordon':
      return (
        Boolean((live?.spec as { unschedulable?: boolean } | undefined)?.unschedulable) === (step.op !== 'uncordon')
      );
    case 'rolloutRestart': {
      const key = 'kubectl.kubernetes.io/restartedAt';
      return (
        templateAnnotation(live, key) !== undefined && templateAnnotation(live, key) !== templateAnnotation(before, key)
      );
    }
    case 'rolloutUndo': {
      const key = 'deployment.kubernetes.io/revision';
      return annotation(live, key) !== undefined && annotation(live, key) !== annotation(before, key);
    }
    default:
      return false;
  }
}
