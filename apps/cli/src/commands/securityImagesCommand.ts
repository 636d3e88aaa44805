import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError, NotFoundError } from '@opspilot/core';
import {
  checkImageGate,
  checkProvenance,
  type ImageVulnerability,
  matchVulnerabilities,
  type OsvRecord,
  parseOsv,
  parseSbom,
  parseScannerReport,
  recordImageScan,
  SEVERITY_ORDER,
  SecuritySeverity,
} from '@opspilot/security';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { EXIT_CODES } from '../exitCodes.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new NotFoundError(`${path} cannot be read`, { hint: 'check the path (relative to the working directory)' });
  }
}

/** Every OSV record of a file, or of the `.json` files of a folder (recursively). */
function osvRecords(path: string): OsvRecord[] {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    throw new NotFoundError(`${path} does not exist`, { hint: 'point --osv at an OSV database folder or file' });
  }
  if (!stat.isDirectory()) return parseOsv(read(path), path);
  return readdirSync(path, { withFileTypes: true }).flatMap((e) => {
    const full = join(path, e.name);
    if (e.isDirectory()) return osvRecords(full);
    return e.name.endsWith('.json') ? parseOsv(read(full), full) : [];
  });
}

/** The most severe vulnerability tolerated when `failOn` and worse fail. */
const TOLERATED = { critical: 'high', high: 'medium', medium: 'low', low: 'none' } as const;

function vulnerabilityRows(items: ImageVulnerability[]): string[][] {
  return items.map((v) => [
    v.severity.toUpperCase(),
    v.id,
    v.package,
    v.installedVersion,
    v.fixedVersion ?? '-',
    v.cvss === undefined ? '-' : String(v.cvss),
    v.title,
  ]);
}

/**
 * Registers `opspilot security images`: Trivy or Grype JSON reports (`--report`, kept in the local store as image scans
 * with their Vulnerability records) checked against the image gate, or the packages of a CycloneDX or SPDX JSON SBOM
 * matched against an OSV database the user points to (`--sbom --osv`); a table or `-o json|yaml`; exit 1 when a
 * vulnerability reaches `--fail-on` (default high) outside `--allow`.
 */
export function securityImagesCommand(parent: Command, ctx: CliContext): Command {
  return parent
    .command('images')
    .description('image vulnerabilities: Trivy/Grype JSON reports, or an SBOM matched against an OSV database')
    .option('--report <file...>', 'Trivy (trivy image -f json) or Grype (grype -o json) reports, stored locally')
    .option('--sbom <file>', 'the SBOM of the image (CycloneDX or SPDX JSON)')
    .option('--osv <path>', 'an OSV database: a folder of OSV JSON files, or one file')
    .option('--fail-on <severity>', 'exit 1 when a vulnerability is at least this severe', 'high')
    .option('--allow <id...>', 'advisory ids accepted as a risk (CVE-…, GHSA-…)')
    .option(
      '--provenance <file>',
      "with --report: the image's in-toto/SLSA provenance (statement, DSSE or Sigstore bundle)",
    )
    .action(
      async (
        o: { report?: string[]; sbom?: string; osv?: string; failOn: string; allow?: string[]; provenance?: string },
        command: Command,
      ) => {
        const failOn = SecuritySeverity.safeParse(o.failOn);
        if (!failOn.success)
          throw new InputError(`invalid --fail-on ${o.failOn}`, { hint: 'critical, high, medium or low' });
        if (o.report?.length) {
          const reports = o.report.map((f) => parseScannerReport(read(resolve(ctx.io.cwd, f)), f));
          const config = await ctx.loadConfig(command);
          const at = (ctx.io.clock?.now() ?? new Date()).toISOString();
          const scans = await withStore(config, ctx.io.cwd, async (store) => {
            const out = [];
            for (const r of reports) out.push((await recordImageScan(store, r, { at })).id);
            return out;
          });
          const verdict = checkImageGate(
            { max_severity: TOLERATED[failOn.data], allow: o.allow ?? [] },
            reports.map((r) => r.image),
            reports,
          );
          const provenance = o.provenance
            ? checkProvenance(
                read(resolve(ctx.io.cwd, o.provenance)),
                o.provenance,
                reports.flatMap((r) => r.digests),
              )
            : undefined;
          if (!verdict.passed || (provenance && !provenance.matchesImage)) ctx.run.exitCode = EXIT_CODES.findings;
          ctx.print(
            command,
            {
              apiVersion: 'v1',
              kind: 'ImageScanList',
              ...(provenance ? { provenance } : {}),
              items: reports.map((r, i) => ({
                scan_id: scans[i],
                image: r.image,
                scanner: r.scanner,
                gate: verdict.images.find((g) => g.image === r.image)?.status ?? 'PASS',
                vulnerabilities: r.vulnerabilities,
              })),
            },
            (l) =>
              l.items
                .map(
                  (i) =>
                    `${i.image} (${i.scanner}): ${i.gate} — ${i.vulnerabilities.length} vulnerabilities\n${
                      i.vulnerabilities.length
                        ? `${renderColumns([['SEVERITY', 'ID', 'PACKAGE', 'INSTALLED', 'FIXED', 'CVSS', 'TITLE'], ...vulnerabilityRows(i.vulnerabilities)])}\n`
                        : ''
                    }`,
                )
                .join('\n') +
              (provenance
                ? `provenance: ${provenance.predicateType}, builder ${provenance.builder ?? '-'}, ${
                    provenance.signed ? 'signed (signature not verified offline)' : 'unsigned'
                  }${provenance.problems.length ? ` — ${provenance.problems.join('; ')}` : ''}\n`
                : ''),
          );
          return;
        }
        if (!o.sbom || !o.osv)
          throw new InputError('give --report FILE, or --sbom FILE with --osv PATH', {
            hint: 'e.g. opspilot security images --report trivy.json',
          });
        const sbomPath = resolve(ctx.io.cwd, o.sbom);
        const sbom = parseSbom(read(sbomPath), o.sbom);
        const records = osvRecords(resolve(ctx.io.cwd, o.osv));
        const allowed = new Set((o.allow ?? []).map((a) => a.toUpperCase()));
        const items = matchVulnerabilities(sbom.components, records);
        if (
          items.some(
            (v) =>
              SEVERITY_ORDER.indexOf(v.severity) <= SEVERITY_ORDER.indexOf(failOn.data) &&
              !allowed.has(v.id.toUpperCase()),
          )
        )
          ctx.run.exitCode = EXIT_CODES.findings;
        ctx.print(
          command,
          {
            apiVersion: 'v1',
            kind: 'VulnerabilityList',
            sbom: o.sbom,
            format: sbom.format,
            packages: sbom.components.length,
            items,
          },
          (l) =>
            l.items.length === 0
              ? `No known vulnerabilities in ${l.packages} packages (${records.length} OSV records).\n`
              : `${renderColumns([['SEVERITY', 'ID', 'PACKAGE', 'INSTALLED', 'FIXED', 'CVSS', 'TITLE'], ...vulnerabilityRows(l.items)])}\n`,
        );
      },
    );
}
