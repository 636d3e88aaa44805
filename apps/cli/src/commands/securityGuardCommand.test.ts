import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeObject } from '@opspilot/core';
import { createClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const fixtures = new URL('../../../../packages/security/src/images/__fixtures__/', import.meta.url).pathname;

const deployment = (name: string, pod: Record<string, unknown>): KubeObject =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'keys' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: 'todo/backend:1.0' }], ...pod },
      },
    },
  }) as KubeObject;

describe('opspilot security fix, secrets, rotate and images --report', () => {
  let sim: SimCluster;
  let dir: string;
  let kubeconfig: string;
  let gateway: ReturnType<typeof createClusterGateway>;
  beforeAll(async () => {
    sim = await startSimCluster();
    dir = mkdtempSync(join(tmpdir(), 'opspilot-security-guard-'));
    kubeconfig = join(dir, 'kubeconfig.yaml');
    writeFileSync(kubeconfig, sim.kubeconfig);
    gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig });
    await gateway.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'keys' } } as KubeObject);
    await gateway.apply({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'api-token', namespace: 'keys' },
      type: 'Opaque',
      data: { token: Buffer.from('old-token').toString('base64') },
    } as KubeObject);
    await gateway.apply(
      deployment('api', {
        hostPID: true,
        containers: [{ name: 'app', image: 'todo/backend:1.0', envFrom: [{ secretRef: { name: 'api-token' } }] }],
      }),
    );
  });
  afterAll(async () => {
    gateway?.close();
    await sim?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fixes a finding through review: --dry-run shows the diff, --yes applies it', async () => {
    const dry = memoryIo({}, dir);
    const code = await runCli(
      ['security', 'fix', 'pod-host-pid', 'deployment/keys/api', '--kubeconfig', kubeconfig, '--dry-run'],
      dry,
    );
    expect(dry.err()).not.toMatch(/error/i);
    expect(code).toBe(0);
    expect(dry.out()).toMatch(/hostPID/);
    expect(dry.out()).toContain('dry run: nothing was changed');
    const applied = memoryIo({}, dir);
    expect(
      await runCli(
        ['security', 'fix', 'pod-host-pid deployment/keys/api', '--kubeconfig', kubeconfig, '--yes', '-o', 'json'],
        applied,
      ),
    ).toBe(0);
    expect(JSON.parse(applied.out())).toMatchObject({ status: 'APPLIED' });
    const live = (await gateway.get({ kind: 'Deployment', namespace: 'keys', name: 'api' })) as KubeObject & {
      spec: { template: { spec: { hostPID?: boolean } } };
    };
    expect(live.spec.template.spec.hostPID).toBe(false);
    const audit = memoryIo({}, dir);
    await runCli(['audit', 'list', '--action', 'security.fix.proposed', '-o', 'json'], audit);
    expect(audit.out()).toContain('security.fix.proposed');
    const none = memoryIo({}, dir);
    expect(await runCli(['security', 'fix', 'nothing/here', '--kubeconfig', kubeconfig, '--yes'], none)).toBe(2);
  }, 120_000);

  it('lists Secret ages and rotates one through review without printing its value', async () => {
    const list = memoryIo({}, dir);
    await runCli(['security', 'secrets', '--kubeconfig', kubeconfig, '-n', 'keys', '-o', 'json'], list);
    expect(JSON.parse(list.out())).toMatchObject({
      max_age_days: 90,
      items: [{ name: 'api-token', overdue: false, consumers: [{ kind: 'Deployment', name: 'api' }] }],
    });
    writeFileSync(join(dir, 'token.txt'), 'from-file-token-value');
    const io = memoryIo({}, dir);
    const code = await runCli(
      ['security', 'rotate', 'keys/api-token', '--from-file', 'token=token.txt', '--kubeconfig', kubeconfig, '--yes'],
      io,
    );
    expect(io.err()).not.toMatch(/error/i);
    expect(code).toBe(0);
    expect(io.out() + io.err()).not.toContain('from-file-token-value');
    expect(io.out()).toMatch(/rollout restart|restart/);
    const secret = (await gateway.get({ kind: 'Secret', namespace: 'keys', name: 'api-token' })) as KubeObject & {
      data: Record<string, string>;
    };
    expect(Buffer.from(secret.data.token!, 'base64').toString()).toBe('from-file-token-value');
    const unknown = memoryIo({}, dir);
    expect(await runCli(['security', 'rotate', 'keys/nope', '--kubeconfig', kubeconfig, '--yes'], unknown)).toBe(2);
  }, 120_000);

  it('stores Trivy and Grype reports as image scans and gates them', async () => {
    cpSync(join(fixtures, 'trivy-report.json'), join(dir, 'trivy.json'));
    cpSync(join(fixtures, 'grype-report.json'), join(dir, 'grype.json'));
    const io = memoryIo({}, dir);
    expect(await runCli(['security', 'images', '--report', 'trivy.json', 'grype.json'], io)).toBe(1);
    expect(io.out()).toMatch(/^ghcr.io\/acme\/api:1.4.0 \(trivy\): FAIL — 3 vulnerabilities/);
    expect(io.out()).toMatch(/ghcr.io\/acme\/worker:2.0.0 \(grype\): FAIL/);
    const allowed = memoryIo({}, dir);
    await runCli(['security', 'images', '--report', 'grype.json', '--allow', 'CVE-2099-0003', '-o', 'json'], allowed);
    expect(JSON.parse(allowed.out()).items[0]).toMatchObject({ gate: 'PASS', scanner: 'grype' });
    cpSync(join(fixtures, 'provenance.dsse.json'), join(dir, 'provenance.json'));
    const prov = memoryIo({}, dir);
    await runCli(
      [
        'security',
        'images',
        '--report',
        'trivy.json',
        '--allow',
        'CVE-2099-0001',
        'GHSA-2222-3333-4444',
        '--provenance',
        'provenance.json',
      ],
      prov,
    );
    expect(prov.out()).toContain(
      'provenance: https://slsa.dev/provenance/v1, builder https://example.invalid/test-fixture/builder, signed (signature not verified offline)',
    );
    const other = memoryIo({}, dir);
    expect(
      await runCli(
        ['security', 'images', '--report', 'grype.json', '--allow', 'CVE-2099-0003', '--provenance', 'provenance.json'],
        other,
      ),
    ).toBe(1);
    expect(other.out()).toMatch(/no subject of provenance.json is the image/);
  });

  it('prints the ValidatingAdmissionPolicy of a stored policy', async () => {
    const add = memoryIo({}, dir);
    await runCli(
      [
        'security',
        'policies',
        'add',
        'no-np',
        '--sentence',
        'no Service may be of type NodePort',
        '--enforcement',
        'deny',
      ],
      add,
    );
    const io = memoryIo({}, dir);
    expect(await runCli(['security', 'policies', 'admission', 'no-np'], io)).toBe(0);
    expect(io.out()).toMatch(/kind: ValidatingAdmissionPolicy\n/);
    expect(io.out()).toContain("expression: object.spec.type != 'NodePort'");
    expect(io.out()).toContain('- Deny');
  });
});
