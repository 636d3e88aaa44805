import type { ClusterGateway } from '@opspilot/core';
import { SECURITY_KINDS } from '../posture/scanCluster.js';
import { snapshotResources } from '../posture/toResources.js';
import { auditPolicies } from './auditPolicies.js';
import type { PolicyViolation, SecurityPolicy } from './securityPolicy.js';

/** Kinds a policy audit lists: the posture kinds plus what templates cross-check. */
export const AUDIT_KINDS = [...SECURITY_KINDS, 'PodDisruptionBudget', 'HorizontalPodAutoscaler'];

/** The result of {@link auditCluster}: violations, or `offline` when the cluster could not be read. */
export interface ClusterAudit {
  status: 'completed' | 'offline';
  violations: PolicyViolation[];
  errors: string[];
}

/**
 * Answers "which of my running workloads violate …" on a live cluster: lists the kinds and runs the policies. An
 * unreachable cluster is `offline` with no violations — never a clean bill of health.
 */
export async function auditCluster(
  gateway: ClusterGateway,
  policies: SecurityPolicy[],
  options: { cluster: string; namespace?: string; signal?: AbortSignal },
): Promise<ClusterAudit> {
  let snapshot: Awaited<ReturnType<ClusterGateway['snapshot']>>;
  try {
    snapshot = await gateway.snapshot({
      kinds: AUDIT_KINDS,
      ...(options.namespace ? { namespace: options.namespace } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    return { status: 'offline', violations: [], errors: [error instanceof Error ? error.message : String(error)] };
  }
  const errors = snapshot.errors.map((e) => `${e.kind}: ${e.error}`);
  if (snapshot.errors.length >= AUDIT_KINDS.length) return { status: 'offline', violations: [], errors };
  const resources = snapshotResources(snapshot.objects, `cluster:${options.cluster}`);
  return {
    status: 'completed',
    violations: auditPolicies(policies, resources, options.namespace ? { namespaces: [options.namespace] } : {}),
    errors,
  };
}
