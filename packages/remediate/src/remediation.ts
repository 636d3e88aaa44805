import {
  type ClusterGateway,
  type Evidence,
  type Finding,
  InputError,
  type KubeObject,
  type ObjectRef,
  type PlanStep,
  refOf,
} from '@opspilot/core';
import type { Wanted } from './cluster/rbacGrants.js';

/** What a remediation reads the cluster through: the gateway, the clock's now and a way to stop. */
export interface RemediationContext {
  gateway: ClusterGateway;
  now: Date;
  signal?: AbortSignal;
}

/**
 * A state of one object a candidate was planned against: when it no longer holds at apply time (the object was
 * changed, its resourceVersion moved on) the candidate is abandoned, never forced.
 */
export interface Precondition {
  ref: ObjectRef;
  /** The object's `metadata.generation` when planned (spec changes only; status writes do not move it). */
  generation?: number;
  /** The object's resourceVersion when planned, for kinds without a generation. */
  resourceVersion?: string;
  /** The object must not exist (a StorageClass about to be created). */
  absent?: boolean;
  /**
   * Fields that must still have these values (dot paths, compared as JSON), for objects whose resourceVersion moves
   * with every status write: e.g. `{ 'spec.taints': [...] }` of a Node.
   */
  fields?: Record<string, unknown>;
  description: string;
}

/**
 * One concrete fix of one finding: the plan steps, the evidence it answers, its risk, what must still hold when it
 * is applied, how its success is judged and how it is undone. Data only: `@opspilot/ops` carries the steps out.
 */
export interface RemediationCandidate {
  /** The {@link Remediation} that produced it, e.g. `image-pull:previous-image`. */
  remediation: string;
  finding_id: string;
  /** The finding class (the analyzer id), e.g. `pod-oom-killed`. */
  finding_class: string;
  /** One sentence: what the fix changes. */
  summary: string;
  steps: PlanStep[];
  /** What the fix rests on: the finding's evidence and what the remediation found in the cluster. */
  evidence: Evidence[];
  /** `write` fixes may run under an automatic healing rule; `destructive` ones always need a person. */
  effect: 'write' | 'destructive';
  /** Why the fix is as risky as it is, for the reviewer. */
  risk: string[];
  preconditions: Precondition[];
  /** Other ways out, e.g. "label a node with disktype=ssd instead". */
  alternatives: string[];
  /** The exact difference from the last working revision, when the fix restores one (one line per field). */
  revision_diff: string[];
  /** The object whose health proves the fix: a workload, a Service, a claim. */
  subject: ObjectRef;
  /** Steps that return the subject to how it was before the fix, run when verification fails. */
  rollback: PlanStep[];
  /** For an RBAC fix: the request the fix must allow, checked after the apply (the authorizer's rules, not a pod). */
  grants?: Wanted;
  /** How sure the remediation is that this fixes the finding, 0 to 1 (ranks candidates with the learned success rate). */
  confidence: number;
}

/** What a remediation answers for a finding: candidates, or why it has none (said to the user, never hidden). */
export type RemediationAnswer = { candidates: RemediationCandidate[] } | { none: string };

/**
 * A remediation of the catalogue: for the findings of some analyzers (finding classes), candidate fixes as plans.
 * `propose` reads the live cluster (revisions, metrics, labels) and does not change it.
 * @example
 * export const oomRaiseMemory = defineRemediation({
 *   id: 'oom:raise-memory-limit',
 *   title: 'Raise the memory limit from the observed peak',
 *   findingClasses: ['pod-oom-killed'],
 *   effect: 'write',
 *   propose: async (finding, ctx) => ({ candidates: [...] }),
 * });
 */
export interface Remediation {
  id: string;
  title: string;
  findingClasses: string[];
  /** The most a candidate of it can be: `write` remediations may be automatic under a healing rule. */
  effect: 'write' | 'destructive';
  propose(finding: Finding, ctx: RemediationContext): Promise<RemediationAnswer>;
}

const ID = /^[a-z0-9][a-z0-9:.-]*$/;

/** Declares a remediation, checking its id (an action id such as `oom:raise-memory-limit`) and its classes. */
export function defineRemediation(definition: Remediation): Remediation {
  if (!ID.test(definition.id) || definition.id.length > 100) {
    throw new InputError(`remediation id "${definition.id}" is not an action id`, {
      hint: "use lowercase letters, digits, ':', '.' and '-', e.g. oom:raise-memory-limit",
    });
  }
  if (definition.findingClasses.length === 0) {
    throw new InputError(`remediation ${definition.id} names no finding class`, {
      hint: 'list the analyzer ids whose findings it fixes',
    });
  }
  return definition;
}

/**
 * The precondition that `object`'s spec is as planned: its generation when it has one (status writes by controllers
 * do not move it), else its resourceVersion.
 */
export function unchanged(object: KubeObject, description: string): Precondition {
  const generation = (object.metadata as { generation?: number }).generation;
  return {
    ref: refOf(object),
    ...(generation ? { generation } : { resourceVersion: object.metadata.resourceVersion }),
    description,
  };
}
