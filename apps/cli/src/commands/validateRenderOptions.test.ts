import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { toolBinary } from '@opspilot/kube-sim/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'opspilot-validate-render-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(tree: Record<string, string>): void {
  for (const [path, content] of Object.entries(tree)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

const env = () => ({ OPSPILOT_HELM: toolBinary('helm'), OPSPILOT_KUBECTL: toolBinary('kubectl'), PATH: '' });
type Finding = { file: string; rule: string; message: string; severity: string };

// A chart whose image and namespace come from a values file, --set and --namespace; fails without them.
const CHART = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\n',
  'chart/values.yaml': 'image: {}\n',
  'chart/templates/configmap.yaml':
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\n  namespace: {{ .Release.Namespace }}\ndata:\n  image: {{ required "image.repository is required" .Values.image.repository }}:{{ .Values.image.tag }}\n',
  'ci/prod-values.yaml': 'image:\n  repository: registry.example.com/api\n',
};

describe('opspilot validate: rendering options', () => {
  it('renders charts with --values, --set and --namespace, and shows helm errors whole without them', async () => {
    write(CHART);
    const bare = memoryIo(env(), dir);
    expect(await runCli(['validate', 'chart', '-o', 'json'], bare)).toBe(1);
    const failed = (JSON.parse(bare.out()).findings as Finding[]).find((f) => f.rule === 'helm-template');
    expect(failed?.message).toContain('image.repository is required');
    const io = memoryIo(env(), dir);
    const args = ['validate', 'chart', '-f', 'ci/prod-values.yaml', '--set', 'image.tag=2.1.0', '-n', 'prod'];
    const code = await runCli([...args, '-o', 'json'], io);
    const report = JSON.parse(io.out()) as { findings: Finding[]; files: { path: string; kind: string }[] };
    expect(report.findings.filter((f) => f.severity === 'ERROR')).toEqual([]);
    expect(code).toBe(0);
    expect(report.files.map((f) => f.path)).toContain('chart/templates/configmap.yaml');
  });

  it('refuses a values file that does not exist and a malformed --kube-version with exit 2', async () => {
    write(CHART);
    const missing = memoryIo(env(), dir);
    expect(await runCli(['validate', 'chart', '--values', 'nope.yaml'], missing)).toBe(2);
    expect(missing.err()).toContain('values file nope.yaml does not exist');
    expect(await runCli(['validate', 'chart', '--kube-version', 'latest'], memoryIo(env(), dir))).toBe(2);
  });

  it('renders a chart whose file:// dependency lies outside the folder given (helm dependency build’s layout)', async () => {
    write({
      'charts/common/Chart.yaml': 'apiVersion: v2\nname: common\nversion: 1.0.0\ntype: library\n',
      'charts/common/templates/_names.tpl':
        '{{- define "common.fullname" -}}{{ .Release.Name }}-{{ .Chart.Name }}{{- end -}}\n',
      'charts/api/Chart.yaml':
        'apiVersion: v2\nname: api\nversion: 0.1.0\ndependencies:\n  - name: common\n    version: 1.0.0\n    repository: file://../common\n',
      'charts/api/templates/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include "common.fullname" . }}\ndata: { a: b }\n',
    });
    const io = memoryIo(env(), dir);
    await runCli(['validate', 'charts/api', '-o', 'json'], io);
    const report = JSON.parse(io.out()) as { findings: Finding[]; summary: { resources: number } };
    expect(report.findings.filter((f) => f.rule.startsWith('helm'))).toEqual([]);
    expect(report.summary.resources).toBe(1);
  });

  it('--kube-version pins the API versions served: autoscaling/v2 is refused before 1.23', async () => {
    write({
      'hpa.yaml':
        'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: web }\nspec: { scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }, minReplicas: 2, maxReplicas: 4 }\n',
    });
    const old = memoryIo(env(), dir);
    expect(await runCli(['validate', 'hpa.yaml', '--kube-version', '1.22', '-o', 'json'], old)).toBe(1);
    const refused = (JSON.parse(old.out()).findings as Finding[]).filter((f) => f.rule === 'k8s-api-unavailable');
    expect(refused.map((f) => f.message)).toEqual([
      'autoscaling/v2 HorizontalPodAutoscaler is served from Kubernetes 1.23; 1.22 does not serve it: use autoscaling/v2beta2',
    ]);
    const current = memoryIo(env(), dir);
    await runCli(['validate', 'hpa.yaml', '--kube-version', 'v1.23.4', '-o', 'json'], current);
    expect((JSON.parse(current.out()).findings as Finding[]).filter((f) => f.severity === 'ERROR')).toEqual([]);
  });

  it('builds kustomizations, skips web templates outside charts and checks custom resources with --crd-dir', async () => {
    write({
      'k8s/kustomization.yaml': 'resources:\n  - cm.yaml\n  - widget.yaml\n',
      'k8s/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\ndata:\n  a: b\n',
      'k8s/widget.yaml':
        'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  namespace: shop\nspec:\n  size: large\n',
      'schemas/example.com/widget_v1.json': JSON.stringify({
        type: 'object',
        properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } },
      }),
      'web/templates/index.html': '<html><body>{{ .Title }}</body></html>\n',
      'web/templates/page.yaml': 'title: {{ .Title }}\n',
    });
    const io = memoryIo(env(), dir);
    expect(await runCli(['validate', 'k8s', 'web', '--crd-dir', 'schemas', '-o', 'json'], io)).toBe(1);
    const report = JSON.parse(io.out()) as { findings: Finding[]; files: { path: string }[] };
    expect(report.files.map((f) => f.path)).not.toContain('web/templates/index.html');
    expect(report.findings.filter((f) => f.severity === 'ERROR').map((f) => [f.file, f.rule, f.message])).toEqual([
      ['k8s/widget.yaml', 'k8s-schema', 'spec.size must be integer, not string (schema of the Widget CRD)'],
    ]);
  });
});
