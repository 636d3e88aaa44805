import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createHelmChartRenderer } from '@opspilot/helm';
import { toolBinary } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputFile } from './types.js';
import { validateFiles } from './validateFiles.js';

// A bitnami-shaped umbrella chart: `shop` depends on a vendored `cache` subchart (a folder under charts/) and on a
// `common` library chart packaged as a .tgz, whose named templates both charts use.
const COMMON = {
  'Chart.yaml': 'apiVersion: v2\nname: common\nversion: 2.4.0\ntype: library\n',
  'templates/_names.tpl':
    '{{- define "common.names.fullname" -}}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}{{- end -}}\n' +
    '{{- define "common.labels.standard" -}}app.kubernetes.io/name: {{ .Chart.Name }}\napp.kubernetes.io/instance: {{ .Release.Name }}{{- end -}}\n',
};

const workload = (port: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "common.names.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels: {{- include "common.labels.standard" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels: {{- include "common.labels.standard" . | nindent 6 }}
  template:
    metadata:
      labels: {{- include "common.labels.standard" . | nindent 8 }}
    spec:
      containers:
        - name: main
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          ports:
            - name: http
              containerPort: ${port}
          {{- if semverCompare ">=1.30-0" .Capabilities.KubeVersion.Version }}
          env:
            - name: NEW_CLUSTER
              value: "yes"
          {{- end }}
`;

const SHOP: Record<string, string> = {
  'Chart.yaml':
    'apiVersion: v2\nname: shop\nversion: 0.3.0\ndependencies:\n  - name: common\n    version: 2.x.x\n    repository: oci://registry-1.docker.io/bitnamicharts\n  - name: cache\n    version: 1.0.0\n    repository: file://../cache\n',
  'values.yaml':
    'replicaCount: 2\nimage:\n  repository: registry.example.com/shop\n  tag: "1.0.0"\ncache:\n  replicaCount: 1\n  image:\n    repository: registry.example.com/cache\n    tag: "7.2"\n',
  'templates/deployment.yaml': workload('8080'),
  'templates/NOTES.txt': 'shop installed in {{ .Release.Namespace }}\n',
  'charts/cache/Chart.yaml':
    'apiVersion: v2\nname: cache\nversion: 1.0.0\ndependencies:\n  - name: common\n    version: 2.x.x\n    repository: oci://registry-1.docker.io/bitnamicharts\n',
  'charts/cache/values.yaml': 'replicaCount: 1\nimage:\n  repository: cache\n  tag: "7"\n',
  'charts/cache/templates/deployment.yaml': workload('6379'),
};

const helm = toolBinary('helm');
let work: string;
let commonTgz: Uint8Array;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'opspilot-helm-deps-'));
  for (const [path, content] of Object.entries(COMMON)) {
    mkdirSync(dirname(join(work, 'common', path)), { recursive: true });
    writeFileSync(join(work, 'common', path), content);
  }
  execFileSync(helm, ['package', join(work, 'common'), '--destination', work], { env: { HOME: work, PATH: '' } });
  commonTgz = new Uint8Array(readFileSync(join(work, 'common-2.4.0.tgz')));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function shopFiles(root = 'deploy/shop', extra: Record<string, string> = {}): InputFile[] {
  return [
    ...Object.entries({ ...SHOP, ...extra }).map(([p, content]) => ({ path: `${root}/${p}`, content })),
    { path: `${root}/charts/common-2.4.0.tgz`, content: commonTgz },
    { path: `${root}/charts/cache/charts/common-2.4.0.tgz`, content: commonTgz },
  ];
}

const renderedNames = (report: Awaited<ReturnType<typeof validateFiles>>) =>
  report.files.filter((f) => f.kind === 'kubernetes').map((f) => f.path);

describe('Helm charts at real-world depth (real helm)', () => {
  it('renders an umbrella chart with a vendored subchart and a .tgz library dependency as one chart', async () => {
    const report = await validateFiles(shopFiles(), { chartRenderer: createHelmChartRenderer({ binary: helm }) });
    const helmFindings = report.findings.filter((f) => f.rule.startsWith('helm'));
    expect(helmFindings).toEqual([]);
    // The subchart is rendered through the umbrella, never as a chart of its own.
    expect(renderedNames(report).sort()).toEqual([
      'deploy/shop/charts/cache/templates/deployment.yaml',
      'deploy/shop/templates/deployment.yaml',
    ]);
  });

  it('skips a library chart with an info line instead of sending it to helm template', async () => {
    const files = Object.entries(COMMON).map(([p, content]) => ({ path: `libs/common/${p}`, content }));
    const report = await validateFiles(files, { chartRenderer: createHelmChartRenderer({ binary: helm }) });
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([['helm-library-chart', 'INFO']]);
    expect(report.valid).toBe(true);
  });

  it('passes values files, --set, the namespace and the Kubernetes version to helm', async () => {
    const valuesFile = join(work, 'prod.yaml');
    writeFileSync(valuesFile, 'replicaCount: 4\nimage:\n  tag: "2.0.0"\n');
    const renderer = createHelmChartRenderer({
      binary: helm,
      valuesFiles: [valuesFile],
      set: ['image.repository=registry.example.com/shop-prod'],
      namespace: 'shop-prod',
      kubeVersion: '1.31.0',
    });
    const r = await renderer.template(
      shopFiles('').map((f) => ({ path: f.path.replace(/^\//, ''), content: f.content })),
    );
    expect(r.ok).toBe(true);
    const out = r.ok ? r.value.find((m) => m.path === 'templates/deployment.yaml')?.content : '';
    expect(out).toContain('replicas: 4');
    expect(out).toContain('image: "registry.example.com/shop-prod:2.0.0"');
    expect(out).toContain('namespace: shop-prod');
    expect(out).toContain('name: NEW_CLUSTER');
    const old = createHelmChartRenderer({ binary: helm, kubeVersion: '1.29.0' });
    const r2 = await old.template(shopFiles('').map((f) => ({ path: f.path.replace(/^\//, ''), content: f.content })));
    expect(r2.ok && r2.value[0]?.content).not.toContain('NEW_CLUSTER');
  });

  it('names missing dependencies, says when no Chart.lock exists and shows helm errors whole', async () => {
    const files = shopFiles().filter((f) => !f.path.endsWith('.tgz') || f.path.includes('/cache/'));
    const report = await validateFiles(files, { chartRenderer: createHelmChartRenderer({ binary: helm }) });
    const t = report.findings.find((f) => f.rule === 'helm-template');
    expect(t?.message).toMatch(/dependencies are not in charts\/ and there is no Chart\.lock: common 2\.x\.x/);
    expect(t?.fix).toMatch(/helm dependency update/);
    // With a Chart.lock helm dependency build is tried; the OCI registry is unreachable here, and helm's message is kept.
    const locked = shopFiles('deploy/shop', {
      'Chart.lock':
        'dependencies:\n- name: common\n  repository: oci://registry-1.docker.io/bitnamicharts\n  version: 2.4.0\ndigest: sha256:0\ngenerated: "2024-01-01T00:00:00Z"\n',
    }).filter((f) => !f.path.endsWith('shop/charts/common-2.4.0.tgz'));
    const lockedReport = await validateFiles(locked, {
      chartRenderer: createHelmChartRenderer({ binary: helm, timeoutMs: 20_000 }),
    });
    const built = lockedReport.findings.find((f) => f.rule === 'helm-template');
    expect(built?.message).toMatch(
      /helm dependency build` could not fetch them \(is the repository reachable\?\): common/,
    );
    expect(built?.message.split('\n').length).toBeGreaterThan(1);
  }, 60_000);

  it('reports a template error with every line helm printed', async () => {
    const report = await validateFiles(
      shopFiles('deploy/shop', { 'templates/broken.yaml': 'kind: {{ .Values.missing.deeper }}\n' }),
      { chartRenderer: createHelmChartRenderer({ binary: helm }) },
    );
    const t = report.findings.find((f) => f.rule === 'helm-template');
    expect(t?.message).toContain('templates/broken.yaml');
    expect(t?.message).toContain('nil pointer evaluating interface {}.deeper');
  });
});
