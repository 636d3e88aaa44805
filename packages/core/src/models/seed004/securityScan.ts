import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';
import { type ModelRule, withRules } from './withRules.js';

/** What a scan looks at (seed 004 `security_scans.scan_type`): images, cluster posture, leaked secrets, controls. */
export const ScanType = z.enum(['CONTAINER', 'KUBERNETES', 'SECRETS', 'COMPLIANCE']);
export type ScanType = z.infer<typeof ScanType>;

/** Progress of a scan (seed 004 `security_scans.status`). */
export const ScanStatus = z.enum(['RUNNING', 'COMPLETED', 'FAILED']);
export type ScanStatus = z.infer<typeof ScanStatus>;

const Count = z.number().int().min(0).default(0);

const scanFields = {
  cluster_id: Uuid.optional(),
  scan_type: ScanType,
  /** An image reference, a namespace or a cluster name, depending on `scan_type`. */
  target: z.string().min(1).max(255),
  status: ScanStatus.default('RUNNING'),
  findings_count: Count,
  critical_count: Count,
  high_count: Count,
  medium_count: Count,
  low_count: Count,
  /** The scanner's raw report, kept for drill-down. */
  report: JsonObject.default({}),
  started_at: Timestamp,
  completed_at: Timestamp.optional(),
};

interface ScanShape {
  status: ScanStatus;
  findings_count: number;
  critical_count: number;
  high_count: number;
  medium_count: number;
  low_count: number;
  completed_at?: string;
}

const scanRules: ModelRule<ScanShape>[] = [
  {
    check: (s) => s.findings_count === s.critical_count + s.high_count + s.medium_count + s.low_count,
    message: 'findings_count must equal critical + high + medium + low counts',
    path: ['findings_count'],
  },
  {
    check: (s) => (s.status === 'RUNNING') === (s.completed_at === undefined),
    message: 'completed_at must be set exactly when the scan is COMPLETED or FAILED',
    path: ['completed_at'],
  },
];

/**
 * A security scan and its finding counts by severity (seed 004 `security_scans`). The counts are what the
 * dashboard shows without loading every vulnerability, so they must agree with each other.
 */
export const SecurityScan = withRules(z.object({ id: Uuid, ...scanFields }), scanRules);
export type SecurityScan = z.infer<typeof SecurityScan>;

/** What a caller supplies to record a {@link SecurityScan}; `started_at` defaults to now in the store. */
export const NewSecurityScan = withRules(z.object({ ...scanFields, started_at: Timestamp.optional() }), scanRules);
export type NewSecurityScan = z.input<typeof NewSecurityScan>;
