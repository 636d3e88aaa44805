import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createHelmChartRenderer } from '@opspilot/helm';
import { toolBinary } from '@opspilot/kube-sim/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidationReport } from './types.js';
import { validateFiles } from './validateFiles.js';

const root = new URL('../__fixtures__/validate/', import.meta.url).pathname;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

/** Every finding the corpus must produce, as "line rule", per file (files absent here must be clean). */
const EXPECTED: Record<string, string[]> = {
  'bad/broken.yaml': ['7 yaml-syntax'],
  'bad/insecure.yaml': [
    '3 label-recommended',
    '5 namespace-default',
    '7 deployment-replicas',
    '15 pod-automount-service-account-token',
    '15 pod-default-service-account',
    '15 pod-priority-class',
    '16 pod-host-network',
    '17 pod-host-pid',
    '19 container-cpu-requests',
    '19 container-liveness-probe',
    '19 container-memory-limits',
    '19 container-memory-requests',
    '19 container-readiness-probe',
    '19 container-cpu-limits',
    '20 image-latest-tag',
    '21 container-drop-all-capabilities',
    '21 container-privilege-escalation',
    '21 container-read-only-root-fs',
    '21 container-run-as-non-root',
    '21 pod-seccomp-profile',
    '22 container-privileged',
    '23 container-run-as-root-user',
    '25 container-dangerous-capabilities',
    '27 container-ssh-port',
    '28 container-host-port',
    '31 secret-env-literal',
    '33 pod-writable-host-mount',
    '36 pod-runtime-socket',
    '37 pod-host-path-volume',
  ],
  'bad/mismatch.yaml': [
    '10 pdb-for-multi-replica',
    '11 hpa-replicas-conflict',
    '19 pod-priority-class',
    '40 container-cpu-requests',
    '52 probe-port-exists',
    '71 service-target-port',
    '79 hpa-target-requests',
  ],
  'bad/removed-apis.yaml': [
    '1 k8s-removed-api',
    '5 ingress-tls',
    '10 k8s-removed-api',
    '14 k8s-schema',
    '14 k8s-schema',
    '14 k8s-schema',
    '14 k8s-schema',
    '17 k8s-removed-api',
    '22 hpa-target-exists',
    '29 k8s-removed-api',
    '31 label-recommended',
    '33 cronjob-concurrency-policy',
    '33 cronjob-starting-deadline',
    '38 pod-automount-service-account-token',
    '38 pod-default-service-account',
    '38 pod-priority-class',
    '41 container-cpu-requests',
    '41 container-drop-all-capabilities',
    '41 container-memory-limits',
    '41 container-memory-requests',
    '41 container-privilege-escalation',
    '41 container-read-only-root-fs',
    '41 container-run-as-non-root',
    '41 pod-seccomp-profile',
    '41 container-cpu-limits',
  ],
  'bad/typos.yaml': [
    '3 label-recommended',
    '4 k8s-name-dns1123',
    '10 k8s-schema',
    '12 k8s-unknown-field',
    '21 yaml-duplicate-key',
  ],
  'charts/web/templates/deployment.yaml': [
    '8 pdb-for-multi-replica',
    '19 anti-affinity-multi-replica',
    '19 pod-automount-service-account-token',
    '19 pod-default-service-account',
    '19 pod-priority-class',
    '21 container-cpu-requests',
    '21 container-drop-all-capabilities',
    '21 container-liveness-probe',
    '21 container-memory-limits',
    '21 container-memory-requests',
    '21 container-privilege-escalation',
    '21 container-read-only-root-fs',
    '21 container-readiness-probe',
    '21 container-run-as-non-root',
    '21 pod-seccomp-profile',
    '21 container-cpu-limits',
    '22 image-latest-tag',
  ],
  'docker/bad.Dockerfile': [
    '1 docker-user-set',
    '1 docker-from-pinned-tag',
    '1 docker-minimal-base-image',
    '1 docker-from-digest',
    '1 docker-healthcheck',
    '2 docker-maintainer-deprecated',
    '3 docker-secrets-in-env',
    '4 docker-apt-get-yes',
    '4 docker-apt-pin-versions',
    '4 docker-apt-lists-cleanup',
    '4 docker-apt-no-install-recommends',
    '5 docker-curl-pipe-shell',
    '5 docker-no-cd',
    '5 docker-shell-pipefail',
    '5 docker-consecutive-run',
    '6 docker-copy-not-add',
    '7 docker-workdir-absolute',
    '8 docker-pip-pin-versions',
    '8 docker-pip-no-cache-dir',
    '9 docker-expose-valid-port',
    '10 docker-json-cmd',
  ],
};

let report: ValidationReport;
beforeAll(async () => {
  const files = walk(root).map((p) => ({ path: relative(root, p), content: readFileSync(p, 'utf8') }));
  report = await validateFiles(files, { chartRenderer: createHelmChartRenderer({ binary: toolBinary('helm') }) });
});

describe('the validation corpus (manifests, a Helm chart, Dockerfiles)', () => {
  it('finds exactly the expected problems, rule by rule and line by line', () => {
    const files = new Set([...Object.keys(EXPECTED), ...report.findings.map((f) => f.file)]);
    for (const file of files) {
      const got = report.findings.filter((f) => f.file === file).map((f) => `${f.line} ${f.rule}`);
      expect(got, file).toEqual(EXPECTED[file] ?? []);
    }
  });

  it('keeps the production-ready manifests and Dockerfiles clean, honouring ignore annotations and comments', () => {
    for (const file of ['good/shop.yaml', 'docker/good.Dockerfile', 'docker/ignored.Dockerfile']) {
      expect(report.findings.filter((f) => f.file === file)).toEqual([]);
    }
    const mismatch = report.findings.filter((f) => f.file === 'bad/mismatch.yaml').map((f) => f.rule);
    expect(mismatch).not.toContain('container-read-only-root-fs');
    expect(mismatch).not.toContain('pod-default-service-account');
  });

  it('renders the chart with helm and reports on the rendered templates by their chart path', () => {
    const chart = report.files.filter((f) => f.path.startsWith('charts/web/'));
    expect(chart.find((f) => f.path === 'charts/web/templates/deployment.yaml')).toEqual({
      path: 'charts/web/templates/deployment.yaml',
      kind: 'kubernetes',
      resources: 1,
    });
    const latest = report.findings.find((f) => f.rule === 'image-latest-tag' && f.file.startsWith('charts/'));
    expect(latest?.resource).toBe('Deployment/release-web');
    expect(latest?.message).toContain('registry.example.com/shop/frontend:latest');
  });

  it('names the replacement of removed APIs and locates schema errors', () => {
    const removed = report.findings.filter((f) => f.rule === 'k8s-removed-api').map((f) => f.message);
    expect(removed).toEqual([
      expect.stringContaining('use networking.k8s.io/v1'),
      expect.stringContaining('removed in Kubernetes 1.25'),
      expect.stringContaining('use autoscaling/v2'),
      expect.stringContaining('use batch/v1'),
    ]);
    const port = report.findings.find((f) => f.rule === 'k8s-schema' && f.file === 'bad/typos.yaml');
    expect(port).toMatchObject({ line: 10, column: 7, path: 'spec.ports[0].port' });
  });
});
