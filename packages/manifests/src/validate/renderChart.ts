import type { ChartFile, ChartRenderer } from '@opspilot/core';
import type { Finding } from './types.js';

/** A chart found in the input: its root folder and files (paths relative to the root). */
export interface ChartInput {
  root: string;
  files: ChartFile[];
}

/** The manifests rendered from one chart, with input paths (`<root>/templates/x.yaml`). */
export interface RenderedChart {
  manifests: { path: string; content: string }[];
  findings: Finding[];
}

const join = (root: string, path: string) => (root === '' ? path : `${root}/${path}`);

/** True for a chart whose Chart.yaml says `type: library` (templates only for other charts; never installed). */
export function isLibraryChart(chart: ChartInput): boolean {
  const meta = chart.files.find((f) => /^Chart\.ya?ml$/.test(f.path))?.content;
  return typeof meta === 'string' && /^type:\s*["']?library["']?\s*(#.*)?$/m.test(meta);
}

/**
 * Lints and renders one chart through the {@link ChartRenderer} port. Lint messages and render failures become
 * findings on the chart's files; without a renderer the chart is reported as not checked.
 */
export async function renderChart(
  chart: ChartInput,
  renderer: ChartRenderer | undefined,
  values: Record<string, unknown> | undefined,
): Promise<RenderedChart> {
  const chartFile = join(chart.root, 'Chart.yaml');
  if (isLibraryChart(chart)) {
    return {
      manifests: [],
      findings: [
        {
          rule: 'helm-library-chart',
          severity: 'INFO',
          message: `${chart.root || '.'} is a library chart: it renders nothing by itself and is checked through the charts that depend on it`,
          fix: 'nothing to do; validate the application charts that use it',
          file: chartFile,
          category: 'input',
          line: 1,
          column: 1,
        },
      ],
    };
  }
  if (!renderer) {
    return {
      manifests: [],
      findings: [
        {
          rule: 'helm-unavailable',
          severity: 'WARNING',
          message: `the chart in ${chart.root || '.'} was not rendered: no helm renderer is available`,
          fix: 'install helm 3 or 4 on PATH (or set OPSPILOT_HELM) to validate the rendered manifests',
          file: chartFile,
          category: 'input',
          line: 1,
          column: 1,
        },
      ],
    };
  }
  const findings: Finding[] = [];
  const lint = await renderer.lint(chart.files);
  if (lint.ok) {
    for (const m of lint.value) {
      if (m.severity === 'INFO') continue;
      findings.push({
        rule: 'helm-lint',
        severity: m.severity,
        message: m.message,
        fix: 'correct the chart as helm lint says',
        file: m.path ? join(chart.root, m.path) : chartFile,
        category: 'input',
        line: 1,
        column: 1,
      });
    }
  }
  const rendered = await renderer.template(chart.files, values);
  if (!rendered.ok) {
    findings.push({
      rule: 'helm-template',
      severity: 'ERROR',
      message: rendered.error.message,
      fix: rendered.error.hint ?? 'fix the template so helm template renders it',
      file: chartFile,
      category: 'input',
      line: 1,
      column: 1,
    });
    return { manifests: [], findings };
  }
  return { manifests: rendered.value.map((m) => ({ path: join(chart.root, m.path), content: m.content })), findings };
}
