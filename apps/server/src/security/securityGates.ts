import type { Plan } from '@opspilot/core';
import {
  type ImageGatePolicy,
  type ImageScanReport,
  planImageGateProblems,
  storedGate as storedGateRow,
  imageGateOf as storedImageGate,
  latestImageReports as storedImageReports,
} from '@opspilot/security';
import type { StoredSecurityGate } from '@opspilot/store';
import { z } from 'zod';
import type { ApiServices } from '../api/apiServices.js';

/** The secret rotation policy: Secrets older than this many days are due (default 90). */
export const SecretMaxAgePolicy = z.object({ max_age_days: z.int().min(1).max(3650).default(90) });
export type SecretMaxAgePolicy = z.infer<typeof SecretMaxAgePolicy>;

type Services = Pick<ApiServices, 'store'>;
type GateKind = StoredSecurityGate['kind'];

/** The stored gate of a kind for a cluster: the cluster's own, else the one for every cluster. */
export async function storedGate(
  services: Services,
  kind: GateKind,
  clusterId?: string,
): Promise<StoredSecurityGate | undefined> {
  return storedGateRow(services.store, kind, clusterId);
}

/** Creates or replaces the gate of a kind for one cluster (or `all`). */
export async function saveGate(
  services: Services,
  input: { kind: GateKind; clusterId?: string; settings: Record<string, unknown>; enabled: boolean; user: string },
): Promise<StoredSecurityGate> {
  const scope = input.clusterId ?? 'all';
  const [row] = (await services.store.securityGates.list({ kind: input.kind, scope }, { page_size: 1 })).items;
  if (row) {
    return services.store.securityGates.update(row.id, {
      settings: input.settings,
      enabled: input.enabled,
      updated_by: input.user,
    });
  }
  return services.store.securityGates.create({
    kind: input.kind,
    scope,
    ...(input.clusterId ? { cluster_id: input.clusterId } : {}),
    settings: input.settings,
    enabled: input.enabled,
    updated_by: input.user,
  });
}

/** The image gate in force for a cluster, or undefined when none is set or it is disabled. */
export async function imageGateOf(services: Services, clusterId?: string): Promise<ImageGatePolicy | undefined> {
  return storedImageGate(services.store, clusterId);
}

/** The secret max-age policy for a cluster (the default 90 days when none is stored). */
export async function secretPolicyOf(services: Services, clusterId?: string): Promise<SecretMaxAgePolicy> {
  const row = await storedGate(services, 'SECRET_MAX_AGE', clusterId);
  return SecretMaxAgePolicy.parse(row?.enabled ? row.settings : {});
}

/** The latest stored scan of each image (as reported, or normalised), read back for the gate. */
export async function latestImageReports(services: Services, images: readonly string[]): Promise<ImageScanReport[]> {
  return storedImageReports(services.store, images);
}

/**
 * The seed-001 gate on plans that change an image: each image a plan sets is checked against its latest stored scan
 * under the cluster's image gate; the problems make the operation INVALID (and are announced as
 * `SECURITY_GATE_BLOCKED`). No gate configured, or a plan that sets no image, passes.
 */
export async function planImageGate(
  services: Pick<ApiServices, 'store' | 'bus' | 'clock'>,
  clusterId: string,
  plan: Pick<Plan, 'steps'>,
): Promise<string[]> {
  const { images, problems } = await planImageGateProblems(services.store, clusterId, plan);
  if (problems.length > 0) {
    await services.bus.publish({
      event_type: 'SECURITY_GATE_BLOCKED',
      cluster_id: clusterId,
      timestamp: services.clock.now().toISOString(),
      payload: { images, problems },
    });
  }
  return problems;
}
