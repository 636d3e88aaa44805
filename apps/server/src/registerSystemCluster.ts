import { type Clock, type Cluster, type ClusterAuthType, ConflictError, type EventBus } from '@opspilot/core';
import type { Store } from '@opspilot/store';
import { publishAudit } from './events/publishAudit.js';

/** What the server registers on its own at start: a cluster's fields and its kubeconfig. */
export interface SystemCluster {
  name: string;
  fields: Pick<Cluster, 'api_server_url'> &
    Partial<Pick<Cluster, 'display_name' | 'cluster_type' | 'platform' | 'environment' | 'labels'>>;
  authType: ClusterAuthType;
  kubeconfig: string;
  /** Mark it ONLINE at once (a cluster the process just started); otherwise health checks set the status. */
  online: boolean;
  /** Extra details of the audit entry. */
  details: Record<string, unknown>;
}

/** How often a registration that lost a race with another replica (a ConflictError) is tried again. */
const ATTEMPTS = 3;

/**
 * Registers (or refreshes, by name) a cluster the server brings along: its fields and encrypted kubeconfig, audited
 * as `system` (`cluster.register` or `cluster.refresh`) and announced as `CLUSTER_STATUS_CHANGED` (REGISTERED or
 * REFRESHED), so every replica's gateways and watchers pick it up like a cluster registered through the API.
 * Replicas starting together may race to create it: the losers find it and refresh it instead.
 */
export async function registerSystemCluster(
  services: { store: Store; bus: EventBus; clock: Clock },
  system: SystemCluster,
): Promise<{ cluster: Cluster; created: boolean }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await registerOnce(services, system);
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

async function registerOnce(
  services: { store: Store; bus: EventBus; clock: Clock },
  system: SystemCluster,
): Promise<{ cluster: Cluster; created: boolean }> {
  const { store, bus, clock } = services;
  const existing = await store.clusters.findByName(system.name);
  const base = existing
    ? await store.clusters.update(existing.id, system.fields)
    : await store.clusters.create({ name: system.name, ...system.fields });
  await store.clusters.setCredentials(base.id, { auth_type: system.authType, kubeconfig: system.kubeconfig });
  const now = clock.now().toISOString();
  const cluster = system.online
    ? await store.clusters.update(base.id, { status: { ...base.status, state: 'ONLINE' }, last_seen_at: now })
    : base;
  await publishAudit(services, {
    user_id: 'system',
    action: existing ? 'cluster.refresh' : 'cluster.register',
    target: `cluster:${system.name}`,
    cluster_id: cluster.id,
    details: system.details,
  });
  await bus.publish({
    event_type: 'CLUSTER_STATUS_CHANGED',
    cluster_id: cluster.id,
    timestamp: now,
    payload: { name: cluster.name, state: cluster.status.state, change: existing ? 'REFRESHED' : 'REGISTERED' },
  });
  return { cluster, created: !existing };
}
