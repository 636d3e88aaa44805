import type { OpspilotConfig } from '@opspilot/config';
import { InputError } from '@opspilot/core';
import { createClusterGateway, type KubeClusterGateway } from '@opspilot/kube';

/**
 * The clusters `opspilot analyze --all-clusters` covers, each with a way to open it: every registered cluster
 * (its stored credentials). Opening is
 * deferred so a cluster whose credentials do not load is reported with the others instead of stopping them.
 */
export async function fleetClusters(
  config: OpspilotConfig,
  io: { cwd: string; env: Record<string, string | undefined> },
  name: string | undefined,
  namespace: string | undefined,
): Promise<Array<{ name: string; id: string; open: () => Promise<KubeClusterGateway> }>> {
  if (name) {
    throw new InputError('--all-clusters and --cluster exclude each other', { hint: 'pass one of them' });
  }
  // Loaded here: only `analyze --all-clusters` needs the store and its database driver.
  const { withStore } = await import('../openCliStore.js');
  const registered = await withStore(config, io.cwd, async (store) => {
    const found: Array<{ name: string; id: string; kubeconfig: () => Promise<string> }> = [];
    for (let page = 1; ; page++) {
      const result = await store.clusters.list({}, { page, page_size: 100 });
      for (const c of result.items) {
        const kubeconfig = await store.clusters.getKubeconfig(c.id).catch((error: unknown) => error as Error);
        found.push({
          name: c.name,
          id: c.id,
          kubeconfig: async () => {
            if (kubeconfig instanceof Error) throw kubeconfig;
            return kubeconfig;
          },
        });
      }
      if (page >= result.total_pages) return found;
    }
  });
  if (registered.length === 0) {
    throw new InputError('no clusters are registered', {
      hint: 'register one with `opspilot clusters add NAME`, or start the server (`npm start`) to register the simulated ones',
    });
  }
  return registered.map((c) => ({
    name: c.name,
    id: c.id,
    open: async () =>
      createClusterGateway({
        kubeconfigYaml: await c.kubeconfig(),
        namespace,
        allowedExecCommands: config.clusters.allowed_exec_commands,
      }),
  }));
}
