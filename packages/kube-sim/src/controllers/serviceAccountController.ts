import type { ControllerContext } from './controllerContext.js';

type Json = Record<string, unknown>;

/**
 * The service account controller: every Active namespace gets its `default` ServiceAccount, created again when it
 * is deleted, as kube-controller-manager's `serviceaccount` controller does.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/#serviceaccount-controller
 */
export function reconcileServiceAccounts(ctx: ControllerContext): void {
  const namespaces = ctx.registry.find('', 'v1', 'namespaces');
  const accounts = ctx.registry.find('', 'v1', 'serviceaccounts');
  if (!namespaces || !accounts) return;
  for (const ns of ctx.store.list(namespaces).items) {
    if (ns.metadata.deletionTimestamp || (ns.status as Json | undefined)?.phase === 'Terminating') continue;
    const name = ns.metadata.name;
    if (ctx.store.find(accounts, name, 'default')) continue;
    if (!ctx.begin(ns)) continue;
    ctx.store.create(accounts, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default', namespace: name },
    });
  }
}
