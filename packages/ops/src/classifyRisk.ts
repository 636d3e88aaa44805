import { classifyRisk as classifySteps } from '@opspilot/ai';
import type { ClusterGateway, KubeObject, PlanStep } from '@opspilot/core';
import { destructiveDeletes } from './destructiveDeletes.js';
import { privilegeEscalation } from './privilegeEscalation.js';
import { stepTarget } from './stepTarget.js';

/** The risk of a plan as decided by code, with the reasons and the names a destructive plan's approver must type. */
export interface RiskAssessment {
  risk: 'read' | 'write' | 'destructive';
  reasons: string[];
  confirmations: string[];
}

/** Namespaces whose workloads keep the cluster itself running. */
export const PROTECTED_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

/**
 * The gatekeeper's classification of a plan — whatever risk the planner or a model claimed: the step rules of
 * `@opspilot/ai` (deletes of namespaces, volumes, claims, nodes and stateful workloads, drains, scaling to zero in a
 * production namespace and RBAC changes are destructive) read against the live labels of the namespaces involved,
 * plus this package's own: deleting a stateful, serving or credential object ({@link destructiveDeletes}), any
 * privilege escalation ({@link privilegeEscalation}) and any write in a system namespace. A destructive plan's approver must type the name of every target of a
 * changing step.
 */
export async function classifyRisk(steps: PlanStep[], gateway: ClusterGateway): Promise<RiskAssessment> {
  const targets = steps
    .filter((s) => !READS.has(s.op))
    .map(stepTarget)
    .filter((t) => t !== undefined);
  const names = [...new Set(targets.map((t) => t.namespace).filter((n): n is string => Boolean(n)))];
  const namespaces = (await Promise.all(names.map((name) => gateway.get({ kind: 'Namespace', name })))).filter(
    (n): n is KubeObject => n !== undefined,
  );
  const assessed = classifySteps(steps, namespaces);
  let risk = assessed.risk;
  const reasons = [...assessed.reasons];
  // This package's own rules, whatever the planner's classification says: deletes of stateful, serving and
  // credential objects, and privilege escalation (privileged pods and templates, host namespaces, hostPath, added
  // capabilities, bindings to cluster-admin, wildcard roles).
  const own = steps.flatMap((s) => [...destructiveDeletes(s), ...privilegeEscalation(s)]);
  if (own.length > 0) {
    risk = 'destructive';
    reasons.push(...own.filter((r) => !reasons.includes(r)));
  }
  const system = targets.filter((t) => t.namespace && PROTECTED_NAMESPACES.has(t.namespace));
  if (system.length > 0) {
    risk = 'destructive';
    reasons.push(...new Set(system.map((t) => `writes to system namespace ${t.namespace}`)));
  }
  const confirmations = risk === 'destructive' ? [...new Set(targets.map((t) => t.name))] : [];
  return { risk, reasons: risk === 'read' ? [] : reasons, confirmations };
}

const READS = new Set(['get', 'describe', 'list', 'logs', 'analyze', 'changes']);
