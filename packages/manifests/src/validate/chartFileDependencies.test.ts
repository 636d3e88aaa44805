import { createHelmChartRenderer } from '@opspilot/helm';
import { toolBinary } from '@opspilot/kube-sim/testing';
import { describe, expect, it } from 'vitest';
import { chartFolderReader, fileDependencies, withFileDependencies } from './chartFileDependencies.js';
import type { InputFile } from './types.js';
import { validateFiles } from './validateFiles.js';

// A monorepo's charts: `api` depends on the library chart `common` beside it (`file://../common`), which itself
// uses `labels` one folder up again (`file://../labels`): the layout `helm dependency build` resolves.
const LABELS = {
  'Chart.yaml': 'apiVersion: v2\nname: labels\nversion: 0.1.0\ntype: library\n',
  'templates/_labels.tpl': '{{- define "labels.standard" -}}app.kubernetes.io/name: {{ .Chart.Name }}{{- end -}}\n',
};
const COMMON = {
  'Chart.yaml':
    'apiVersion: v2\nname: common\nversion: 1.0.0\ntype: library\ndependencies:\n  - name: labels\n    version: 0.1.0\n    repository: file://../labels\n',
  'templates/_names.tpl': '{{- define "common.fullname" -}}{{ .Release.Name }}-{{ .Chart.Name }}{{- end -}}\n',
};
const API = {
  'Chart.yaml':
    'apiVersion: v2\nname: api\nversion: 0.2.0\ndependencies:\n  - name: common\n    version: 1.0.0\n    repository: "file://../common"\n',
  'values.yaml': 'greeting: hello\n',
  'templates/configmap.yaml':
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include "common.fullname" . }}\n  labels: {{- include "labels.standard" . | nindent 4 }}\ndata:\n  greeting: {{ .Values.greeting }}\n',
};
const files = (root: string, tree: Record<string, string>): InputFile[] =>
  Object.entries(tree).map(([p, content]) => ({ path: `${root}/${p}`, content }));

describe('file:// chart dependencies', () => {
  it('reads the file:// dependencies of a Chart.yaml', () => {
    expect(fileDependencies(API['Chart.yaml'])).toEqual([{ name: 'common', path: '../common' }]);
    expect(
      fileDependencies('apiVersion: v2\nname: x\ndependencies:\n  - name: redis\n    repository: oci://r\n'),
    ).toEqual([]);
    expect(fileDependencies(': not yaml: [')).toEqual([]);
  });

  it('vendors them (and theirs) under charts/, leaving vendored ones and unknown folders alone', () => {
    const input = [...files('charts/api', API), ...files('charts/common', COMMON), ...files('charts/labels', LABELS)];
    const read = chartFolderReader(input);
    const api = { root: 'charts/api', files: files('', API).map((f) => ({ ...f, path: f.path.slice(1) })) };
    const paths = withFileDependencies(api, read).files.map((f) => f.path);
    expect(paths).toContain('charts/common/templates/_names.tpl');
    expect(paths).toContain('charts/common/charts/labels/templates/_labels.tpl');
    const vendored = { ...api, files: [...api.files, { path: 'charts/common-1.0.0.tgz', content: new Uint8Array(1) }] };
    expect(withFileDependencies(vendored, read)).toBe(vendored);
    expect(withFileDependencies(api, () => undefined)).toBe(api);
  });

  it('renders a chart whose dependency is a folder beside it, in the input or only on disk (real helm)', async () => {
    const chartRenderer = createHelmChartRenderer({ binary: toolBinary('helm') });
    const all = [...files('deploy/api', API), ...files('deploy/common', COMMON), ...files('deploy/labels', LABELS)];
    const together = await validateFiles(all, { chartRenderer });
    expect(together.findings.filter((f) => f.rule === 'helm-template' || f.rule === 'helm-lint')).toEqual([]);
    expect(together.files.filter((f) => f.kind === 'kubernetes').map((f) => f.path)).toEqual([
      'deploy/api/templates/configmap.yaml',
    ]);
    // Only the application chart given: the dependencies are read as the caller reads folders (here, `all`).
    const outside = chartFolderReader(all);
    const alone = await validateFiles(files('deploy/api', API), { chartRenderer, readChartFolder: outside });
    expect(alone.findings.filter((f) => f.rule.startsWith('helm'))).toEqual([]);
    expect(alone.summary.resources).toBe(1);
    // Without the folder, helm says what is missing.
    const missing = await validateFiles(files('deploy/api', API), { chartRenderer });
    expect(missing.findings.find((f) => f.rule === 'helm-template')?.message).toContain('common');
  });
});
