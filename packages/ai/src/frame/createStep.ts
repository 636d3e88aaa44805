import type { KubeObject, PlanStep } from '@opspilot/core';
import type { Built } from '../plan/planContext.js';

/** Metadata of a new object: its name, namespace when namespaced, and labels when given. */
export const meta = (name: string, namespace?: string, labels?: Record<string, string>) => ({
  name,
  ...(namespace ? { namespace } : {}),
  ...(labels ? { labels } : {}),
});

/** The apply step that creates `object` (described as `create Kind name in namespace ns` unless `what` is given). */
export function create(object: KubeObject, what?: string): PlanStep {
  const where = object.metadata.namespace ? ` in namespace ${object.metadata.namespace}` : '';
  return {
    op: 'apply',
    mode: 'create',
    object,
    description: what ?? `create ${object.kind} ${object.metadata.name}${where}`,
  };
}

/** What each creation builder gets from `createFromFrame`: the namespace, its check and how steps are finished. */
export interface CreationEnv {
  /** The namespace the new objects go to (named, created earlier in the plan, or `default`). */
  namespace: string;
  /** A question when the namespace neither exists nor is created by an earlier step; else undefined. */
  needNamespace(): Built | undefined;
  /** The steps with their summary, remembering what they create for later clauses of the same request. */
  done(summary: string, list: PlanStep[]): Built;
}
