import { InputError } from '@opspilot/core';
import { type KubeResource, kubeRuleContext, namespaceOf } from '@opspilot/manifests';
import { CLUSTER_SCOPED, scanTargets, type TargetOptions } from '../posture/scanTargets.js';
import { POLICY_TEMPLATES, policyTemplate } from './policyLibrary.js';
import type { PolicyTemplate } from './policyTemplate.js';
import type { PolicyViolation, SecurityPolicy } from './securityPolicy.js';

/** A policy whose template exists and whose parameters parse, ready to run. */
interface ReadyPolicy {
  policy: SecurityPolicy;
  template: PolicyTemplate;
  params: unknown;
  kinds: Set<string>;
}

/** Checks a policy's template and parameters; an unknown template or bad parameter is an InputError naming it. */
export function preparePolicy(policy: SecurityPolicy): ReadyPolicy {
  const template = policyTemplate(policy.template);
  if (!template) {
    throw new InputError(`policy ${policy.name}: unknown template ${policy.template}`, {
      hint: `use one of: ${POLICY_TEMPLATES.map((t) => t.id).join(', ')}`,
    });
  }
  const parsed = template.parameters.safeParse(policy.parameters);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`policy ${policy.name}: parameter ${issue?.path.join('.') || '(root)'}: ${issue?.message}`, {
      hint: `see the parameters of ${template.id} in docs/security.md`,
    });
  }
  return { policy, template, params: parsed.data, kinds: new Set(policy.match.kinds ?? template.kinds) };
}

/**
 * Runs policies over objects (live or from files) and returns one violation per (policy, object) with every
 * reason. Owned objects are left to their owner, as in a posture scan.
 */
export function auditPolicies(
  policies: SecurityPolicy[],
  resources: KubeResource[],
  options: TargetOptions = {},
): PolicyViolation[] {
  const ready = policies.filter((p) => p.enabled).map(preparePolicy);
  const ctx = kubeRuleContext(resources);
  const out: PolicyViolation[] = [];
  for (const r of scanTargets(resources, options)) {
    const scoped = CLUSTER_SCOPED.has(r.obj.kind);
    const ns = scoped ? undefined : namespaceOf(r.obj);
    for (const p of ready) {
      if (!p.kinds.has(r.obj.kind)) continue;
      if (ns && p.policy.match.namespaces && !p.policy.match.namespaces.includes(ns)) continue;
      if (ns && p.policy.match.excludedNamespaces?.includes(ns)) continue;
      const reasons = p.template.check(r.obj, p.params as never, ctx);
      if (reasons.length === 0) continue;
      out.push({
        policy: p.policy.name,
        template: p.template.id,
        kind: r.obj.kind,
        ...(ns ? { namespace: ns } : {}),
        name: String(r.obj.metadata?.name ?? '(unnamed)'),
        reasons,
      });
    }
  }
  return out.sort(
    (a, b) =>
      a.policy.localeCompare(b.policy) ||
      `${a.kind}/${a.namespace ?? ''}/${a.name}`.localeCompare(`${b.kind}/${b.namespace ?? ''}/${b.name}`),
  );
}
