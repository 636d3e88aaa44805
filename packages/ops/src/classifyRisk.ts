import { type ClusterGateway, formatRef, type PlanStep } from '@opspilot/core';
import { stepTarget } from './stepTarget.js';

/** The risk of a plan as decided by code, with the reasons and the names a destructive plan's approver must type. */
export interface RiskAssessment {
  risk: 'read' | 'write' | 'destructive';
  reasons: string[];
  confirmations: string[];
}

const READS = new Set(['get', 'describe', 'list', 'logs', 'analyze']);
const STATEFUL = new Set(['StatefulSet', 'PersistentVolumeClaim', 'PersistentVolume', 'Namespace']);
const RBAC = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);
/** Namespaces whose workloads keep the cluster itself running. */
export const PROTECTED_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

const isProduction = (labels: Record<string, string> | undefined) =>
  Object.entries(labels ?? {}).some(
    ([k, v]) => ['env', 'environment', 'tier', 'stage'].includes(k.split('/').pop() ?? k) && /^prod(uction)?$/i.test(v),
  );

/**
 * Classifies a plan's steps by deterministic rules — never by what a planner or a model said: reads run at once;
 * any change is a write; deleting a namespace, claim, volume or stateful workload, draining a node, scaling to zero
 * in a namespace labelled production, changing RBAC, or writing to a system namespace is destructive and needs the
 * target's name typed by the approver.
 */
export async function classifyRisk(steps: PlanStep[], gateway: ClusterGateway): Promise<RiskAssessment> {
  const reasons: string[] = [];
  const confirmations: string[] = [];
  let risk: RiskAssessment['risk'] = 'read';
  const destructive = (why: string, name: string) => {
    risk = 'destructive';
    reasons.push(why);
    if (!confirmations.includes(name)) confirmations.push(name);
  };
  const labelsOf = new Map<string, Record<string, string> | undefined>();
  const namespaceLabels = async (ns: string) => {
    if (!labelsOf.has(ns)) labelsOf.set(ns, (await gateway.get({ kind: 'Namespace', name: ns }))?.metadata.labels);
    return labelsOf.get(ns);
  };
  for (const step of steps) {
    if (READS.has(step.op)) continue;
    if (risk === 'read') risk = 'write';
    const target = stepTarget(step);
    if (!target) continue;
    const ref = formatRef(target);
    if (step.op === 'delete' && (STATEFUL.has(target.kind) || target.kind === 'Node')) {
      destructive(
        `deletes ${ref}${target.kind === 'Namespace' ? ' and everything in it' : ' and its data'}`,
        target.name,
      );
    } else if (step.op === 'delete' && RBAC.has(target.kind)) {
      destructive(`deletes RBAC object ${ref}`, target.name);
    } else if (step.op === 'drain') {
      destructive(`drains node ${target.name}: every pod on it is evicted`, target.name);
    } else if (step.op === 'apply' && RBAC.has(target.kind)) {
      destructive(`changes RBAC (${ref}): may widen what someone can do`, target.name);
    } else if (step.op === 'scale' && step.replicas === 0 && target.namespace) {
      if (isProduction(await namespaceLabels(target.namespace)))
        destructive(`scales ${ref} to zero in production namespace ${target.namespace}`, target.name);
      else reasons.push(`scales ${ref} to zero: it stops serving`);
    } else if (step.op === 'delete') {
      reasons.push(`deletes ${ref}`);
    } else {
      reasons.push(`changes ${ref}`);
    }
    if (target.namespace && PROTECTED_NAMESPACES.has(target.namespace))
      destructive(`writes to system namespace ${target.namespace}`, target.name);
  }
  return { risk, reasons, confirmations };
}
