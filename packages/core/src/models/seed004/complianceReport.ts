import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';
import { type ModelRule, withRules } from './withRules.js';

/** Compliance frameworks (seed 004 names SOC2, HIPAA and PCI-DSS; CIS, NIST and NSA/CISA are what auditors ask next). */
export const ComplianceFramework = z.enum(['SOC2', 'HIPAA', 'PCI_DSS', 'CIS', 'NIST', 'NSA_CISA']);
export type ComplianceFramework = z.infer<typeof ComplianceFramework>;

/** Outcome of one control check. */
export const ControlStatus = z.enum(['PASS', 'FAIL', 'NOT_APPLICABLE']);
export type ControlStatus = z.infer<typeof ControlStatus>;

/** One control of a framework as checked on a cluster, e.g. CIS `5.2.2` "Minimize privileged containers". */
export const ComplianceControl = z.object({
  id: z.string().min(1),
  title: z.string().default(''),
  status: ControlStatus,
  /** What the check saw, shown to auditors. */
  evidence: z.string().default(''),
  /** What to change to pass, for FAIL controls. */
  remediation: z.string().optional(),
});
export type ComplianceControl = z.infer<typeof ComplianceControl>;

/**
 * The share of applicable controls that pass, 0 to 100, rounded to a whole number; 100 when no control
 * applies. The default `score` of a report built from checked controls.
 */
export function complianceScore(controls: readonly Pick<ComplianceControl, 'status'>[]): number {
  const applicable = controls.filter((c) => c.status !== 'NOT_APPLICABLE');
  if (applicable.length === 0) return 100;
  return Math.round((applicable.filter((c) => c.status === 'PASS').length / applicable.length) * 100);
}

const reportFields = {
  cluster_id: Uuid.optional(),
  framework: ComplianceFramework,
  controls: z.array(ComplianceControl),
  score: z.number().min(0).max(100),
  generated_at: Timestamp,
};

const reportRules: ModelRule<{ controls: { id: string }[] }>[] = [
  {
    check: (r) => new Set(r.controls.map((c) => c.id)).size === r.controls.length,
    message: 'control ids must be unique',
    path: ['controls'],
  },
];

/** A compliance audit of a cluster against one framework (seed 004 `compliance_reports`). */
export const ComplianceReport = withRules(z.object({ id: Uuid, ...reportFields }), reportRules);
export type ComplianceReport = z.infer<typeof ComplianceReport>;

/** What a caller supplies to record a {@link ComplianceReport}; `generated_at` defaults to now in the store. */
export const NewComplianceReport = withRules(
  z.object({ ...reportFields, generated_at: Timestamp.optional() }),
  reportRules,
);
export type NewComplianceReport = z.input<typeof NewComplianceReport>;
