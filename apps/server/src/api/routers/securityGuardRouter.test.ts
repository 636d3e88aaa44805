import { readFileSync } from 'node:fs';
import type { Event, KubeObject } from '@opspilot/core';
import { createClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueScans } from '../../security/scanScheduler.js';
import { startTestApi, type TestApi } from '../../testing/index.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../../packages/security/src/images/__fixtures__/${name}`, import.meta.url), 'utf8');

const app = (name: string, image: string, secret?: string): KubeObject =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'vault' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name: 'app',
              image,
              ...(secret ? { envFrom: [{ secretRef: { name: secret } }] } : {}),
            },
          ],
        },
      },
    },
  }) as KubeObject;

describe('the security router: image scans and gate, secret rotation, scheduled scans', () => {
  let t: TestApi;
  let sim: SimCluster;
  let clusterId: string;
  const events: Event[] = [];
  beforeAll(async () => {
    t = await startTestApi();
    t.services.bus.subscribe({}, (e) => void events.push(e));
    sim = await startSimCluster({ clock: t.clock });
    const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig, clock: t.clock });
    const registered = await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'sim-guard',
      api_server_url: sim.url,
      kubeconfig: sim.kubeconfig,
    });
    clusterId = registered.json().id;
    for (const who of ['viewer', 'operator', 'approver'] as const)
      await t.rest('POST', `/users/${t.users[who].user.id}/clusters/${clusterId}`, t.users.admin.token, {});
    await gateway.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'vault' } } as KubeObject);
    await gateway.apply({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', namespace: 'vault' },
      type: 'Opaque',
      data: { password: Buffer.from('old').toString('base64') },
    } as KubeObject);
    await gateway.apply(app('api', 'todo/backend:1.0', 'db'));
    await advanceClock(t.clock, 5_000);
  });
  afterAll(async () => {
    await sim?.stop();
    await t?.close();
  });

  it('stores a Trivy report as an image scan with Vulnerability records, announced and audited', async () => {
    const res = await t.rest('POST', '/security/images/scans', t.users.operator.token, {
      report: fixture('trivy-report.json'),
      file_name: 'trivy-report.json',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      image: 'ghcr.io/acme/api:1.4.0',
      scanner: 'trivy',
      critical: 1,
      high: 1,
      total: 3,
    });
    const vulns = await t.rest('GET', `/security/vulnerabilities?scan_id=${res.json().id}`, t.users.viewer.token);
    expect(vulns.json().map((v: { vulnerability_id: string }) => v.vulnerability_id)).toEqual([
      'CVE-2099-0001',
      'GHSA-2222-3333-4444',
      'CVE-2099-0002',
    ]);
    expect(events.some((e) => e.event_type === 'SECURITY_SCAN_COMPLETED' && e.payload.scan_type === 'CONTAINER')).toBe(
      true,
    );
    const bad = await t.rest('POST', '/security/images/scans', t.users.operator.token, { report: '{"matches":[{}]}' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/report\.json: field matches\.0\.vulnerability/);
  });

  it('the image gate refuses a plan that sets a failing image, before review', async () => {
    const gate = await t.rest('PUT', '/security/gates/image', t.users.approver.token, { max_severity: 'medium' });
    expect(gate.statusCode, gate.body).toBe(200);
    const checked = await t.rest('POST', '/security/images/check', t.users.viewer.token, {
      images: ['ghcr.io/acme/api:1.4.0', 'nginx:1.27'],
    });
    expect(checked.json()).toMatchObject({
      passed: false,
      images: [
        { image: 'ghcr.io/acme/api:1.4.0', status: 'FAIL' },
        { image: 'nginx:1.27', status: 'NOT_SCANNED' },
      ],
    });
    const asked = await t.rest('POST', '/ops/ask', t.users.operator.token, {
      cluster_id: clusterId,
      request: 'set image of api in vault to ghcr.io/acme/api:1.4.0',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().operation).toMatchObject({ state: 'INVALID' });
    expect(asked.json().operation.problems.join('\n')).toMatch(
      /image gate: ghcr.io\/acme\/api:1.4.0: 2 vulnerabilities above medium/,
    );
    expect(events.some((e) => e.event_type === 'SECURITY_GATE_BLOCKED')).toBe(true);
    await t.rest('PUT', '/security/gates/image', t.users.approver.token, {
      max_severity: 'medium',
      allow: ['CVE-2099-0001', 'GHSA-2222-3333-4444'],
    });
    const allowed = await t.rest('POST', '/ops/ask', t.users.operator.token, {
      cluster_id: clusterId,
      request: 'set image of api in vault to ghcr.io/acme/api:1.4.0',
    });
    expect(allowed.json().operation).toMatchObject({ state: 'NEEDS_REVIEW' });
  });

  it('lists Secret ages against the policy and proposes a rotation for review, never echoing the value', async () => {
    await t.clock.advance(100 * 86_400_000);
    const policy = await t.rest('PUT', '/security/gates/secrets', t.users.approver.token, { max_age_days: 30 });
    expect(policy.json()).toMatchObject({ scope: 'all', max_age_days: 30 });
    const ages = await t.rest('GET', `/security/secrets?cluster_id=${clusterId}&namespace=vault`, t.users.viewer.token);
    expect(ages.json()).toMatchObject({
      max_age_days: 30,
      items: [{ name: 'db', overdue: true, consumers: [{ kind: 'Deployment', name: 'api' }] }],
    });
    const res = await t.rest('POST', '/security/secrets/rotate', t.users.operator.token, {
      cluster_id: clusterId,
      namespace: 'vault',
      name: 'db',
      values: { password: 'supplied-by-user-1' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'NEEDS_REVIEW',
      plan: { steps: [{ op: 'apply' }, { op: 'rolloutRestart', target: { name: 'api' } }] },
    });
    expect(res.body).not.toContain('supplied-by-user-1');
    const trail = await t.rest('GET', '/audit?action=security.secret.rotation.proposed', t.users.admin.token);
    expect(JSON.stringify(trail.json())).toContain('secret/vault/db');
    expect(JSON.stringify(trail.json())).not.toContain('supplied-by-user-1');
    expect(events.some((e) => e.event_type === 'SECRET_ROTATION_PROPOSED' && e.payload.name === 'db')).toBe(true);
    const missing = await t.rest('POST', '/security/secrets/rotate', t.users.operator.token, {
      cluster_id: clusterId,
      namespace: 'vault',
      name: 'nope',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('runs scheduled scans when due in their time zone and keeps the history', async () => {
    const bad = await t.rest('POST', '/security/schedules', t.users.operator.token, {
      cluster_id: clusterId,
      cron: '0 2 * * *',
      timezone: 'Mars/Base',
    });
    expect(bad.statusCode).toBe(400);
    const created = await t.rest('POST', '/security/schedules', t.users.operator.token, {
      cluster_id: clusterId,
      cron: '0 2 * * *',
      timezone: 'Europe/Berlin',
      namespace: 'vault',
    });
    expect(created.statusCode, created.body).toBe(200);
    const schedule = created.json();
    const due = Date.parse(schedule.next_run_at);
    // 02:00 in Berlin in June (CEST, UTC+2)
    expect(new Date(due).getUTCHours()).toBe(0);
    expect(await runDueScans(t.services)).toEqual([]);
    await t.clock.advance(due - t.clock.now().getTime());
    const runs = await runDueScans(t.services);
    expect(runs).toEqual([{ schedule_id: schedule.id, scan_id: expect.any(String), status: 'completed' }]);
    const listed = await t.rest('GET', `/security/schedules?cluster_id=${clusterId}`, t.users.viewer.token);
    expect(listed.json()[0]).toMatchObject({
      last_scan_id: runs[0]?.scan_id,
      last_status: 'COMPLETED',
      next_run_at: new Date(due + 86_400_000).toISOString(),
    });
    expect(
      events.some((e) => e.event_type === 'SECURITY_SCAN_COMPLETED' && e.payload.schedule_id === schedule.id),
    ).toBe(true);
    const history = await t.rest('GET', `/security/scans?cluster_id=${clusterId}`, t.users.viewer.token);
    expect(history.json().map((s: { id: string }) => s.id)).toContain(runs[0]?.scan_id);
    const disabled = await t.rest('POST', `/security/schedules/${schedule.id}`, t.users.operator.token, {
      enabled: false,
    });
    expect(disabled.json().enabled).toBe(false);
    const gone = await t.rest('DELETE', `/security/schedules/${schedule.id}`, t.users.operator.token);
    expect(gone.statusCode).toBe(200);
  });

  it('compiles a stored policy to a ValidatingAdmissionPolicy and its binding', async () => {
    const created = await t.rest('POST', '/security/policies', t.users.approver.token, {
      name: 'no-lb',
      sentence: 'No Service may be of type LoadBalancer',
      enforcement: 'deny',
    });
    const res = await t.rest('GET', `/security/policies/${created.json().id}/admission`, t.users.viewer.token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().policy).toMatchObject({
      kind: 'ValidatingAdmissionPolicy',
      spec: { validations: [{ expression: "object.spec.type != 'LoadBalancer'" }] },
    });
    expect(res.json().binding).toMatchObject({ spec: { policyName: 'opspilot-no-lb', validationActions: ['Deny'] } });
    expect(res.json().yaml).toContain('kind: ValidatingAdmissionPolicyBinding');
  });

  it('enforces a policy as a reviewed operation: approved, applied, and the cluster then refuses violations', async () => {
    const created = await t.rest('POST', '/security/policies', t.users.approver.token, {
      name: 'no-nodeport',
      sentence: 'No Service may be of type NodePort',
      enforcement: 'audit',
    });
    const res = await t.rest('POST', `/security/policies/${created.json().id}/enforce`, t.users.operator.token, {
      cluster_id: clusterId,
      mode: 'deny',
    });
    expect(res.statusCode, res.body).toBe(200);
    const operation = res.json();
    expect(operation).toMatchObject({
      state: 'NEEDS_REVIEW',
      plan: {
        steps: [
          { object: { kind: 'ValidatingAdmissionPolicy' } },
          { object: { kind: 'ValidatingAdmissionPolicyBinding' } },
        ],
      },
    });
    expect(operation.diff).toContain('validationActions');
    const approved = await t.rest('POST', `/ops/${operation.id}/approve`, t.users.approver.token, {});
    expect(approved.json().state).toBe('APPROVED');
    let settled = false;
    const applying = t.rest('POST', `/ops/${operation.id}/apply`, t.users.operator.token, {}).finally(() => {
      settled = true;
    });
    while (!settled) await advanceClock(t.clock, 1000);
    expect((await applying).json()).toMatchObject({ state: 'APPLIED' });
    const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig, clock: t.clock });
    try {
      await expect(
        gateway.apply({
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'exposed', namespace: 'default' },
          spec: { type: 'NodePort', selector: { app: 'x' }, ports: [{ port: 80 }] },
        } as never),
      ).rejects.toThrow(
        /with binding 'opspilot-no-nodeport' denied request: Services of type NodePort are not allowed/,
      );
    } finally {
      gateway.close();
    }
    const audits = (await t.store.audit.list({ target: 'policy/no-nodeport' })).items.map((e) => e.action);
    expect(audits).toContain('security.policy.enforce');
  });
});
