import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';
import { ResourceRef } from './shared.js';

/** What a scan looks at (seed 004 `security_scans.scan_type`). */
export const ScanType = z.enum(['CONTAINER', 'KUBERNETES', 'SECRETS', 'COMPLIANCE']);

const Count = z.number().int().min(0).default(0);
const scanFields = {
  cluster_id: Uuid.optional(),
  scan_type: ScanType,
  target: z.string().min(1).max(255),
  status: z.enum(['RUNNING', 'COMPLETED', 'FAILED']).default('RUNNING'),
  findings_count: Count,
  critical_count: Count,
  high_count: Count,
  medium_count: Count,
  low_count: Count,
  report: JsonObject.default({}),
  started_at: Timestamp,
  completed_at: Timestamp.optional(),
};

const countsAddUp = (s: {
  findings_count: number;
  critical_count: number;
  high_count: number;
  medium_count: number;
  low_count: number;
}) => s.findings_count === s.critical_count + s.high_count + s.medium_count + s.low_count;
const countsMessage = { message: 'findings_count must equal critical + high + medium + low', path: ['findings_count'] };

/** A security scan and its counts by severity (seed 004 `security_scans`). */
export const SecurityScan = z.object({ id: Uuid, ...scanFields }).refine(countsAddUp, countsMessage);
export type SecurityScan = z.infer<typeof SecurityScan>;

/** The caller-supplied part of a {@link SecurityScan}. */
export const NewSecurityScan = z
  .object(scanFields)
  .extend({ started_at: Timestamp.optional() })
  .refine(countsAddUp, countsMessage);
export type NewSecurityScan = z.input<typeof NewSecurityScan>;

const vulnFields = {
  scan_id: Uuid,
  vulnerability_id: z
    .string()
    .regex(/^(CVE-\d{4}-\d{4,}|GHSA-[\w-]+|[A-Z]+-[\w.-]+)$/, 'must be an id such as CVE-2024-12345'),
  package: z.string().min(1),
  installed_version: z.string().min(1),
  fixed_version: z.string().optional(),
  severity: z.enum(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN']),
  cvss: z.number().min(0).max(10).optional(),
  title: z.string().default(''),
  resource: ResourceRef.optional(),
  image: z.string().optional(),
};

/** A vulnerability found by a scan (seed 004 `vulnerabilities`). */
export const Vulnerability = z.object({ id: Uuid, ...vulnFields, created_at: Timestamp });
export type Vulnerability = z.infer<typeof Vulnerability>;

/** The caller-supplied part of a {@link Vulnerability}. */
export const NewVulnerability = z.object(vulnFields);
export type NewVulnerability = z.input<typeof NewVulnerability>;
