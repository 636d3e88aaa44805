import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateFiles } from '@opspilot/manifests';
import { describe, expect, it } from 'vitest';
import { parseScannerReport } from '../images/scannerReports.js';
import { SECURITY_RULES } from '../posture/postureChecks.js';
import { imageGateFindings } from './imageGateFindings.js';
import {
  securityRuleCatalog,
  securityRuleFindings,
  splitValidateSettings,
  withFindings,
} from './securityRuleFindings.js';

const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:1.4.0
          securityContext:
            seLinuxOptions: { type: spc_t }
---
apiVersion: v1
kind: Service
metadata: { name: api, namespace: shop }
spec:
  type: LoadBalancer
  selector: { app: api }
  ports: [{ port: 80 }]
`;
const files = [{ path: 'k8s/api.yaml', text: manifest }];

describe('security rules inside validate', () => {
  it('runs the posture rules on files, located at their line, beside manifests own findings', async () => {
    const findings = securityRuleFindings(files);
    const rules = new Set(findings.map((f) => f.rule));
    expect(rules.has('pss-selinux')).toBe(true);
    expect(rules.has('service-load-balancer')).toBe(true);
    const selinux = findings.find((f) => f.rule === 'pss-selinux');
    expect(selinux).toMatchObject({ file: 'k8s/api.yaml', resource: expect.stringContaining('api') });
    expect(selinux?.line).toBeGreaterThan(10);
    const report = await validateFiles([{ path: 'k8s/api.yaml', content: manifest }]);
    expect(report.findings.some((f) => f.rule === 'pss-selinux')).toBe(false);
    const merged = withFindings(report, findings);
    expect(merged.findings.length).toBe(report.findings.length + findings.length);
    expect(merged.summary.errors + merged.summary.warnings + merged.summary.infos).toBe(merged.findings.length);
  });

  it('honours per-rule settings and the ignore annotation; the catalogue lists every security rule', () => {
    const split = splitValidateSettings({
      rules: {
        'pss-selinux': { enabled: false },
        'service-load-balancer': { severity: 'ERROR' },
        'image-latest-tag': { enabled: false },
      },
    });
    expect(Object.keys(split.manifests?.rules ?? {})).toEqual(['image-latest-tag']);
    const findings = securityRuleFindings(files, split.security);
    expect(findings.some((f) => f.rule === 'pss-selinux')).toBe(false);
    expect(findings.find((f) => f.rule === 'service-load-balancer')?.severity).toBe('ERROR');
    const ignored = manifest.replace(
      'metadata: { name: api, namespace: shop }',
      'metadata: { name: api, namespace: shop, annotations: { opspilot.dev/ignore: service-load-balancer } }',
    );
    expect(
      securityRuleFindings([{ path: 'a.yaml', text: ignored }]).some((f) => f.rule === 'service-load-balancer'),
    ).toBe(false);
    expect(securityRuleCatalog().map((r) => r.id)).toEqual(SECURITY_RULES.map((r) => r.id));
    expect(findings.some((f) => f.rule === 'image-digest' || f.rule === 'network-policy-coverage')).toBe(false);
    const all = securityRuleFindings(files, {
      'image-digest': { enabled: true },
      'network-policy-coverage': { enabled: true },
    });
    expect(all.filter((f) => f.rule === 'image-digest' || f.rule === 'network-policy-coverage')).toHaveLength(2);
  });

  it('the image gate fails a container image with blocking vulnerabilities at its image line', () => {
    const text = readFileSync(join(import.meta.dirname, '../images/__fixtures__/trivy-report.json'), 'utf8');
    const reports = [parseScannerReport(text, 'trivy.json')];
    const failing = imageGateFindings(files, { max_severity: 'high' }, reports);
    expect(failing).toHaveLength(1);
    expect(failing[0]).toMatchObject({
      rule: 'image-gate',
      severity: 'ERROR',
      line: 13,
      path: 'spec.template.spec.containers[0].image',
    });
    expect(failing[0]?.message).toMatch(/CVE-2099-0001/);
    expect(imageGateFindings(files, { max_severity: 'critical' }, reports)).toEqual([]);
    expect(imageGateFindings(files, { require_scan: true }, [])[0]?.message).toMatch(/no scan of this image/);
  });
});
