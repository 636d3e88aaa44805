import type { KubeObj } from '../../kube/kubeResource.js';
import { podSpecOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { type KubeRuleContext, kubeRule } from '../kubeRule.js';

interface Accounts {
  /** `namespace/name` of ServiceAccounts with a namespace. */
  named: Set<string>;
  /** Namespaces that hold at least one ServiceAccount. */
  namespaces: Set<string>;
  /** Names of ServiceAccounts written without a namespace (they land in whatever namespace they are applied to). */
  anywhere: Set<string>;
  /** Names of every ServiceAccount. */
  names: Set<string>;
}

function accountsOf(ctx: KubeRuleContext): Accounts {
  return ctx.memo('service-accounts', () => {
    const a: Accounts = { named: new Set(), namespaces: new Set(), anywhere: new Set(), names: new Set() };
    for (const r of ctx.byKind('ServiceAccount')) {
      const name = String(r.obj.metadata?.name);
      const ns = r.obj.metadata?.namespace;
      a.names.add(name);
      if (typeof ns === 'string' && ns !== '') {
        a.named.add(`${ns}/${name}`);
        a.namespaces.add(ns);
      } else a.anywhere.add(name);
    }
    return a;
  });
}

/** Whether the input says which ServiceAccounts exist where `obj` runs, and names `account` among them. */
function judge(obj: KubeObj, a: Accounts, account: string): 'exists' | 'missing' | 'unknown' {
  const ns = obj.metadata?.namespace;
  if (typeof ns !== 'string' || ns === '') {
    // A pod written without a namespace runs wherever it is applied: any ServiceAccount of that name may be its.
    if (a.names.size === 0) return 'unknown';
    return a.names.has(account) ? 'exists' : 'missing';
  }
  if (!a.namespaces.has(ns) && a.anywhere.size === 0) return 'unknown';
  return a.named.has(`${ns}/${account}`) || a.anywhere.has(account) ? 'exists' : 'missing';
}

/**
 * A pod naming a ServiceAccount that does not exist is refused by the ServiceAccount admission controller, so the
 * workload never starts. Judged only when the input root holds ServiceAccounts for the pod's namespace (a chart
 * that creates its own account), never on workloads whose accounts are created elsewhere; kube-linter
 * (non-existent-service-account) reports those too. `default` always exists.
 * @see https://kubernetes.io/docs/concepts/security/service-accounts/#assign-to-pod
 */
export const podServiceAccountExists = kubeRule({
  id: 'pod-service-account-exists',
  appliesTo: WORKLOAD_KINDS,
  category: 'reliability',
  severity: 'WARNING',
  description: 'A pod’s serviceAccountName must name a ServiceAccount of the input (when the input defines them)',
  fix: 'create the ServiceAccount with the workload, or correct serviceAccountName',
  check: (obj, ctx) => {
    const pod = podSpecOf(obj);
    if (!pod || ctx.byKind('ServiceAccount').length === 0) return [];
    const name = pod.spec.serviceAccountName;
    const field = typeof name === 'string' && name !== '' ? 'serviceAccountName' : 'serviceAccount';
    const account = pod.spec[field];
    if (typeof account !== 'string' || account === '' || account === 'default') return [];
    if (judge(obj, accountsOf(ctx), account) !== 'missing') return [];
    const where = obj.metadata?.namespace ? ` in namespace ${obj.metadata.namespace}` : '';
    return [
      {
        message: `the pod runs as ServiceAccount "${account}", which the input does not define${where}`,
        path: `${pod.path}.${field}`,
      },
    ];
  },
});
