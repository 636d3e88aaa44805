import { describe, expect, it } from 'vitest';
import { plantedCluster, secureNamespace } from '../__fixtures__/plantedObjects.js';
import { POSTURE_CHECKS } from '../posture/postureChecks.js';
import { offlineScan } from '../posture/scanCluster.js';
import { scanResources } from '../posture/scanResources.js';
import { liveResource } from '../posture/toResources.js';
import { complianceReport, frameworkOf } from './complianceReport.js';
import { FRAMEWORKS } from './frameworks.js';
import { complianceHtml, complianceMarkdown } from './renderCompliance.js';

const at = new Date('2026-03-01T00:00:00Z');
const scanOf = (objects = plantedCluster()) =>
  scanResources(
    objects.map((o, i) => liveResource(o, 'cluster:t', i)),
    { target: 'cluster:t', startedAt: at, id: 's1' },
  );

describe('compliance reports', () => {
  it('maps only checks the posture scan runs', () => {
    const known = new Set(POSTURE_CHECKS.map((c) => c.rule.id));
    for (const f of FRAMEWORKS)
      for (const c of f.controls) for (const check of c.checks) expect(known, `${f.id} ${c.id}`).toContain(check);
  });

  it('fails the CIS controls the planted violations break, with the findings as evidence', () => {
    const r = complianceReport(scanOf(), frameworkOf('cis'), at);
    const byId = new Map(r.controls.map((c) => [c.id, c]));
    expect(byId.get('5.2.2')).toMatchObject({
      status: 'FAIL',
      evidence: expect.stringContaining('Deployment/planted/privileged'),
    });
    expect(byId.get('5.1.1')?.status).toBe('FAIL');
    expect(r.score).toBeLessThan(50);
  });

  it('passes every control on a compliant namespace and scores it 100', () => {
    for (const f of FRAMEWORKS) expect(complianceReport(scanOf(secureNamespace()), f, at).score, f.id).toBe(100);
  });

  it('never calls an offline cluster compliant', () => {
    const offline = offlineScan({ cluster: 't', startedAt: at, completedAt: at, reason: 'connect ECONNREFUSED' });
    const r = complianceReport(offline, frameworkOf('nsa'), at);
    expect(r.score).toBe(0);
    expect(r.controls.every((c) => c.status === 'NOT_APPLICABLE')).toBe(true);
  });

  it('exports Markdown and escaped HTML', () => {
    const r = complianceReport(scanOf(), frameworkOf('pci'), at);
    expect(complianceMarkdown(r)).toMatch(/^# PCI DSS v4.0 \(mapping\)\n\n.*score \d+\/100/);
    expect(complianceMarkdown(r)).toContain('| 4.2.1 | Strong cryptography protects data in transmission | FAIL |');
    const html = complianceHtml({ ...r, target: '<script>' });
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('refuses an unknown framework with the list', () => {
    expect(() => frameworkOf('iso27001')).toThrow(/unknown framework iso27001/);
  });
});
