import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError, NotFoundError } from '@opspilot/core';
import {
  matchVulnerabilities,
  type OsvRecord,
  parseOsv,
  parseSbom,
  SEVERITY_ORDER,
  SecuritySeverity,
} from '@opspilot/security';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { EXIT_CODES } from '../exitCodes.js';
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

/**
 * Registers `opspilot security images --sbom FILE --osv PATH`: the packages of a CycloneDX or SPDX JSON SBOM matched
 * against an OSV database the user points to, as a table or `-o json|yaml`; exit 1 when a vulnerability reaches
 * `--fail-on` (default high).
 */
export function securityImagesCommand(parent: Command, ctx: CliContext): Command {
  return parent
    .command('images')
    .description('match an image SBOM (CycloneDX or SPDX JSON) against an OSV vulnerability database')
    .requiredOption('--sbom <file>', 'the SBOM of the image')
    .requiredOption('--osv <path>', 'an OSV database: a folder of OSV JSON files, or one file')
    .option('--fail-on <severity>', 'exit 1 when a vulnerability is at least this severe', 'high')
    .action((o: { sbom: string; osv: string; failOn: string }, command: Command) => {
      const failOn = SecuritySeverity.safeParse(o.failOn);
      if (!failOn.success)
        throw new InputError(`invalid --fail-on ${o.failOn}`, { hint: 'critical, high, medium or low' });
      const sbomPath = resolve(ctx.io.cwd, o.sbom);
      const sbom = parseSbom(read(sbomPath), o.sbom);
      const records = osvRecords(resolve(ctx.io.cwd, o.osv));
      const items = matchVulnerabilities(sbom.components, records);
      if (items.some((v) => SEVERITY_ORDER.indexOf(v.severity) <= SEVERITY_ORDER.indexOf(failOn.data)))
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
            : `${renderColumns([
                ['SEVERITY', 'ID', 'PACKAGE', 'INSTALLED', 'FIXED', 'CVSS', 'TITLE'],
                ...l.items.map((v) => [
                  v.severity.toUpperCase(),
                  v.id,
                  v.package,
                  v.installedVersion,
                  v.fixedVersion ?? '-',
                  v.cvss === undefined ? '-' : String(v.cvss),
                  v.title,
                ]),
              ])}\n`,
      );
    });
}
