import { z } from 'zod';
import { PssLevel, SecurityFinding } from './securityFinding.js';

/** Pod Security Standards posture of one namespace. */
export const NamespacePosture = z.object({
  namespace: z.string(),
  /** The strictest PSS level every workload of the namespace passes today. */
  level: PssLevel,
  /** The level the namespace enforces (`pod-security.kubernetes.io/enforce`), when labelled. */
  enforced: PssLevel.optional(),
  /** Workloads that enforcing each level would refuse (`Deployment/ns/name`), with the controls they break. */
  wouldBreak: z.object({
    baseline: z.array(z.object({ object: z.string(), controls: z.array(z.string()) })),
    restricted: z.array(z.object({ object: z.string(), controls: z.array(z.string()) })),
  }),
  score: z.number().min(0).max(100),
  findings: z.number().int().min(0),
});
export type NamespacePosture = z.infer<typeof NamespacePosture>;

/** Who holds a risky permission, through which binding and role. */
export const RbacGrant = z.object({
  subject: z.string(),
  permission: z.enum([
    'cluster-admin',
    'read-secrets',
    'create-pods',
    'exec',
    'escalate',
    'bind',
    'impersonate',
    'wildcard',
  ]),
  via: z.string(),
  namespace: z.string().optional(),
});
export type RbacGrant = z.infer<typeof RbacGrant>;

/** Severity counts (seed 004 security_scans columns). */
export const SeverityCounts = z.object({
  critical: z.number().int().min(0),
  high: z.number().int().min(0),
  medium: z.number().int().min(0),
  low: z.number().int().min(0),
});
export type SeverityCounts = z.infer<typeof SeverityCounts>;

/**
 * One posture scan (seed 004 `security_scans` plus its report): a cluster's scan that could not reach the cluster is
 * `offline` — never "compliant" — and carries no score.
 */
export const SecurityScan = z.object({
  id: z.string(),
  scanType: z.enum(['kubernetes', 'container', 'secrets', 'compliance']),
  /** `cluster:<name>` or the files scanned. */
  target: z.string(),
  cluster: z.string().optional(),
  status: z.enum(['running', 'completed', 'failed', 'offline']),
  startedAt: z.string(),
  completedAt: z.string().optional(),
  /** 0–100, weighted by severity over every (object, check) pair evaluated; absent when offline or failed. */
  score: z.number().min(0).max(100).optional(),
  counts: SeverityCounts,
  findings: z.array(SecurityFinding),
  namespaces: z.array(NamespacePosture),
  rbac: z.array(RbacGrant),
  objects: z.number().int().min(0),
  /** Kinds that could not be listed, or why the scan failed. */
  errors: z.array(z.string()),
});
export type SecurityScan = z.infer<typeof SecurityScan>;
