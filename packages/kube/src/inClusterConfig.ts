import { existsSync, readFileSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { err, InputError, ok, type Result } from '@opspilot/core';
import type { LoadedKubeConfig } from './loadedKubeConfig.js';

/** Where Kubernetes mounts a pod's service account token, CA and namespace. */
export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * The configuration of a process running in a pod: the API server from `KUBERNETES_SERVICE_HOST`/`_PORT`, the CA
 * and token of the mounted service account (the token re-read on every request, so rotated tokens work) and the
 * pod's namespace.
 * @see https://kubernetes.io/docs/tasks/run-application/access-api-from-pod/
 */
export function inClusterConfig(
  env: Record<string, string | undefined>,
  dir = SERVICE_ACCOUNT_DIR,
  namespace?: string,
): Result<LoadedKubeConfig, InputError> {
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT ?? '443';
  if (!host) {
    return err(
      new InputError('not running inside a cluster: KUBERNETES_SERVICE_HOST is not set', {
        hint: 'Run opspilot in a pod with a service account, or give it a kubeconfig (--kubeconfig or KUBECONFIG).',
      }),
    );
  }
  const tokenFile = join(dir, 'token');
  const caFile = join(dir, 'ca.crt');
  for (const file of [tokenFile, caFile]) {
    if (!existsSync(file)) {
      return err(
        new InputError(`service account file ${file} is missing`, {
          hint: 'Mount the service account token (automountServiceAccountToken: true on the pod or its service account).',
        }),
      );
    }
  }
  const namespaceFile = join(dir, 'namespace');
  const podNamespace = existsSync(namespaceFile) ? readFileSync(namespaceFile, 'utf8').trim() : undefined;
  const server = `https://${isIPv6(host) ? `[${host}]` : host}:${port}`;
  const kc = new KubeConfig();
  const ns = namespace ?? podNamespace ?? 'default';
  kc.loadFromOptions({
    clusters: [{ name: 'in-cluster', server, caFile, skipTLSVerify: false }],
    users: [{ name: 'service-account', authProvider: { name: 'tokenFile', config: { tokenFile } } }],
    contexts: [{ name: 'in-cluster', cluster: 'in-cluster', user: 'service-account', namespace: ns }],
    currentContext: 'in-cluster',
  });
  return ok({
    kubeConfig: kc,
    context: 'in-cluster',
    cluster: 'in-cluster',
    server,
    namespace: ns,
    source: 'in-cluster',
  });
}
