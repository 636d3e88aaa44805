import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock, Cluster, EventBus } from '@opspilot/core';
import { inClusterConfig, SERVICE_ACCOUNT_DIR } from '@opspilot/kube';
import type { Store } from '@opspilot/store';
import { registerSystemCluster } from './registerSystemCluster.js';

/** Name under which a server running in a pod registers the cluster it runs in. */
export const IN_CLUSTER_NAME = 'in-cluster';

/** Where to look for the pod's API server and service account; the real ones when unset (tests point elsewhere). */
export interface InClusterOptions {
  /** Environment holding `KUBERNETES_SERVICE_HOST` and `KUBERNETES_SERVICE_PORT`; `process.env` when unset. */
  env?: Record<string, string | undefined>;
  /** Folder of the mounted service account (`token`, `ca.crt`, `namespace`). */
  serviceAccountDir?: string;
}

/**
 * When the server runs in a pod (`KUBERNETES_SERVICE_HOST` set and the service account token mounted), registers
 * the cluster it runs in as `in-cluster` (auth type SERVICE_ACCOUNT), or refreshes it on every later start, so it is
 * listed, analysed and watched like any other cluster. The stored kubeconfig names the mounted token and CA files
 * rather than copying them: the token is re-read as the kubelet rotates it. Returns undefined outside a pod; a pod
 * whose service account files are incomplete is an InputError naming the missing file.
 * @see https://kubernetes.io/docs/tasks/run-application/access-api-from-pod/
 */
export async function registerInCluster(
  services: { store: Store; bus: EventBus; clock: Clock },
  options: InClusterOptions = {},
): Promise<Cluster | undefined> {
  const env = options.env ?? process.env;
  const dir = options.serviceAccountDir ?? SERVICE_ACCOUNT_DIR;
  if (!env.KUBERNETES_SERVICE_HOST || !existsSync(join(dir, 'token'))) return undefined;
  const loaded = inClusterConfig(env, dir);
  if (!loaded.ok) throw loaded.error;
  const { server, namespace } = loaded.value;
  const { cluster } = await registerSystemCluster(services, {
    name: IN_CLUSTER_NAME,
    fields: {
      api_server_url: server,
      display_name: 'The cluster opspilot runs in',
      platform: 'KUBERNETES',
      cluster_type: 'HUB',
      labels: { 'opspilot.dev/in-cluster': 'true' },
    },
    authType: 'SERVICE_ACCOUNT',
    kubeconfig: loaded.value.kubeConfig.exportConfig(),
    online: false,
    details: { api_server_url: server, namespace, service_account: true },
  });
  return cluster;
}
