import type { KubeResource } from '@opspilot/manifests';
import { namespacePostures, scoreOf } from './namespacePostures.js';
import { rbacGrantsOf } from './rbacGrantsOf.js';
import { type PostureOptions, runPosture } from './runPosture.js';
import { SEVERITY_ORDER, type SecurityFinding } from './securityFinding.js';
import type { SecurityScan, SeverityCounts } from './securityScan.js';

/** What {@link scanResources} records about the scan besides its objects. */
export interface ScanMeta extends PostureOptions {
  target: string;
  cluster?: string;
  startedAt: Date;
  /** Time the scan finished; `startedAt` when missing (pure runs). */
  completedAt?: Date;
  id?: string;
  errors?: string[];
}

/** Counts of findings per severity. */
export function countBySeverity(findings: SecurityFinding[]): SeverityCounts {
  const counts = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

function total(weights: Map<string, { total: number; failed: number }>): { total: number; failed: number } {
  const sum = { total: 0, failed: 0 };
  for (const w of weights.values()) {
    sum.total += w.total;
    sum.failed += w.failed;
  }
  return sum;
}

/** Findings worst first, then by object and check, so reports and tests read in a stable order. */
export function sortFindings(findings: SecurityFinding[]): SecurityFinding[] {
  const rank = (f: SecurityFinding) => SEVERITY_ORDER.indexOf(f.severity);
  return findings.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      `${a.object.namespace ?? ''}/${a.object.kind}/${a.object.name}`.localeCompare(
        `${b.object.namespace ?? ''}/${b.object.kind}/${b.object.name}`,
      ) ||
      a.check.localeCompare(b.check) ||
      a.id.localeCompare(b.id),
  );
}

/** A completed posture scan over objects already read (live or from files): the pure core of every scan. */
export function scanResources(resources: KubeResource[], meta: ScanMeta): SecurityScan {
  const run = runPosture(resources, meta);
  const findings = sortFindings(run.findings);
  const nsFilter = meta.namespaces ? new Set(meta.namespaces) : undefined;
  const rbac = rbacGrantsOf(resources).filter((g) => !nsFilter || !g.namespace || nsFilter.has(g.namespace));
  return {
    id: meta.id ?? globalThis.crypto.randomUUID(),
    scanType: 'kubernetes',
    target: meta.target,
    ...(meta.cluster ? { cluster: meta.cluster } : {}),
    status: 'completed',
    startedAt: meta.startedAt.toISOString(),
    completedAt: (meta.completedAt ?? meta.startedAt).toISOString(),
    score: scoreOf(total(run.weights)),
    counts: countBySeverity(findings),
    findings,
    namespaces: namespacePostures(
      run,
      resources.filter((r) => r.obj.kind === 'Namespace'),
    ),
    rbac,
    objects: run.objects.length,
    errors: meta.errors ?? [],
  };
}
