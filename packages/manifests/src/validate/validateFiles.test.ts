import type { ChartRenderer } from '@opspilot/core';
import { err, InputError, ok } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { companions, healthyDeployment } from '../rules/testing/kubeTesting.js';
import { ValidationReport } from './types.js';
import { validateFiles } from './validateFiles.js';

const healthy = [healthyDeployment(), ...companions()].map((o) => stringify(o)).join('---\n');

describe('validateFiles', () => {
  it('reports nothing for healthy manifests and returns a report matching its schema', async () => {
    const report = await validateFiles([{ path: 'k8s/app.yaml', content: healthy }]);
    expect(report.findings).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.summary).toEqual({ files: 1, resources: 3, errors: 0, warnings: 0, infos: 0 });
    expect(ValidationReport.parse(report)).toEqual(report);
  });

  it('locates each finding by file, line and column with the resource and a fix', async () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].image = 'nginx:latest';
    const report = await validateFiles([{ path: 'a.yaml', content: `# header\n${stringify(d)}` }]);
    const f = report.findings.find((x) => x.rule === 'image-latest-tag');
    expect(f).toMatchObject({
      file: 'a.yaml',
      resource: 'Deployment/shop/web',
      category: 'reliability',
      severity: 'WARNING',
    });
    const lines = `# header\n${stringify(d)}`.split('\n');
    expect(lines[(f?.line ?? 0) - 1]?.slice((f?.column ?? 1) - 1)).toMatch(/^image: nginx:latest/);
    expect(f?.fix).toMatch(/pin/);
  });

  it('applies settings: disabled rules, severity overrides, per-path include/exclude and excluded files', async () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].image = 'nginx';
    d.spec.replicas = 1;
    const files = ['prod/a.yaml', 'dev/a.yaml', 'vendor/x.yaml'].map((path) => ({ path, content: stringify(d) }));
    const report = await validateFiles(files, {
      settings: {
        exclude: ['vendor/**'],
        rules: {
          'image-latest-tag': { severity: 'ERROR', exclude: ['dev/**'] },
          'deployment-replicas': { enabled: false },
          'pdb-for-multi-replica': { include: ['prod/*'] },
        },
      },
    });
    const got = report.findings.map((f) => `${f.file} ${f.rule} ${f.severity}`);
    expect(got).toContain('prod/a.yaml image-latest-tag ERROR');
    expect(got.filter((g) => g.startsWith('dev/'))).not.toContain('dev/a.yaml image-latest-tag ERROR');
    expect(got.some((g) => g.includes('deployment-replicas'))).toBe(false);
    expect(report.files.map((f) => f.path)).not.toContain('vendor/x.yaml');
    expect(report.valid).toBe(false);
  });

  it('throws an InputError naming unknown rule ids in the settings', async () => {
    await expect(validateFiles([], { settings: { rules: { 'no-such-rule': { enabled: false } } } })).rejects.toThrow(
      /unknown rule: no-such-rule/,
    );
  });

  it('refuses binary, oversized and non-UTF-8 files with an error naming each file', async () => {
    const report = await validateFiles(
      [
        { path: 'logo.png', content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]) },
        { path: 'big.yaml', content: 'a: 1\n', size: 6 * 1024 * 1024 },
        { path: 'latin1.yaml', content: new Uint8Array([0x61, 0x3a, 0x20, 0xe9, 0x0a]) },
      ],
      { maxFileBytes: 5 * 1024 * 1024 },
    );
    expect(report.findings.map((f) => [f.file, f.rule])).toEqual([
      ['big.yaml', 'file-too-large'],
      ['latin1.yaml', 'file-encoding'],
      ['logo.png', 'file-binary'],
    ]);
    expect(report.findings.every((f) => f.message.includes(f.file))).toBe(true);
    expect(report.files.every((f) => f.kind === 'skipped')).toBe(true);
  });

  it('expands List objects and flags documents without apiVersion/kind in manifest files', async () => {
    const list = stringify({ apiVersion: 'v1', kind: 'List', items: [healthyDeployment(), ...companions()] });
    const report = await validateFiles([{ path: 'list.yaml', content: `${list}---\nfoo: bar\n` }]);
    expect(report.summary.resources).toBe(3);
    expect(report.findings.map((f) => f.rule)).toEqual(['k8s-missing-type']);
    const plain = await validateFiles([{ path: 'values.yaml', content: 'foo: bar\n' }]);
    expect(plain.findings).toEqual([]);
    expect(plain.files).toEqual([{ path: 'values.yaml', kind: 'yaml', resources: 1 }]);
  });

  it('renders charts through the ChartRenderer port and reports render failures and a missing renderer', async () => {
    const chart = [
      { path: 'chart/Chart.yaml', content: 'apiVersion: v2\nname: c\nversion: 0.1.0\n' },
      { path: 'chart/templates/cm.yaml', content: '{{ bad }}' },
    ];
    const none = await validateFiles(chart);
    expect(none.findings.map((f) => [f.file, f.rule])).toEqual([['chart/Chart.yaml', 'helm-unavailable']]);
    const seen: string[] = [];
    const renderer: ChartRenderer = {
      lint: async (files) => {
        seen.push(...files.map((f) => f.path));
        return ok([{ severity: 'WARNING', path: 'templates/cm.yaml', message: 'odd' }]);
      },
      template: async () =>
        ok([{ path: 'templates/cm.yaml', content: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: Bad_Name }\n' }]),
    };
    const rendered = await validateFiles(chart, { chartRenderer: renderer });
    expect(seen).toEqual(['Chart.yaml', 'templates/cm.yaml']);
    expect(rendered.findings.map((f) => [f.file, f.rule])).toEqual([
      ['chart/templates/cm.yaml', 'helm-lint'],
      ['chart/templates/cm.yaml', 'k8s-name-dns1123'],
    ]);
    const failing: ChartRenderer = {
      ...renderer,
      template: async () => err(new InputError('parse error in templates/cm.yaml')),
    };
    const failed = await validateFiles(chart, { chartRenderer: failing });
    expect(failed.findings.map((f) => f.rule)).toContain('helm-template');
  });

  it('validates a Dockerfile detected by name or, for stdin, by content', async () => {
    const text = 'FROM alpine:3.19\nRUN apk add curl\n';
    const named = await validateFiles([{ path: 'svc/Dockerfile.prod', content: text }]);
    const sniffed = await validateFiles([{ path: '<stdin>', content: text }]);
    expect(named.files[0]?.kind).toBe('dockerfile');
    expect(sniffed.findings.map((f) => f.rule)).toEqual(named.findings.map((f) => f.rule));
    expect(named.findings.map((f) => f.rule)).toContain('docker-apk-no-cache');
  });
});
