import { z } from 'zod';
import { HttpUrl } from '../common.js';

/**
 * Where a cluster's observability back ends answer queries (seed 003 §2.4). Plain http is allowed because these
 * are often in-cluster service addresses; a missing URL means the back end is not configured.
 */
export const ClusterEndpoints = z.object({
  prometheus_url: HttpUrl.optional(),
  tempo_url: HttpUrl.optional(),
  loki_url: HttpUrl.optional(),
  alertmanager_url: HttpUrl.optional(),
});
export type ClusterEndpoints = z.infer<typeof ClusterEndpoints>;
