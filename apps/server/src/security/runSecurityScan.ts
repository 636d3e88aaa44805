import type { Cluster } from '@opspilot/core';
import { recordScan, type SecurityScan, scanCluster } from '@opspilot/security';
import type { ApiServices } from '../api/apiServices.js';

/**
 * Scans one registered cluster's live posture, stores the scan and its findings, and announces it on the bus
 * (`SECURITY_SCAN_COMPLETED`, saying whether a request or a schedule started it). An unreachable cluster gives an
 * `offline` scan, stored as such.
 */
export async function runSecurityScan(
  services: Pick<ApiServices, 'gateways' | 'store' | 'bus' | 'clock'>,
  cluster: Cluster,
  options: { namespace?: string; trigger?: { schedule_id: string } } = {},
): Promise<SecurityScan> {
  const gateway = await services.gateways.get(cluster.id);
  const scan = await scanCluster(gateway, {
    cluster: cluster.name,
    clock: services.clock,
    ...(options.namespace ? { namespace: options.namespace } : {}),
  });
  const row = await recordScan(services.store, scan, cluster.id);
  const stored = { ...scan, id: row.id };
  await services.bus.publish({
    event_type: 'SECURITY_SCAN_COMPLETED',
    cluster_id: cluster.id,
    ...(options.namespace ? { namespace: options.namespace } : {}),
    timestamp: services.clock.now().toISOString(),
    payload: {
      scan_id: row.id,
      cluster: cluster.name,
      status: scan.status,
      score: scan.score ?? null,
      ...scan.counts,
      trigger: options.trigger ? 'schedule' : 'request',
      ...(options.trigger ? { schedule_id: options.trigger.schedule_id } : {}),
    },
  });
  return stored;
}
