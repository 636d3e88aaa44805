import type { KubeObject, PlanStep, ToolEffect } from '@opspilot/core';

/** The risk of a plan and why, as deterministic code sees it. */
export interface RiskAssessment {
  risk: ToolEffect;
  reasons: string[];
}

const STATEFUL_DELETES = new Set([
  'Namespace',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'StatefulSet',
  'Node',
  'CustomResourceDefinition',
]);
const RBAC = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);
const READS = new Set(['get', 'describe', 'list', 'logs', 'analyze', 'changes']);

/** Whether a namespace is production: `env`/`environment`/`tier` label `production`/`prod`, or that name. */
export function isProductionNamespace(namespace: KubeObject | undefined, name: string | undefined): boolean {
  if (name && /^(prod|production)(-|$)/.test(name)) return true;
  const labels = namespace?.metadata.labels ?? {};
  return ['env', 'environment', 'tier', 'stage'].some((k) => /^(prod|production)$/i.test(labels[k] ?? ''));
}

function stepRisk(step: PlanStep, namespaces: readonly KubeObject[]): RiskAssessment {
  if (READS.has(step.op)) return { risk: 'read', reasons: [] };
  switch (step.op) {
    case 'delete': {
      const { kind, name, namespace } = step.target;
      if (STATEFUL_DELETES.has(kind)) {
        const extra =
          kind === 'Namespace'
            ? ' and everything in it'
            : kind === 'PersistentVolumeClaim'
              ? ' and, with a Delete reclaim policy, its data'
              : '';
        return { risk: 'destructive', reasons: [`deletes ${kind} ${namespace ? `${namespace}/` : ''}${name}${extra}`] };
      }
      return { risk: 'write', reasons: [`deletes ${kind} ${namespace ? `${namespace}/` : ''}${name}`] };
    }
    case 'drain':
      return { risk: 'destructive', reasons: [`drains node ${step.target.name}: evicts every pod on it`] };
    case 'scale': {
      const ns = step.target.namespace;
      const object = namespaces.find((n) => n.metadata.name === ns);
      if (step.replicas === 0 && isProductionNamespace(object, ns)) {
        return { risk: 'destructive', reasons: [`scales ${step.target.name} to zero in production namespace ${ns}`] };
      }
      return {
        risk: 'write',
        reasons: [`scales ${step.target.kind} ${ns ? `${ns}/` : ''}${step.target.name} to ${step.replicas}`],
      };
    }
    case 'apply': {
      const { kind, metadata } = step.object;
      if (RBAC.has(kind))
        return { risk: 'destructive', reasons: [`changes RBAC: ${kind} ${metadata.name} may widen permissions`] };
      return {
        risk: 'write',
        reasons: [
          `${step.mode === 'create' ? 'creates' : 'changes'} ${kind} ${metadata.namespace ? `${metadata.namespace}/` : ''}${metadata.name}`,
        ],
      };
    }
    case 'list':
    case 'analyze':
    case 'changes':
      return { risk: 'read', reasons: [] };
    default: {
      const { kind, name, namespace } = step.target;
      return { risk: 'write', reasons: [`${step.op} ${kind} ${namespace ? `${namespace}/` : ''}${name}`] };
    }
  }
}

const ORDER: Record<ToolEffect, number> = { read: 0, write: 1, destructive: 2 };

/**
 * The risk of a plan from its steps alone — never from a model: `read` when every step only reads; `destructive`
 * when any step deletes a namespace, volume, claim, node or stateful workload, drains a node, scales to zero in a
 * production namespace (label `env=production` or the like) or changes RBAC; `write` otherwise. `namespaces` are the
 * cluster's Namespace objects (for their labels).
 */
export function classifyRisk(steps: readonly PlanStep[], namespaces: readonly KubeObject[] = []): RiskAssessment {
  let risk: ToolEffect = 'read';
  const reasons: string[] = [];
  for (const step of steps) {
    const one = stepRisk(step, namespaces);
    if (ORDER[one.risk] > ORDER[risk]) risk = one.risk;
    reasons.push(...one.reasons);
  }
  return { risk, reasons: risk === 'read' ? ['only reads'] : reasons };
}
