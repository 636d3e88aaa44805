import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type TestStore } from './testing/index.js';

describe.each(DIALECTS)('security findings on %s', (dialect) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(dialect);
  });
  afterAll(async () => t?.cleanup());

  it('stores the findings of a scan and deletes them with it', async () => {
    const scan = await t.store.securityScans.create({
      scan_type: 'KUBERNETES',
      target: 'cluster:demo',
      status: 'COMPLETED',
      findings_count: 1,
      high_count: 1,
      completed_at: '2026-03-01T00:00:01.000Z',
    });
    const finding = await t.store.securityFindings.create({
      scan_id: scan.id,
      finding_key: 'pod-host-network:Deployment/shop/web:spec.template.spec.hostNetwork',
      check_id: 'pod-host-network',
      category: 'pod-security',
      severity: 'high',
      object_kind: 'Deployment',
      object_namespace: 'shop',
      object_name: 'web',
      message: "the pod uses the node's network namespace",
      evidence: ['spec.template.spec.hostNetwork', 'found: true'],
      fix: 'remove hostNetwork',
      pss_control: 'host-namespaces',
      pss_level: 'baseline',
    });
    expect((await t.store.securityFindings.list({ scan_id: scan.id, severity: 'high' })).items).toEqual([finding]);
    await t.store.securityScans.delete(scan.id);
    expect((await t.store.securityFindings.list({ scan_id: scan.id })).items).toEqual([]);
  });
});
