import type { NewSecurityScan, SecurityScan as SecurityScanRow } from '@opspilot/core';
import type { SecurityFinding } from '../posture/securityFinding.js';
import { SecurityScan } from '../posture/securityScan.js';

/** A finding row as the store's `security_findings` repository takes it (structural, so engines need no store). */
export interface FindingRow {
  scan_id: string;
  cluster_id?: string;
  finding_key: string;
  check_id: string;
  category: string;
  severity: SecurityFinding['severity'];
  object_kind: string;
  object_namespace?: string;
  object_name: string;
  message: string;
  evidence: string[];
  fix: string;
  pss_control?: string;
  pss_level?: 'baseline' | 'restricted';
}

/** Where scans are kept: the store's `securityScans` and `securityFindings` repositories. */
export interface ScanRecords {
  securityScans: { create(input: NewSecurityScan): Promise<SecurityScanRow> };
  securityFindings: { create(input: FindingRow): Promise<unknown> };
}

/**
 * The seed-004 `security_scans` row of a scan: counts in columns, the rest of the report (score, namespaces, RBAC
 * grants, status `offline`, errors) in `report`; findings go to their own rows.
 */
export function scanRow(scan: SecurityScan, clusterId?: string): NewSecurityScan {
  const { findings: _findings, id: _id, counts, ...report } = scan;
  return {
    ...(clusterId ? { cluster_id: clusterId } : {}),
    scan_type: 'KUBERNETES',
    target: scan.target.slice(0, 255),
    status: scan.status === 'completed' ? 'COMPLETED' : scan.status === 'running' ? 'RUNNING' : 'FAILED',
    findings_count: counts.critical + counts.high + counts.medium + counts.low,
    critical_count: counts.critical,
    high_count: counts.high,
    medium_count: counts.medium,
    low_count: counts.low,
    report: report as unknown as Record<string, unknown>,
    started_at: scan.startedAt,
    ...(scan.status === 'running' ? {} : { completed_at: scan.completedAt ?? scan.startedAt }),
  };
}

/** The finding rows of a stored scan. */
export function findingRows(scan: SecurityScan, scanId: string, clusterId?: string): FindingRow[] {
  return scan.findings.map((f) => ({
    scan_id: scanId,
    ...(clusterId ? { cluster_id: clusterId } : {}),
    finding_key: f.id,
    check_id: f.check,
    category: f.category,
    severity: f.severity,
    object_kind: f.object.kind,
    ...(f.object.namespace ? { object_namespace: f.object.namespace } : {}),
    object_name: f.object.name,
    message: f.message,
    evidence: f.evidence,
    fix: f.fix,
    ...(f.pss ? { pss_control: f.pss.control, pss_level: f.pss.level } : {}),
  }));
}

/** Stores a scan and its findings; returns the stored scan row. */
export async function recordScan(
  records: ScanRecords,
  scan: SecurityScan,
  clusterId?: string,
): Promise<SecurityScanRow> {
  const row = await records.securityScans.create(scanRow(scan, clusterId));
  for (const f of findingRows(scan, row.id, clusterId)) await records.securityFindings.create(f);
  return row;
}

/** A stored scan row (plus its finding rows) read back as a {@link SecurityScan}. */
export function scanFromRow(row: SecurityScanRow, findings: (FindingRow & { id?: string })[] = []): SecurityScan {
  const report = row.report as Record<string, unknown>;
  return SecurityScan.parse({
    namespaces: [],
    rbac: [],
    objects: 0,
    errors: [],
    ...report,
    id: row.id,
    scanType: 'kubernetes',
    target: row.target,
    status: report.status === 'offline' ? 'offline' : row.status.toLowerCase(),
    startedAt: row.started_at,
    ...(row.completed_at ? { completedAt: row.completed_at } : {}),
    counts: { critical: row.critical_count, high: row.high_count, medium: row.medium_count, low: row.low_count },
    findings: findings.map((f) => ({
      id: f.finding_key,
      check: f.check_id,
      category: f.category,
      severity: f.severity,
      object: {
        kind: f.object_kind,
        ...(f.object_namespace ? { namespace: f.object_namespace } : {}),
        name: f.object_name,
      },
      message: f.message,
      evidence: f.evidence,
      fix: f.fix,
      ...(f.pss_control && f.pss_level ? { pss: { control: f.pss_control, level: f.pss_level } } : {}),
      source: row.target,
    })),
  });
}

/** One point of a posture trend: when, score (absent offline), counts. */
export interface TrendPoint {
  at: string;
  status: SecurityScan['status'];
  score?: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
}

/** The score and counts of stored scans over time, oldest first. */
export function postureTrend(rows: SecurityScanRow[]): TrendPoint[] {
  return [...rows]
    .sort((a, b) => a.started_at.localeCompare(b.started_at))
    .map((r) => {
      const report = r.report as { score?: unknown; status?: unknown };
      return {
        at: r.started_at,
        status: report.status === 'offline' ? 'offline' : (r.status.toLowerCase() as SecurityScan['status']),
        ...(typeof report.score === 'number' ? { score: report.score } : {}),
        critical: r.critical_count,
        high: r.high_count,
        medium: r.medium_count,
        low: r.low_count,
      };
    });
}
