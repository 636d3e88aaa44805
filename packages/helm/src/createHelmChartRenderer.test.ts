import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ChartFile } from '@opspilot/core';
import { toolBinary } from '@opspilot/kube-sim/testing';
import { describe, expect, it } from 'vitest';
import { createHelmChartRenderer } from './createHelmChartRenderer.js';

const root = new URL('./__fixtures__/web/', import.meta.url).pathname;

function chartFiles(dir = root): ChartFile[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory()
      ? chartFiles(full)
      : [{ path: relative(root, full), content: readFileSync(full, 'utf8') }];
  });
}

const renderer = createHelmChartRenderer({ binary: toolBinary('helm') });

describe('createHelmChartRenderer (real helm 4)', () => {
  it('renders every template with the values merged over values.yaml', async () => {
    const r = await renderer.template(chartFiles(), { replicaCount: 5 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((m) => m.path).sort()).toEqual(['templates/deployment.yaml', 'templates/service.yaml']);
    const deployment = r.value.find((m) => m.path === 'templates/deployment.yaml')?.content ?? '';
    expect(deployment).toContain('name: release-web');
    expect(deployment).toContain('replicas: 5');
    expect(deployment).toContain('image: "registry.example.com/shop/web:1.4.2"');
  });

  it('lints a chart and reports helm messages', async () => {
    const good = await renderer.lint(chartFiles());
    expect(good.ok && good.value.filter((m) => m.severity === 'ERROR')).toEqual([]);
    const broken = chartFiles().map((f) =>
      f.path === 'Chart.yaml' ? { ...f, content: 'apiVersion: v2\nname: web\n' } : f,
    );
    const bad = await renderer.lint(broken);
    expect(bad.ok && bad.value.some((m) => m.severity === 'ERROR' && /version/i.test(m.message))).toBe(true);
  });

  it('returns an InputError naming the template when rendering fails', async () => {
    const files = [...chartFiles(), { path: 'templates/bad.yaml', content: 'kind: {{ .Values.nope.deeper }}\n' }];
    const r = await renderer.template(files);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INPUT');
    expect(r.error.message).toContain('templates/bad.yaml');
  });

  it('refuses chart paths that leave the chart folder and reports a missing binary', async () => {
    const escaped = await renderer.template([{ path: '../evil.yaml', content: 'x' }]);
    expect(!escaped.ok && escaped.error.code).toBe('INPUT');
    const none = await createHelmChartRenderer({ binary: '/nonexistent/helm' }).template(chartFiles());
    expect(!none.ok && none.error.code).toBe('UPSTREAM');
    expect(!none.ok && none.error.hint).toMatch(/OPSPILOT_HELM/);
  });
});
