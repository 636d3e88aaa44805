import type { ExpositionTarget } from '../metrics/exposition.js';
import type { KubeObject } from '../store/kubeObject.js';

/**
 * Options of a pod log request (`GET .../pods/{name}/log`).
 * @see https://kubernetes.io/docs/concepts/cluster-administration/logging/
 */
export interface LogRequest {
  namespace: string;
  pod: KubeObject;
  container?: string;
  tailLines?: number;
  previous?: boolean;
  timestamps?: boolean;
  sinceSeconds?: number;
}

/**
 * What the behaviour model plugs into the API server: pod logs and resource usage. The defaults answer with no
 * lines and no usage.
 * @see https://kubernetes.io/docs/concepts/cluster-administration/logging/
 */
export interface SimHooks {
  logs(request: LogRequest): string[];
  podMetrics(namespace: string | undefined): KubeObject[];
  nodeMetrics(): KubeObject[];
  /** The Prometheus exposition served at `/metrics/{target}`; 404 when missing. */
  metrics?(target: ExpositionTarget): Promise<{ contentType: string; text: string }>;
}

/**
 * Hooks of a cluster without a behaviour model.
 * @see https://kubernetes.io/docs/concepts/cluster-administration/logging/
 */
export const EMPTY_HOOKS: SimHooks = { logs: () => [], podMetrics: () => [], nodeMetrics: () => [] };
