import type { ResourceRegistry } from '../api/resourceRegistry.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ObjectStore } from '../store/objectStore.js';

type Json = Record<string, unknown>;

/**
 * The ServiceAccount admission's refusal of a pod whose service account does not exist, or undefined. The
 * `default` account is not checked: the service account controller creates it in every namespace.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#serviceaccount
 */
export function serviceAccountRefusal(
  store: ObjectStore,
  registry: ResourceRegistry,
  pod: KubeObject,
): string | undefined {
  const name = String((pod.spec as Json | undefined)?.serviceAccountName ?? 'default');
  const accounts = registry.find('', 'v1', 'serviceaccounts');
  const namespace = pod.metadata.namespace ?? 'default';
  if (name === 'default' || !accounts || store.find(accounts, namespace, name)) return undefined;
  return `error looking up service account ${namespace}/${name}: serviceaccount "${name}" not found`;
}
