import type { Clock, ClusterGateway } from '@opspilot/core';
import type { PostureOptions } from './runPosture.js';
import { scanResources } from './scanResources.js';
import type { SecurityScan } from './securityScan.js';
import { snapshotResources } from './toResources.js';

/** The kinds a posture scan lists. */
export const SECURITY_KINDS = [
  'Namespace',
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
  'Service',
  'Ingress',
  'NetworkPolicy',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'ServiceAccount',
  'Secret',
  'ConfigMap',
];

/** Options of {@link scanCluster}. */
export interface ScanClusterOptions extends PostureOptions {
  cluster: string;
  clock: Clock;
  /** Only this namespace is listed (cluster-scoped kinds still are). */
  namespace?: string;
  signal?: AbortSignal;
  id?: string;
}

/** A scan that could not read the cluster: offline, with the reason and no score. */
export function offlineScan(options: {
  cluster: string;
  startedAt: Date;
  completedAt: Date;
  reason: string;
  id?: string;
}): SecurityScan {
  return {
    id: options.id ?? globalThis.crypto.randomUUID(),
    scanType: 'kubernetes',
    target: `cluster:${options.cluster}`,
    cluster: options.cluster,
    status: 'offline',
    startedAt: options.startedAt.toISOString(),
    completedAt: options.completedAt.toISOString(),
    counts: { critical: 0, high: 0, medium: 0, low: 0 },
    findings: [],
    namespaces: [],
    rbac: [],
    objects: 0,
    errors: [options.reason],
  };
}

/**
 * Lists the security-relevant kinds of a live cluster through the gateway and scans them. A cluster that cannot be
 * reached — the snapshot throws, or every kind fails — is an `offline` scan, never a compliant one; kinds that fail
 * alone (RBAC forbids Secrets) are named in `errors` and the rest is scanned.
 */
export async function scanCluster(gateway: ClusterGateway, options: ScanClusterOptions): Promise<SecurityScan> {
  const startedAt = options.clock.now();
  let snapshot: Awaited<ReturnType<ClusterGateway['snapshot']>>;
  try {
    snapshot = await gateway.snapshot({
      kinds: SECURITY_KINDS,
      ...(options.namespace ? { namespace: options.namespace } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return offlineScan({
      cluster: options.cluster,
      startedAt,
      completedAt: options.clock.now(),
      reason,
      id: options.id,
    });
  }
  const errors = snapshot.errors.map((e) => `${e.kind}: ${e.error}`);
  const listed = SECURITY_KINDS.filter((k) => !snapshot.errors.some((e) => e.kind === k));
  if (listed.length === 0) {
    return offlineScan({
      cluster: options.cluster,
      startedAt,
      completedAt: options.clock.now(),
      reason: `no kind could be listed: ${errors[0] ?? 'unreachable'}`,
      id: options.id,
    });
  }
  const resources = snapshotResources(snapshot.objects, `cluster:${options.cluster}`);
  return scanResources(resources, {
    ...options,
    ...(options.namespace ? { namespaces: [options.namespace] } : {}),
    target: `cluster:${options.cluster}`,
    startedAt,
    completedAt: options.clock.now(),
    errors,
  });
}
