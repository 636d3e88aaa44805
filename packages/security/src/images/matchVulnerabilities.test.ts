import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cvss3BaseScore } from './cvss.js';
import { compareVersions, matchVulnerabilities } from './matchVulnerabilities.js';
import { parseOsv } from './osv.js';
import { parseSbom } from './sbom.js';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const osv = parseOsv(fixture('osv/osv-test-fixture.json'), 'osv/osv-test-fixture.json');

describe('SBOM matching against an OSV database', () => {
  it('matches CycloneDX packages by ecosystem, name and range, with CVSS severity and the fixed version', () => {
    const sbom = parseSbom(fixture('sbom.cdx.json'), 'sbom.cdx.json');
    expect(sbom.format).toBe('cyclonedx');
    const found = matchVulnerabilities(sbom.components, osv);
    expect(
      found.map(
        (v) => `${v.id} ${v.package}@${v.installedVersion} ${v.severity} ${v.cvss ?? '-'} ${v.fixedVersion ?? '-'}`,
      ),
    ).toEqual([
      'OPSPILOT-TEST-0001 example-left-pad@1.2.0 critical 9.8 1.3.1',
      'OPSPILOT-TEST-0002 example-libz@1.2.11 low - 1.2.13-1',
    ]);
  });

  it('reads SPDX packages and their purls; a fixed version and an unlisted version do not match', () => {
    const sbom = parseSbom(fixture('sbom.spdx.json'), 'sbom.spdx.json');
    expect(sbom.format).toBe('spdx');
    expect(matchVulnerabilities(sbom.components, osv).map((v) => v.id)).toEqual(['OPSPILOT-TEST-0003']);
  });

  it('names the file and the field of a malformed SBOM or OSV record', () => {
    expect(() => parseSbom('{"bomFormat":"CycloneDX"}', 'bad.cdx.json')).toThrow(
      /^bad\.cdx\.json: field specVersion: /,
    );
    expect(() => parseSbom('{"hello":1}', 'x.json')).toThrow(/x\.json: field bomFormat\/spdxVersion/);
    expect(() =>
      parseOsv('{"id":"X","modified":"2026-01-01","affected":[{"package":{"name":"a"}}]}', 'db/X.json'),
    ).toThrow(/^db\/X\.json: field affected\.0\.package\.ecosystem: /);
    expect(() => parseOsv('not json', 'db/Y.json')).toThrow(/^db\/Y\.json: not JSON/);
  });

  it('scores CVSS v3 vectors and compares versions numerically', () => {
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBe(9.8);
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N')).toBe(6.4);
    expect(cvss3BaseScore('CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:L')).toBe(1.8);
    expect(compareVersions('1.10.0', '1.9.2')).toBeGreaterThan(0);
    expect(compareVersions('1.2.13-1', '1.2.13')).toBeGreaterThan(0);
  });
});
