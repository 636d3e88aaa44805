import type { KubeConfig } from '@kubernetes/client-node';

/** A kubeconfig resolved to one context: what {@link createClusterGateway} connects with. */
export interface LoadedKubeConfig {
  /** client-node's configuration, its current context set to {@link LoadedKubeConfig.context}. */
  kubeConfig: KubeConfig;
  context: string;
  /** The cluster's name in the kubeconfig (the snapshot's `cluster`). */
  cluster: string;
  /** The API server URL. */
  server: string;
  /** The namespace in effect: the option, else the context's, else `default`. */
  namespace: string;
  /** Where it came from: the file path(s), `inline` or `in-cluster`. */
  source: string;
}
