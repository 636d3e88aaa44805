import { createHash } from 'node:crypto';
import type { Clock, EventBus } from '@opspilot/core';
import { type ClusterGatewayOptions, createClusterGateway, type KubeClusterGateway } from '@opspilot/kube';
import type { Store } from '@opspilot/store';

/**
 * One gateway (and so one set of kept-alive connections) per registered cluster, shared by every request that
 * reads or changes it. A gateway is built on first use from the stored kubeconfig, rebuilt (the old one closed)
 * when that kubeconfig changes, and closed when the cluster is removed or changed and when the server closes.
 */
export interface ClusterGateways {
  /** The gateway of a registered cluster, built from its stored kubeconfig on first use. */
  get(clusterId: string): Promise<KubeClusterGateway>;
  /** Closes and drops the gateway of a cluster (removed or changed); the next `get` builds a new one. */
  forget(clusterId: string): void;
  /** How many gateways are open. */
  size(): number;
  /** Closes every gateway and stops listening for cluster changes. */
  close(): void;
}

/** What {@link createClusterGateways} works with; `create` is for tests (default `createClusterGateway`). */
export interface ClusterGatewaysOptions {
  store: Pick<Store, 'clusters'>;
  clock: Clock;
  /** Announces `CLUSTER_STATUS_CHANGED` (on any replica): a removed or changed cluster's gateway is closed. */
  bus?: EventBus;
  /** `clusters.allowed_exec_commands`: the credential commands a stored kubeconfig may run. */
  allowedExecCommands: readonly string[];
  create?: (options: ClusterGatewayOptions) => KubeClusterGateway;
}

const CLOSING_CHANGES = new Set(['REMOVED', 'REFRESHED', 'UPDATED']);

/** Builds the per-cluster gateway registry of the server. */
export function createClusterGateways(options: ClusterGatewaysOptions): ClusterGateways {
  const { store, clock, allowedExecCommands } = options;
  const create = options.create ?? createClusterGateway;
  const open = new Map<string, { fingerprint: string; gateway: KubeClusterGateway }>();
  const forget = (clusterId: string) => {
    open.get(clusterId)?.gateway.close();
    open.delete(clusterId);
  };
  const unsubscribe = options.bus?.subscribe({ event_types: ['CLUSTER_STATUS_CHANGED'] }, (event) => {
    const change = (event.payload as { change?: unknown } | undefined)?.change;
    if (event.cluster_id && typeof change === 'string' && CLOSING_CHANGES.has(change)) forget(event.cluster_id);
  });
  return {
    async get(clusterId) {
      const kubeconfigYaml = await store.clusters.getKubeconfig(clusterId);
      // Nothing awaits from here on, so concurrent first calls cannot build two gateways for one cluster.
      const fingerprint = createHash('sha256').update(kubeconfigYaml).digest('hex');
      const current = open.get(clusterId);
      if (current?.fingerprint === fingerprint) return current.gateway;
      forget(clusterId);
      const gateway = create({ kubeconfigYaml, clock, allowedExecCommands });
      open.set(clusterId, { fingerprint, gateway });
      return gateway;
    },
    forget,
    size: () => open.size,
    close() {
      unsubscribe?.();
      for (const id of [...open.keys()]) forget(id);
    },
  };
}
