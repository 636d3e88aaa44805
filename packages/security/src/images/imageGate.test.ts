import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkImageGate, gateProblems, imagesOfPlan, normalizeImage } from './imageGate.js';
import { parseScannerReport } from './scannerReports.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '__fixtures__', name), 'utf8');
const reports = [
  parseScannerReport(fixture('trivy-report.json'), 'trivy'),
  parseScannerReport(fixture('grype-report.json'), 'grype'),
];

describe('checkImageGate', () => {
  it('fails an image with a vulnerability above the maximum severity and names it', () => {
    const verdict = checkImageGate({ max_severity: 'medium' }, ['ghcr.io/acme/api:1.4.0'], reports);
    expect(verdict.passed).toBe(false);
    expect(verdict.images[0]?.status).toBe('FAIL');
    expect(verdict.images[0]?.blocking.map((v) => v.id)).toEqual(['CVE-2099-0001', 'GHSA-2222-3333-4444']);
    expect(gateProblems(verdict, { max_severity: 'medium' })[0]).toMatch(
      /image gate: ghcr.io\/acme\/api:1.4.0: 2 vuln/,
    );
  });

  it('passes when the blocking advisories are allowed, by id or by alias', () => {
    const verdict = checkImageGate(
      { max_severity: 'medium', allow: ['cve-2099-0001', 'GHSA-2222-3333-4444', 'CVE-2099-0003'] },
      ['ghcr.io/acme/api:1.4.0', 'ghcr.io/acme/worker:2.0.0'],
      reports,
    );
    expect(verdict.passed).toBe(true);
    expect(verdict.images.map((i) => i.status)).toEqual(['PASS', 'PASS']);
    const none = checkImageGate(
      { max_severity: 'none', allow: ['CVE-2099-0003', 'CVE-2099-0004'] },
      ['ghcr.io/acme/worker:2.0.0'],
      reports,
    );
    expect(none.passed).toBe(true);
  });

  it('ignores unfixed vulnerabilities when told, and matches an image pinned by digest', () => {
    const pinned = 'ghcr.io/acme/api@sha256:2222222222222222222222222222222222222222222222222222222222222222';
    const verdict = checkImageGate(
      { max_severity: 'low', ignore_unfixed: true, allow: ['CVE-2099-0001'] },
      [pinned],
      reports,
    );
    expect(verdict.images[0]?.blocking.map((v) => v.id)).toEqual(['GHSA-2222-3333-4444']);
  });

  it('an image without a scan passes as NOT_SCANNED unless a scan is required', () => {
    expect(checkImageGate({}, ['nginx:1.27'], reports).passed).toBe(true);
    const strict = checkImageGate({ require_scan: true }, ['nginx:1.27'], reports);
    expect(strict.passed).toBe(false);
    expect(gateProblems(strict, { require_scan: true })).toEqual([
      'image gate: nginx:1.27: no scan of this image (the gate requires one)',
    ]);
  });

  it('normalises Docker Hub references and reads the images a plan sets', () => {
    expect(normalizeImage('nginx')).toBe('docker.io/library/nginx:latest');
    expect(normalizeImage('acme/api:1')).toBe('docker.io/acme/api:1');
    expect(normalizeImage('localhost:5000/api:1')).toBe('localhost:5000/api:1');
    const plan = {
      steps: [
        {
          op: 'apply' as const,
          mode: 'patch' as const,
          description: 'set image',
          object: {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: 'api', namespace: 'shop' },
            spec: { template: { spec: { containers: [{ name: 'api', image: 'ghcr.io/acme/api:1.4.0' }] } } },
          },
        },
        {
          op: 'scale' as const,
          target: { kind: 'Deployment', name: 'api', namespace: 'shop' },
          replicas: 2,
          description: 's',
        },
      ],
    };
    expect(imagesOfPlan(plan as never)).toEqual(['ghcr.io/acme/api:1.4.0']);
  });
});
