import { stringify } from 'yaml';

/**
 * Options of {@link buildKubeconfig}.
 * @see https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/
 */
export interface KubeconfigOptions {
  server: string;
  /** PEM of the CA to trust; without it the kubeconfig skips TLS verification (plain HTTP). */
  caPem?: string;
  name?: string;
  namespace?: string;
  /** The bearer token the user presents (the cluster's admin token, or a service account's). */
  token: string;
}

/**
 * A kubeconfig for the simulated cluster: one cluster, user and context named `opspilot-sim`, carrying the CA in
 * `certificate-authority-data` (or `insecure-skip-tls-verify: true` for plain HTTP, which client-node requires) and
 * the user's bearer token.
 * @see https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/
 */
export function buildKubeconfig(options: KubeconfigOptions): string {
  const name = options.name ?? 'opspilot-sim';
  const cluster: Record<string, unknown> = { server: options.server };
  if (options.caPem) cluster['certificate-authority-data'] = Buffer.from(options.caPem).toString('base64');
  else cluster['insecure-skip-tls-verify'] = true;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster }],
    users: [{ name, user: { token: options.token } }],
    contexts: [{ name, context: { cluster: name, user: name, namespace: options.namespace ?? 'default' } }],
    'current-context': name,
    preferences: {},
  });
}
