import { InputError } from '@opspilot/core';
import { z } from 'zod';
import { cvssSeverity } from './cvss.js';
import type { ImageVulnerability } from './matchVulnerabilities.js';

/** What one scanner report says about one image: its reference, digests and vulnerabilities. */
export interface ImageScanReport {
  /** The image as scanned, e.g. `ghcr.io/acme/api:1.4.0`. */
  image: string;
  /** `sha256:…` digests the image is known by (repo digests and the image id). */
  digests: string[];
  scanner: 'trivy' | 'grype' | 'osv';
  vulnerabilities: ImageVulnerability[];
}

type Severity = ImageVulnerability['severity'];

/** Scanner severities onto ours; UNKNOWN and Negligible count as low. */
function severityOf(raw: string | undefined, cvss: number | undefined): Severity {
  const s = (raw ?? '').toLowerCase();
  if (s === 'critical' || s === 'high' || s === 'medium' || s === 'low') return s;
  return cvss !== undefined ? cvssSeverity(cvss) : 'low';
}

const TrivyVulnerability = z.object({
  VulnerabilityID: z.string().min(1),
  PkgName: z.string().min(1),
  InstalledVersion: z.string().default(''),
  FixedVersion: z.string().optional(),
  Severity: z.string().optional(),
  Title: z.string().optional(),
  Description: z.string().optional(),
  CVSS: z.record(z.string(), z.object({ V3Score: z.number().optional(), V2Score: z.number().optional() })).optional(),
});

/** Trivy's JSON report (`trivy image -f json`, SchemaVersion 2). */
const TrivyReport = z.object({
  SchemaVersion: z.number(),
  ArtifactName: z.string().min(1),
  Metadata: z
    .object({ ImageID: z.string().optional(), RepoDigests: z.array(z.string()).optional() })
    .partial()
    .optional(),
  Results: z
    .array(
      z.object({
        Target: z.string(),
        Type: z.string().optional(),
        Vulnerabilities: z.array(TrivyVulnerability).nullish(),
      }),
    )
    .default([]),
});

const GrypeMatch = z.object({
  vulnerability: z.object({
    id: z.string().min(1),
    severity: z.string().optional(),
    description: z.string().optional(),
    cvss: z
      .array(z.object({ version: z.string().optional(), metrics: z.object({ baseScore: z.number() }) }))
      .optional(),
    fix: z.object({ versions: z.array(z.string()).default([]), state: z.string().optional() }).optional(),
  }),
  relatedVulnerabilities: z.array(z.object({ id: z.string() })).optional(),
  artifact: z.object({ name: z.string().min(1), version: z.string().default(''), type: z.string().optional() }),
});

/** Grype's JSON report (`grype IMAGE -o json`). */
const GrypeReport = z.object({
  matches: z.array(GrypeMatch),
  source: z
    .object({
      type: z.string().optional(),
      target: z.union([
        z.string(),
        z.object({
          userInput: z.string().optional(),
          imageID: z.string().optional(),
          manifestDigest: z.string().optional(),
          repoDigests: z.array(z.string()).optional(),
        }),
      ]),
    })
    .optional(),
});

const digestOf = (ref: string) => ref.match(/sha256:[a-f0-9]{64}/)?.[0];

function problem(file: string, error: z.ZodError): InputError {
  const issue = error.issues[0];
  return new InputError(`${file}: field ${issue?.path.join('.') || '(root)'}: ${issue?.message}`, {
    hint: 'give the JSON report of `trivy image -f json IMAGE` or `grype IMAGE -o json`',
  });
}

function fromTrivy(report: z.infer<typeof TrivyReport>): ImageScanReport {
  const vulnerabilities = report.Results.flatMap((r) =>
    (r.Vulnerabilities ?? []).map((v): ImageVulnerability => {
      const scores = Object.values(v.CVSS ?? {})
        .map((c) => c.V3Score ?? c.V2Score)
        .filter((n) => n !== undefined);
      const cvss = scores.length ? Math.max(...scores) : undefined;
      const fixed = v.FixedVersion?.split(',')[0]?.trim();
      return {
        id: v.VulnerabilityID,
        aliases: [],
        package: v.PkgName,
        ...(r.Type ? { ecosystem: r.Type } : {}),
        installedVersion: v.InstalledVersion,
        ...(fixed ? { fixedVersion: fixed } : {}),
        ...(cvss !== undefined ? { cvss } : {}),
        severity: severityOf(v.Severity, cvss),
        title: v.Title ?? v.Description?.slice(0, 200) ?? '',
      };
    }),
  );
  const digests = [...(report.Metadata?.RepoDigests ?? []), report.Metadata?.ImageID ?? '']
    .map(digestOf)
    .filter((d): d is string => !!d);
  return { image: report.ArtifactName, digests: [...new Set(digests)], scanner: 'trivy', vulnerabilities };
}

function fromGrype(report: z.infer<typeof GrypeReport>, file: string): ImageScanReport {
  const target = report.source?.target;
  const image = typeof target === 'string' ? target : target?.userInput;
  if (!image) throw new InputError(`${file}: field source.target.userInput: the report names no image`);
  const digests =
    typeof target === 'object'
      ? [...(target.repoDigests ?? []), target.manifestDigest ?? '', target.imageID ?? '']
          .map(digestOf)
          .filter((d): d is string => !!d)
      : [];
  const vulnerabilities = report.matches.map((m): ImageVulnerability => {
    const scores = (m.vulnerability.cvss ?? []).map((c) => c.metrics.baseScore);
    const cvss = scores.length ? Math.max(...scores) : undefined;
    const fixed = m.vulnerability.fix?.state === 'fixed' ? m.vulnerability.fix.versions[0] : undefined;
    return {
      id: m.vulnerability.id,
      aliases: (m.relatedVulnerabilities ?? []).map((r) => r.id).filter((id) => id !== m.vulnerability.id),
      package: m.artifact.name,
      ...(m.artifact.type ? { ecosystem: m.artifact.type } : {}),
      installedVersion: m.artifact.version,
      ...(fixed ? { fixedVersion: fixed } : {}),
      ...(cvss !== undefined ? { cvss } : {}),
      severity: severityOf(m.vulnerability.severity, cvss),
      title: m.vulnerability.description?.slice(0, 200) ?? '',
    };
  });
  return { image, digests: [...new Set(digests)], scanner: 'grype', vulnerabilities };
}

/**
 * Reads the JSON report of Trivy (`trivy image -f json`, SchemaVersion 2) or Grype (`grype IMAGE -o json`), told apart
 * by their shape, into one {@link ImageScanReport}. A report of neither shape, or with a malformed field, is an
 * InputError naming the file and the field.
 * @see https://trivy.dev/latest/docs/configuration/reporting/#json
 * @see https://github.com/anchore/grype#supported-output-formats
 */
export function parseScannerReport(text: string, file: string): ImageScanReport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file} is not JSON: ${(error as Error).message}`, {
      hint: 'give the JSON report of `trivy image -f json IMAGE` or `grype IMAGE -o json`',
    });
  }
  const obj = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  if ('SchemaVersion' in obj || 'ArtifactName' in obj) {
    const parsed = TrivyReport.safeParse(json);
    if (!parsed.success) throw problem(file, parsed.error);
    return fromTrivy(parsed.data);
  }
  if ('matches' in obj) {
    const parsed = GrypeReport.safeParse(json);
    if (!parsed.success) throw problem(file, parsed.error);
    return fromGrype(parsed.data, file);
  }
  throw new InputError(`${file}: field SchemaVersion or matches: neither a Trivy nor a Grype JSON report`, {
    hint: 'give the JSON report of `trivy image -f json IMAGE` or `grype IMAGE -o json`',
  });
}
