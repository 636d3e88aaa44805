import type { KubeObject, PlanStep } from '@opspilot/core';
import { currentRevision } from './deploymentRevisions.js';
import { type Container, templateOf } from './kubeShapes.js';
import { containerPatchStep, undoStep } from './planSteps.js';

/**
 * The step that undoes a change of `fields` of one container: `rollout undo` to the revision the Deployment is at
 * now, or, for other workloads, a patch writing the fields' present values back (`null` removes one that was unset).
 */
export function restoreContainerStep(workload: KubeObject, container: string, fields: (keyof Container)[]): PlanStep {
  const revision = currentRevision(workload);
  if (workload.kind === 'Deployment' && revision > 0) {
    return undoStep(workload, revision, `roll ${workload.metadata.name} back to revision ${revision}`);
  }
  const live = templateOf(workload)?.spec.containers.find((c) => c.name === container);
  const values = Object.fromEntries(fields.map((f) => [f, live?.[f] ?? null]));
  return containerPatchStep(workload, container, values, `restore ${fields.join(', ')} of ${container}`);
}
