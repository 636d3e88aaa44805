import type { KubeObject } from '@opspilot/core';
import { createClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/index.js';

const hardened = (
  name: string,
  extra: Record<string, unknown> = {},
  container: Record<string, unknown> = {},
): KubeObject =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'guarded' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name: 'app',
              image: 'nginx:1.27@sha256:0d6b6b2e0c3f5f5b9b2a4f6c8e1d3a5b7c9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a',
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                capabilities: { drop: ['ALL'] },
              },
              resources: { limits: { cpu: '100m', memory: '64Mi' } },
              ...container,
            },
          ],
          ...extra,
        },
      },
    },
  }) as KubeObject;

describe('the security router: live posture scans, findings, policies and audits', () => {
  let t: TestApi;
  let sim: SimCluster;
  let clusterId: string;
  beforeAll(async () => {
    t = await startTestApi();
    sim = await startSimCluster({ clock: t.clock });
    const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig, clock: t.clock });
    const registered = await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'sim-sec',
      api_server_url: sim.url,
      kubeconfig: sim.kubeconfig,
    });
    clusterId = registered.json().id;
    for (const who of ['viewer', 'operator', 'approver'] as const)
      await t.rest('POST', `/users/${t.users[who].user.id}/clusters/${clusterId}`, t.users.admin.token, {});
    const objects: KubeObject[] = [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'guarded' } } as KubeObject,
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'default-deny', namespace: 'guarded' },
        spec: { podSelector: {}, policyTypes: ['Ingress'] },
      } as KubeObject,
      hardened('calm'),
      hardened('host-net', { hostNetwork: true }),
      hardened('floating', {}, { image: 'nginx:latest' }),
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'public', namespace: 'guarded' },
        spec: { type: 'LoadBalancer', selector: { app: 'calm' }, ports: [{ port: 80 }] },
      } as KubeObject,
    ];
    for (const o of objects) await gateway.apply(o);
  });
  afterAll(async () => {
    await sim?.stop();
    await t?.close();
  });

  it('scans a live cluster: each planted problem once (pods and ReplicaSets left to their Deployment), stored, audited', async () => {
    const res = await t.rest('POST', '/security/scans', t.users.operator.token, {
      cluster_id: clusterId,
      namespace: 'guarded',
    });
    expect(res.statusCode).toBe(200);
    const scan = res.json();
    expect(scan.status).toBe('completed');
    const found = scan.findings.map(
      (f: { check: string; object: { kind: string; name: string } }) => `${f.object.kind}/${f.object.name} ${f.check}`,
    );
    expect(found.sort()).toEqual([
      'Deployment/floating image-latest-tag',
      'Deployment/host-net pod-host-network',
      'Service/public service-load-balancer',
    ]);
    expect(scan.namespaces).toContainEqual(expect.objectContaining({ namespace: 'guarded', level: 'privileged' }));
    const stored = await t.rest(
      'GET',
      `/security/findings?cluster_id=${clusterId}&severity=high`,
      t.users.viewer.token,
    );
    expect(stored.json().findings.map((f: { check: string }) => f.check)).toEqual(['pod-host-network']);
    const trend = await t.rest('GET', `/security/trend?cluster_id=${clusterId}`, t.users.viewer.token);
    expect(trend.json()).toEqual([expect.objectContaining({ status: 'completed', score: scan.score, high: 1 })]);
    const entries = await t.rest('GET', '/audit?action=security.scan', t.users.admin.token);
    expect(JSON.stringify(entries.json())).toContain('security.scan');
  });

  it('audits a plain-English policy with VIOLATING lines, and stores policies made from sentences', async () => {
    const res = await t.rest('POST', '/security/audit', t.users.viewer.token, {
      cluster_id: clusterId,
      sentence: 'No Service may be of type LoadBalancer',
    });
    expect(res.json()).toMatchObject({
      status: 'completed',
      lines: ['VIOLATING: Service/guarded/public — the Service is of type LoadBalancer'],
    });
    const created = await t.rest('POST', '/security/policies', t.users.approver.token, {
      name: 'no-latest',
      sentence: 'Containers must not use the latest tag',
    });
    expect(created.json()).toMatchObject({ template: 'k8sdisallowedtags', parameters: { tags: ['latest'] } });
    const audited = await t.rest('POST', '/security/audit', t.users.viewer.token, {
      cluster_id: clusterId,
      namespace: 'guarded',
    });
    expect(audited.json().lines).toEqual([
      expect.stringMatching(/^VIOLATING: Deployment\/guarded\/floating — .*latest/),
    ]);
    const asked = await t.rest('POST', '/ops/ask', t.users.operator.token, {
      cluster_id: clusterId,
      request: 'which services violate "no Service may be of type LoadBalancer"',
    });
    expect(asked.json()).toMatchObject({
      kind: 'policy-audit',
      lines: ['VIOLATING: Service/guarded/public — the Service is of type LoadBalancer'],
    });
    const unmapped = await t.rest('POST', '/security/policies', t.users.approver.token, {
      name: 'x',
      sentence: 'Pods must not run on Sundays',
    });
    expect(unmapped.statusCode).toBe(400);
  });

  it('reports compliance per framework from the latest scan, with history and exports', async () => {
    const res = await t.rest('POST', '/security/compliance', t.users.operator.token, {
      cluster_id: clusterId,
      framework: 'CIS',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const hostNetwork = body.report.controls.find((c: { id: string }) => c.id === '5.2.5');
    expect(hostNetwork).toMatchObject({
      status: 'FAIL',
      evidence: expect.stringContaining('Deployment/guarded/host-net'),
    });
    expect(body.markdown).toMatch(/^# CIS Kubernetes Benchmark/);
    const history = await t.rest(
      'GET',
      `/security/compliance?cluster_id=${clusterId}&framework=CIS`,
      t.users.viewer.token,
    );
    expect(history.json()).toEqual([expect.objectContaining({ framework: 'CIS', score: body.report.score })]);
  });

  it('proposes the fix of a finding as an operation waiting for review', async () => {
    const findings = await t.rest('GET', `/security/findings?cluster_id=${clusterId}`, t.users.viewer.token);
    const hostNet = findings.json().findings.find((f: { check: string }) => f.check === 'pod-host-network');
    const res = await t.rest('POST', '/security/fix', t.users.operator.token, {
      cluster_id: clusterId,
      finding_id: hostNet.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'NEEDS_REVIEW', plan: { steps: [{ op: 'apply', mode: 'patch' }] } });
  });

  it('reports an unreachable cluster as offline, never compliant', async () => {
    const gone = await startSimCluster({ clock: t.clock });
    const registered = await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'sim-sec-gone',
      api_server_url: gone.url,
      kubeconfig: gone.kubeconfig,
    });
    await gone.stop();
    const res = await t.rest('POST', '/security/scans', t.users.admin.token, { cluster_id: registered.json().id });
    expect(res.json()).toMatchObject({ status: 'offline', findings: [] });
    expect(res.json().score).toBeUndefined();
  });
});
