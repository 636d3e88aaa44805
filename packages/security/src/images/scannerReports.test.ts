import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { parseScannerReport } from './scannerReports.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '__fixtures__', name), 'utf8');

describe('parseScannerReport', () => {
  it('reads a Trivy JSON report: image, digests, every result class, highest CVSS, first fixed version', () => {
    const report = parseScannerReport(fixture('trivy-report.json'), 'trivy-report.json');
    expect(report.scanner).toBe('trivy');
    expect(report.image).toBe('ghcr.io/acme/api:1.4.0');
    expect(report.digests).toEqual([
      'sha256:2222222222222222222222222222222222222222222222222222222222222222',
      'sha256:1111111111111111111111111111111111111111111111111111111111111111',
    ]);
    expect(report.vulnerabilities.map((v) => [v.id, v.severity, v.fixedVersion, v.cvss])).toEqual([
      ['CVE-2099-0001', 'critical', '1.0.1-r0', 9.8],
      ['CVE-2099-0002', 'medium', undefined, undefined],
      ['GHSA-2222-3333-4444', 'high', '4.1.2', 7.5],
    ]);
    expect(report.vulnerabilities[2]?.ecosystem).toBe('npm');
  });

  it('reads a Grype JSON report: source image, fix only when fixed, negligible as low, related ids as aliases', () => {
    const report = parseScannerReport(fixture('grype-report.json'), 'grype-report.json');
    expect(report.scanner).toBe('grype');
    expect(report.image).toBe('ghcr.io/acme/worker:2.0.0');
    expect(report.digests).toContain('sha256:4444444444444444444444444444444444444444444444444444444444444444');
    expect(report.vulnerabilities.map((v) => [v.id, v.severity, v.fixedVersion ?? null, v.aliases])).toEqual([
      ['CVE-2099-0003', 'high', '0.9.3-r0', []],
      ['GHSA-5555-6666-7777', 'low', null, ['CVE-2099-0004']],
    ]);
  });

  it('names the file and the field of a malformed report', () => {
    const broken = JSON.parse(fixture('trivy-report.json'));
    broken.Results[0].Vulnerabilities[0].PkgName = 42;
    expect(() => parseScannerReport(JSON.stringify(broken), 'bad.json')).toThrow(
      /bad\.json: field Results\.0\.Vulnerabilities\.0\.PkgName/,
    );
    expect(() => parseScannerReport('{"matches": [{}]}', 'g.json')).toThrow(/g\.json: field matches\.0\.vulnerability/);
    expect(() => parseScannerReport('{"bomFormat":"CycloneDX"}', 'x.json')).toThrow(InputError);
    expect(() => parseScannerReport('not json', 'y.json')).toThrow(/y\.json is not JSON/);
  });
});
