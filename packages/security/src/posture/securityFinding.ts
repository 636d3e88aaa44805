import { z } from 'zod';

/** How bad a security finding is (kubescape and Trivy use the same four levels). */
export const SecuritySeverity = z.enum(['critical', 'high', 'medium', 'low']);
export type SecuritySeverity = z.infer<typeof SecuritySeverity>;

/** The area of the posture a check belongs to. */
export const PostureCategory = z.enum([
  'pod-security',
  'rbac',
  'network',
  'secrets',
  'images',
  'exposure',
  'hardening',
]);
export type PostureCategory = z.infer<typeof PostureCategory>;

/** A Pod Security Standards level. */
export const PssLevel = z.enum(['privileged', 'baseline', 'restricted']);
export type PssLevel = z.infer<typeof PssLevel>;

/** The object a finding is about. */
export const FindingObject = z.object({
  kind: z.string(),
  namespace: z.string().optional(),
  name: z.string(),
});
export type FindingObject = z.infer<typeof FindingObject>;

/**
 * One security finding (seed 004 SecurityScan report entry): which check, about which object, how bad, the evidence
 * (the field path and what was read there) and the fix. `pss` names the Pod Security Standards control it breaks.
 */
export const SecurityFinding = z.object({
  /** Stable over scans for the same problem: `check:kind/namespace/name:path`. */
  id: z.string(),
  check: z.string(),
  category: PostureCategory,
  severity: SecuritySeverity,
  object: FindingObject,
  message: z.string(),
  evidence: z.array(z.string()),
  fix: z.string(),
  pss: z.object({ control: z.string(), level: PssLevel.exclude(['privileged']) }).optional(),
  /** Where it was found: a file path, or `cluster:<name>`. */
  source: z.string(),
});
export type SecurityFinding = z.infer<typeof SecurityFinding>;

/** `Deployment/shop/web` or `ClusterRole/admin`. */
export function objectRef(o: FindingObject): string {
  return o.namespace ? `${o.kind}/${o.namespace}/${o.name}` : `${o.kind}/${o.name}`;
}

/** Weight of each severity in a score. */
export const SEVERITY_WEIGHT: Record<SecuritySeverity, number> = { critical: 10, high: 5, medium: 2, low: 1 };

/** Severities from worst to mildest. */
export const SEVERITY_ORDER: readonly SecuritySeverity[] = ['critical', 'high', 'medium', 'low'];
