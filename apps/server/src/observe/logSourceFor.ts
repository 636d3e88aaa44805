import type { LogQuery } from '@opspilot/core';
import { UpstreamError } from '@opspilot/core';
import {
  createKubeLogSource,
  createLokiClient,
  createLokiLogSource,
  type LogAnswer,
  type LogCluster,
} from '@opspilot/observe';
import type { ApiServices } from '../api/apiServices.js';
import { visibleClusters } from '../api/visibleClusters.js';
import type { Principal } from '../auth/principal.js';

/**
 * The clusters `principal` may read logs from, narrowed to `ids` (all visible when empty), each with a gateway that
 * is built on first use, so one whose kubeconfig cannot be loaded fails in its own status, not the whole query.
 */
export async function logClustersFor(
  services: ApiServices,
  principal: Principal,
  ids: string[],
): Promise<LogCluster[]> {
  const clusters = (await visibleClusters(services.store, principal)).filter(
    (c) => ids.length === 0 || ids.includes(c.id),
  );
  return clusters.map((cluster) => ({
    id: cluster.id,
    name: cluster.name,
    gateway: {
      list: async (kind, options) => (await services.gateways.get(cluster.id)).list(kind, options),
      logs: async (pod, options) => (await services.gateways.get(cluster.id)).logs(pod, options),
    },
  }));
}

/**
 * Answers a log query for `principal`: through Loki when `loki.url` is set (full LogQL, streams of clusters the
 * caller may see only), otherwise through the Kubernetes API of each visible cluster (the LogQL subset).
 */
export async function searchLogs(
  services: ApiServices,
  principal: Principal,
  query: LogQuery,
  signal?: AbortSignal,
): Promise<LogAnswer> {
  const now = () => services.clock.now();
  const loki = services.config.loki;
  if (loki.url) {
    const client = createLokiClient({
      url: loki.url,
      bearerToken: loki.bearer_token,
      tenant: loki.tenant,
      timeoutMs: loki.timeout_ms,
    });
    const visible = await visibleClusters(services.store, principal);
    const ids = query.cluster_ids.length
      ? query.cluster_ids
      : principal.clusterIds === 'all'
        ? []
        : visible.map((c) => c.id);
    const source = createLokiLogSource({
      client,
      now,
      clusterNames: async (wanted) =>
        visible.filter((c) => wanted.includes(c.id)).map((c) => ({ id: c.id, name: c.name })),
    });
    if (principal.clusterIds !== 'all' && ids.length === 0) {
      throw new UpstreamError('no cluster of yours can be searched in Loki', {
        source: 'loki',
        hint: 'ask an administrator for a cluster grant',
      });
    }
    return source.search({ ...query, cluster_ids: ids }, signal);
  }
  const source = createKubeLogSource({ clusters: (ids) => logClustersFor(services, principal, ids), now });
  return source.search(query, signal);
}
