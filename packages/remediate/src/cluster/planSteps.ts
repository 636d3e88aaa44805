import type { KubeObject, PlanStep } from '@opspilot/core';
import type { Container, PodSpec } from './kubeShapes.js';

const identity = (object: KubeObject) => ({
  apiVersion: object.apiVersion,
  kind: object.kind,
  metadata: { name: object.metadata.name, namespace: object.metadata.namespace },
});

/**
 * A strategic-merge patch of a workload's pod template (containers merged by name), as a plan step: what
 * `kubectl set image|resources` and `kubectl patch` send.
 * @see https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/
 */
export function templatePatchStep(workload: KubeObject, spec: Partial<PodSpec>, description: string): PlanStep {
  return {
    op: 'apply',
    mode: 'patch',
    object: { ...identity(workload), spec: { template: { spec } } },
    description,
  };
}

/** A template patch of one container's fields. */
export function containerPatchStep(
  workload: KubeObject,
  container: string,
  fields: Partial<Container>,
  description: string,
): PlanStep {
  return templatePatchStep(workload, { containers: [{ name: container, ...fields }] }, description);
}

/** A patch of an object's top-level fields other than its template (a Service selector, a Role's rules). */
export function objectPatchStep(object: KubeObject, fields: Record<string, unknown>, description: string): PlanStep {
  return { op: 'apply', mode: 'patch', object: { ...identity(object), ...fields }, description };
}

/** `kubectl rollout undo --to-revision`: returns a Deployment to a revision it keeps. */
export function undoStep(workload: KubeObject, toRevision: number, description: string): PlanStep {
  return {
    op: 'rolloutUndo',
    target: { kind: workload.kind, name: workload.metadata.name, namespace: workload.metadata.namespace },
    toRevision,
    description,
  };
}
