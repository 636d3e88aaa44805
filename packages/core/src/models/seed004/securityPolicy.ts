import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';

/** Compliance frameworks (seed 004: SOC2, HIPAA, PCI-DSS; plus CIS and NIST). */
export const ComplianceFramework = z.enum(['SOC2', 'HIPAA', 'PCI_DSS', 'CIS', 'NIST']);

const policyFields = {
  name: z.string().min(1).max(255),
  description: z.string().default(''),
  framework: ComplianceFramework.optional(),
  rules: z.array(
    z.object({ id: z.string().min(1), description: z.string().default(''), config: JsonObject.default({}) }),
  ),
  enforcement: z.enum(['AUDIT', 'WARN', 'ENFORCE']).default('AUDIT'),
  enabled: z.boolean().default(true),
};

/** A security policy definition (seed 004 `security_policies`). */
export const SecurityPolicy = z.object({ id: Uuid, ...policyFields, created_at: Timestamp, updated_at: Timestamp });
export type SecurityPolicy = z.infer<typeof SecurityPolicy>;

/** The caller-supplied part of a {@link SecurityPolicy}. */
export const NewSecurityPolicy = z.object(policyFields);
export type NewSecurityPolicy = z.input<typeof NewSecurityPolicy>;

const reportFields = {
  cluster_id: Uuid.optional(),
  framework: ComplianceFramework,
  controls: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string().default(''),
      status: z.enum(['PASS', 'FAIL', 'NOT_APPLICABLE']),
      evidence: z.string().default(''),
    }),
  ),
  score: z.number().min(0).max(100),
  generated_at: Timestamp,
};

/** A compliance audit report (seed 004 `compliance_reports`). */
export const ComplianceReport = z.object({ id: Uuid, ...reportFields });
export type ComplianceReport = z.infer<typeof ComplianceReport>;

/** The caller-supplied part of a {@link ComplianceReport}. */
export const NewComplianceReport = z.object(reportFields).extend({ generated_at: Timestamp.optional() });
export type NewComplianceReport = z.input<typeof NewComplianceReport>;
