import { cvss3BaseScore, cvssSeverity } from './cvss.js';
import type { OsvRecord } from './osv.js';
import type { SbomComponent } from './sbom.js';

/** A vulnerability of one package of an image (seed 004 `vulnerabilities`). */
export interface ImageVulnerability {
  id: string;
  aliases: string[];
  package: string;
  ecosystem?: string;
  installedVersion: string;
  fixedVersion?: string;
  cvss?: number;
  severity: 'critical' | 'high' | 'medium' | 'low';
  title: string;
}

/** Compares dotted versions numerically segment by segment (`1.10.0` > `1.9.2`; `1.2.3-r1` by its numbers, then text). */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.replace(/^v/, '').split(/[.\-+_~:]/);
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    if (Number.isFinite(nx) && Number.isFinite(ny)) {
      if (nx !== ny) return nx - ny;
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Whether `version` is affected by one `affected` entry: listed, or inside an introduced…fixed range. */
function affects(entry: OsvRecord['affected'][number], version: string): { hit: boolean; fixed?: string } {
  if (entry.versions?.includes(version)) return { hit: true };
  for (const range of entry.ranges ?? []) {
    if (range.type === 'GIT') continue;
    let introduced: string | undefined;
    for (const e of range.events) {
      if (e.introduced !== undefined) introduced = e.introduced;
      const end = e.fixed ?? e.last_affected;
      if (end !== undefined && introduced !== undefined) {
        const after = introduced === '0' || compareVersions(version, introduced) >= 0;
        const before =
          e.fixed !== undefined ? compareVersions(version, e.fixed) < 0 : compareVersions(version, end) <= 0;
        if (after && before) return { hit: true, ...(e.fixed ? { fixed: e.fixed } : {}) };
        introduced = undefined;
      }
    }
    if (introduced !== undefined && (introduced === '0' || compareVersions(version, introduced) >= 0))
      return { hit: true };
  }
  return { hit: false };
}

function scoreOf(record: OsvRecord): number | undefined {
  for (const s of record.severity ?? []) {
    const n = Number(s.score);
    if (Number.isFinite(n)) return n;
    const v = cvss3BaseScore(s.score);
    if (v !== undefined) return v;
  }
  return undefined;
}

const NAMED: Record<string, ImageVulnerability['severity']> = {
  CRITICAL: 'critical',
  HIGH: 'high',
  MODERATE: 'medium',
  MEDIUM: 'medium',
  LOW: 'low',
};

/**
 * The vulnerabilities of an SBOM's packages in an OSV database: a package matches a record when the ecosystem (when
 * both have one) and the name agree and the version is listed or inside an affected range. Severity from the CVSS
 * score (a v3 vector is scored), else the database's named severity, else medium.
 */
export function matchVulnerabilities(components: SbomComponent[], records: OsvRecord[]): ImageVulnerability[] {
  const byName = new Map<string, { record: OsvRecord; entry: OsvRecord['affected'][number] }[]>();
  for (const record of records)
    for (const entry of record.affected) {
      const key = entry.package.name.toLowerCase();
      byName.set(key, [...(byName.get(key) ?? []), { record, entry }]);
    }
  const out: ImageVulnerability[] = [];
  const seen = new Set<string>();
  for (const c of components) {
    for (const { record, entry } of byName.get(c.name.toLowerCase()) ?? []) {
      if (c.ecosystem && entry.package.ecosystem.split(':')[0] !== c.ecosystem) continue;
      const hit = affects(entry, c.version);
      const key = `${record.id}|${c.name}|${c.version}`;
      if (!hit.hit || seen.has(key)) continue;
      seen.add(key);
      const cvss = scoreOf(record);
      const named = String(record.database_specific?.severity ?? entry.database_specific?.severity ?? '').toUpperCase();
      out.push({
        id: record.id,
        aliases: record.aliases ?? [],
        package: c.name,
        ...(c.ecosystem ? { ecosystem: c.ecosystem } : {}),
        installedVersion: c.version,
        ...(hit.fixed ? { fixedVersion: hit.fixed } : {}),
        ...(cvss !== undefined ? { cvss } : {}),
        severity: cvss !== undefined ? cvssSeverity(cvss) : (NAMED[named] ?? 'medium'),
        title: record.summary ?? record.details?.split('\n')[0] ?? record.id,
      });
    }
  }
  return out.sort((a, b) => (b.cvss ?? 0) - (a.cvss ?? 0) || a.id.localeCompare(b.id));
}
