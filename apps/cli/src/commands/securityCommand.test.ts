import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type KubeObject, ManualClock } from '@opspilot/core';
import { createClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const deployment = (name: string, image: string, hostNetwork = false): KubeObject =>
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
          hostNetwork,
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name: 'app',
              image,
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                capabilities: { drop: ['ALL'] },
              },
              resources: { limits: { cpu: '100m', memory: '64Mi' } },
            },
          ],
        },
      },
    },
  }) as KubeObject;

const PINNED = 'nginx:1.27@sha256:0d6b6b2e0c3f5f5b9b2a4f6c8e1d3a5b7c9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a';

describe('opspilot security and opspilot policy', () => {
  let sim: SimCluster;
  let dir: string;
  let kubeconfig: string;
  beforeAll(async () => {
    sim = await startSimCluster({ clock: new ManualClock(new Date('2026-01-01T00:00:00Z')) });
    dir = mkdtempSync(join(tmpdir(), 'opspilot-security-'));
    kubeconfig = join(dir, 'kubeconfig.yaml');
    writeFileSync(kubeconfig, sim.kubeconfig);
    const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig });
    const objects: KubeObject[] = [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'guarded' } } as KubeObject,
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'deny', namespace: 'guarded' },
        spec: { podSelector: {}, policyTypes: ['Ingress'] },
      } as KubeObject,
      deployment('calm', PINNED),
      deployment('host-net', PINNED, true),
      deployment('floating', 'nginx:latest'),
    ];
    for (const o of objects) await gateway.apply(o);
    gateway.close();
  });
  afterAll(async () => {
    await sim?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('scans the live cluster (exit 1 on a high finding), keeps the scan and lists its findings', async () => {
    const io = memoryIo({}, dir);
    expect(await runCli(['security', 'scan', '--kubeconfig', kubeconfig, '-n', 'guarded'], io)).toBe(1);
    expect(io.out()).toMatch(/^Scan of cluster:\S+: score [\d.]+\/100 — 0 critical, 1 high, 1 medium, 0 low/);
    expect(io.out()).toMatch(/guarded +[\d.]+ +privileged/);
    const findings = memoryIo({}, dir);
    expect(await runCli(['security', 'findings', '-o', 'json'], findings)).toBe(0);
    const items = JSON.parse(findings.out()).items as { check: string; object: { name: string } }[];
    expect(items.map((f) => `${f.object.name} ${f.check}`).sort()).toEqual([
      'floating image-latest-tag',
      'host-net pod-host-network',
    ]);
  });

  it('audits a plain-English policy with one VIOLATING line per object', async () => {
    const io = memoryIo({}, dir);
    const code = await runCli(
      [
        'policy',
        'audit',
        '--kubeconfig',
        kubeconfig,
        '-n',
        'guarded',
        '--sentence',
        'containers must not use the latest tag',
      ],
      io,
    );
    expect(code).toBe(1);
    expect(io.out()).toBe(
      'VIOLATING: Deployment/guarded/floating — container "app" image nginx:latest uses the disallowed tag "latest"\n',
    );
    const unmapped = memoryIo({}, dir);
    expect(
      await runCli(
        ['policy', 'audit', '--kubeconfig', kubeconfig, '--sentence', 'pods must not run on Sundays'],
        unmapped,
      ),
    ).toBe(2);
    expect(unmapped.err()).toContain('no policy template matches this sentence');
  });

  it('answers "which … violate <policy>" in ask with the same audit', async () => {
    const io = memoryIo({}, dir);
    const code = await runCli(
      [
        'ask',
        '--kubeconfig',
        kubeconfig,
        '-n',
        'guarded',
        'which deployments violate "containers must not use the latest tag"',
      ],
      io,
    );
    expect(io.err()).not.toContain('error');
    expect(code).toBe(1);
    expect(io.out()).toMatch(
      /^Understood: audit against k8sdisallowedtags .*\nVIOLATING: Deployment\/guarded\/floating — .*"latest"\n$/,
    );
  });

  it('checks a compliance framework against a fresh scan and exports it', async () => {
    const io = memoryIo({}, dir);
    expect(
      await runCli(['security', 'compliance', '--kubeconfig', kubeconfig, '-n', 'guarded', '--framework', 'cis'], io),
    ).toBe(1);
    expect(io.out()).toMatch(/^CIS Kubernetes Benchmark v1.9 \(API-checkable controls\) — cluster:\S+: score \d+\/100/);
    expect(io.out()).toMatch(/5\.2\.5 +FAIL/);
    const md = memoryIo({}, dir);
    await runCli(
      [
        'security',
        'compliance',
        '--kubeconfig',
        kubeconfig,
        '-n',
        'guarded',
        '--framework',
        'pci',
        '--export',
        'markdown',
      ],
      md,
    );
    expect(md.out()).toMatch(/^# PCI DSS v4\.0 \(mapping\)/);
  });

  it('matches an SBOM against an OSV database folder', async () => {
    const fixtures = new URL('../../../../packages/security/src/images/__fixtures__/', import.meta.url).pathname;
    const io = memoryIo({}, fixtures);
    expect(await runCli(['security', 'images', '--sbom', 'sbom.cdx.json', '--osv', 'osv'], io)).toBe(1);
    expect(io.out()).toMatch(/^SEVERITY +ID +PACKAGE/);
    expect(io.out()).toMatch(/CRITICAL +OPSPILOT-TEST-0001 +example-left-pad +1\.2\.0 +1\.3\.1 +9\.8/);
    const bad = memoryIo({}, fixtures);
    expect(await runCli(['security', 'images', '--sbom', 'osv/osv-test-fixture.json', '--osv', 'osv'], bad)).toBe(2);
    expect(bad.err()).toContain('osv-test-fixture.json: field bomFormat/spdxVersion');
  });

  it('scans and audits files with the same checks, as SARIF', async () => {
    writeFileSync(
      join(dir, 'app.yaml'),
      'apiVersion: v1\nkind: Service\nmetadata: {name: lb, namespace: shop}\nspec: {type: LoadBalancer, selector: {app: x}, ports: [{port: 80}]}\n',
    );
    const scan = memoryIo({}, dir);
    const code = await runCli(['security', 'scan', 'app.yaml', '-o', 'sarif'], scan);
    expect(scan.err()).toBe('');
    expect(code).toBe(0);
    const sarif = JSON.parse(scan.out());
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['service-load-balancer']);
    const audit = memoryIo({}, dir);
    expect(
      await runCli(['policy', 'audit', 'app.yaml', '--sentence', 'no Service may be of type LoadBalancer'], audit),
    ).toBe(1);
    expect(audit.out()).toBe('VIOLATING: Service/shop/lb — the Service is of type LoadBalancer\n');
  });

  it('stores policies from sentences and reports an unreachable cluster as OFFLINE (exit 2)', async () => {
    const add = memoryIo({}, dir);
    expect(
      await runCli(['security', 'policies', 'add', 'repos', '--sentence', 'images must come from ghcr.io/acme'], add),
    ).toBe(0);
    expect(add.out()).toContain('k8sallowedrepos {"repos":["ghcr.io/acme"]}');
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as AddressInfo;
    await new Promise((r) => closed.close(r));
    const gone = join(dir, 'gone.yaml');
    writeFileSync(gone, sim.kubeconfig.replace(sim.url, `https://127.0.0.1:${port}`));
    const io = memoryIo({}, dir);
    expect(await runCli(['security', 'scan', '--kubeconfig', gone, '--no-save'], io)).toBe(2);
    expect(io.out()).toMatch(/OFFLINE/);
    expect(io.out()).not.toMatch(/score/);
  });
});
