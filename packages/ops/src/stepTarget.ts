import type { ObjectRef, PlanStep } from '@opspilot/core';

/** The object a step acts on (for an apply, the object it sends). */
export function stepTarget(step: PlanStep): ObjectRef | undefined {
  if (step.op === 'apply')
    return {
      kind: step.object.kind,
      name: step.object.metadata.name,
      namespace: step.object.metadata.namespace,
      apiVersion: step.object.apiVersion,
    };
  if (step.op === 'list' || step.op === 'changes') return undefined;
  if (step.op === 'analyze') return step.target;
  return step.target;
}

/** Whether a step changes the cluster. */
export function isWrite(step: PlanStep): boolean {
  return !['get', 'describe', 'list', 'logs', 'analyze', 'changes'].includes(step.op);
}
