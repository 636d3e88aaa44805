import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OpspilotConfig } from '@opspilot/config';
import { NotFoundError } from '@opspilot/core';
import { createClusterGateway, type KubeClusterGateway, loadKubeConfig } from '@opspilot/kube';
import { SIM_KUBECONFIG } from './clusterAccess.js';

/**
 * The gateway of the cluster `name`: a cluster registered in the store (its stored, sealed credentials) or,
 * when none is registered by that name, the kubeconfig context of that name (in `--kubeconfig`, the simulated
 * cluster's kubeconfig, or `KUBECONFIG` / `~/.kube/config`, as the other commands find it). A name that is neither
 * is a NotFoundError saying where it looked.
 */
export async function namedClusterGateway(
  config: OpspilotConfig,
  io: { cwd: string; env: Record<string, string | undefined> },
  name: string,
  namespace?: string,
): Promise<KubeClusterGateway> {
  // The store (and its database driver) is loaded only when a cluster is named, not with every command using this.
  const { withStore } = await import('./openCliStore.js');
  const kubeconfigYaml = await withStore(config, io.cwd, async (store) => {
    const found = await store.clusters.findByName(name);
    return found ? store.clusters.getKubeconfig(found.id) : undefined;
  });
  if (kubeconfigYaml !== undefined) {
    return createClusterGateway({
      kubeconfigYaml,
      namespace,
      allowedExecCommands: config.clusters.allowed_exec_commands,
    });
  }
  const sim = resolve(io.cwd, config.data_dir, SIM_KUBECONFIG);
  const file = config.kube.kubeconfig
    ? resolve(io.cwd, config.kube.kubeconfig)
    : config.kube.cluster === 'simulated' && existsSync(sim)
      ? sim
      : undefined;
  const loaded = loadKubeConfig({ kubeconfig: file, context: name, namespace, env: io.env });
  if (loaded.ok) return createClusterGateway({ loaded: loaded.value });
  throw new NotFoundError(`no cluster named ${name}: neither registered nor a kubeconfig context`, {
    cause: loaded.error,
    hint: 'list the registered clusters with `opspilot clusters list` and the contexts with `kubectl config get-contexts`',
  });
}
