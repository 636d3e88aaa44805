import { type Clock, type ClusterGateway, systemClock } from '@opspilot/core';
import { applyObject } from './applyObject.js';
import { deleteObject } from './deleteObject.js';
import { evictPod } from './evictPod.js';
import { type GatewayContext, resolveKind } from './gatewayContext.js';
import { getObject } from './getObject.js';
import { KubeClient } from './kubeClient.js';
import { listEvents } from './listEvents.js';
import { listObjects } from './listObjects.js';
import type { LoadedKubeConfig } from './loadedKubeConfig.js';
import { type LoadKubeConfigOptions, loadKubeConfig } from './loadKubeConfig.js';
import { patchObject } from './patchObject.js';
import { podLogs } from './podLogs.js';
import { nodeMetrics, podMetrics } from './resourceMetrics.js';
import { rolloutRestart } from './rolloutRestart.js';
import { rolloutStatus } from './rolloutStatus.js';
import { rolloutUndo } from './rolloutUndo.js';
import { scaleObject } from './scaleObject.js';
import { takeSnapshot } from './takeSnapshot.js';
import { watchObjects } from './watchObjects.js';

/** Options of {@link createClusterGateway}: where the cluster is (as {@link loadKubeConfig} takes it) and the clock. */
export interface ClusterGatewayOptions extends LoadKubeConfigOptions {
  /** An already resolved kubeconfig (wins over every other source). */
  loaded?: LoadedKubeConfig;
  /** Timestamps of snapshots and `rollout restart`; the system clock when missing. */
  clock?: Clock;
}

/** A {@link ClusterGateway} over a real (or simulated) API server, with the kubeconfig it resolved. */
export interface KubeClusterGateway extends ClusterGateway {
  /** The context, cluster, server and namespace in effect. */
  readonly config: LoadedKubeConfig;
  /**
   * Closes the gateway's kept-alive connections (idle and in use). Call it when the gateway is dropped — a
   * long-running process holding one gateway per cluster closes it when the cluster is removed or changed.
   */
  close(): void;
}

/**
 * The `ClusterGateway` port over `@kubernetes/client-node`. Namespaced objects named without a namespace
 * (`get`, writes, logs, rollouts) use the gateway's namespace (`namespace` option, else the context's, else
 * `default`); `list`, `events`, `podMetrics`, `watch` and `snapshot` without one cover all namespaces. Every
 * failure is a typed opspilot error with a hint ({@link mapKubeError}); a kubeconfig that does not resolve throws
 * its `InputError` here.
 * @example
 * const cluster = createClusterGateway({ kubeconfig: options.kubeconfig, context: 'kind-dev', namespace: 'todo' });
 * const snapshot = await cluster.snapshot({ namespace: 'todo', onProgress: (done, total) => bar.update(done / total) });
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
export function createClusterGateway(options: ClusterGatewayOptions = {}): KubeClusterGateway {
  let config = options.loaded;
  if (!config) {
    const loaded = loadKubeConfig(options);
    if (!loaded.ok) throw loaded.error;
    config = loaded.value;
  }
  const ctx: GatewayContext = {
    client: KubeClient.create(config.kubeConfig),
    config,
    clock: options.clock ?? systemClock,
  };
  return {
    config,
    close: () => ctx.client.close(),
    snapshot: (opts) => takeSnapshot(ctx, opts),
    get: (ref, opts) => getObject(ctx, ref, opts),
    list: async (kind, opts) => listObjects(ctx, await resolveKind(ctx, kind), opts),
    watch: (kind, opts, onEvent) => watchObjects(ctx, kind, opts, onEvent),
    apply: (object, opts) => applyObject(ctx, object, opts),
    patch: (ref, body, opts) => patchObject(ctx, ref, body, opts),
    delete: (ref, opts) => deleteObject(ctx, ref, opts),
    evict: (pod, opts) => evictPod(ctx, pod, opts),
    scale: (ref, replicas, opts) => scaleObject(ctx, ref, replicas, opts),
    rolloutRestart: (ref, opts) => rolloutRestart(ctx, ref, opts),
    rolloutUndo: (ref, opts) => rolloutUndo(ctx, ref, opts),
    rolloutStatus: (ref, opts) => rolloutStatus(ctx, ref, opts),
    logs: (pod, opts) => podLogs(ctx, pod, opts),
    events: (opts) => listEvents(ctx, opts),
    podMetrics: (opts) => podMetrics(ctx, opts),
    nodeMetrics: (opts) => nodeMetrics(ctx, opts),
  };
}
