import type { ValidationSeverity } from '@opspilot/core';
import { parseYamlFile } from '../yaml/parseYamlFile.js';
import { checkDockerfile } from './checkDockerfile.js';
import { checkManifests, type ManifestDoc } from './checkManifests.js';
import { chartRootOf, chartRoots, classifyFile } from './classifyFile.js';
import { decodeInput } from './decodeInput.js';
import { type ChartInput, renderChart } from './renderChart.js';
import { ruleCatalog } from './ruleCatalog.js';
import { resolveSettings } from './ruleSettings.js';
import type { FileKind, Finding, InputFile, ValidateOptions, ValidationReport } from './types.js';

const SEVERITY_ORDER: Record<ValidationSeverity, number> = { ERROR: 0, WARNING: 1, INFO: 2 };

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    cmp(a.rule, b.rule)
  );
}

/**
 * Validates Kubernetes manifests, Dockerfiles and Helm charts in one pass: each file is decoded and parsed once
 * (YAML syntax, duplicate keys, alias and depth limits), charts are rendered through `options.chartRenderer`,
 * then every object meets the schema checks and the best-practice rules that apply to its kind, with the whole
 * input as context for cross-object rules. Bad input (binary, too large, invalid UTF-8, YAML bombs) becomes an
 * ERROR finding naming the file; only unknown rule ids in the settings throw (InputError).
 * @example
 * const report = await validateFiles([{ path: 'web.yaml', content: yamlText }], { chartRenderer });
 * if (!report.valid) console.log(report.findings);
 */
export async function validateFiles(files: InputFile[], options: ValidateOptions = {}): Promise<ValidationReport> {
  const known = new Set(ruleCatalog().map((r) => r.id));
  const settings = resolveSettings(options.settings, known);
  const findings: Finding[] = [];
  const kinds = new Map<string, FileKind>();
  const manifests: ManifestDoc[] = [];
  const roots = chartRoots(files.map((f) => f.path));
  const charts = new Map<string, ChartInput>();

  const addYaml = (path: string, text: string, kind: FileKind) => {
    const parsed = parseYamlFile(text);
    for (const p of parsed.problems) {
      if (!settings.enabled(p.rule, path)) continue;
      findings.push({
        ...p,
        severity: settings.severity(p.rule, 'ERROR'),
        file: path,
        category: 'input',
        fix: fixOf(p.rule),
      });
    }
    kinds.set(path, kind);
    for (const doc of parsed.docs) manifests.push({ file: path, doc });
  };

  for (const file of files) {
    if (settings.fileExcluded(file.path)) continue;
    const decoded = decodeInput(file, options.maxFileBytes);
    if (!decoded.ok) {
      findings.push(decoded.error);
      kinds.set(file.path, 'skipped');
      continue;
    }
    const root = chartRootOf(file.path, roots);
    if (root !== undefined) {
      const relative = root === '' ? file.path : file.path.slice(root.length + 1);
      const chart = charts.get(root) ?? { root, files: [] };
      chart.files.push({ path: relative, content: decoded.value });
      charts.set(root, chart);
      kinds.set(file.path, 'helm-chart');
      if (/^(Chart|values)\.ya?ml$/.test(relative)) {
        for (const p of parseYamlFile(decoded.value).problems) {
          findings.push({ ...p, severity: 'ERROR', file: file.path, category: 'input', fix: fixOf(p.rule) });
        }
      }
      continue;
    }
    if (classifyFile(file.path, decoded.value) === 'dockerfile') {
      kinds.set(file.path, 'dockerfile');
      for (const f of checkDockerfile(file.path, decoded.value, settings)) findings.push(f);
    } else addYaml(file.path, decoded.value, 'kubernetes');
  }

  for (const chart of charts.values()) {
    const rendered = await renderChart(chart, options.chartRenderer, options.chartValues);
    for (const f of rendered.findings) if (settings.enabled(f.rule, f.file)) findings.push(f);
    for (const m of rendered.manifests) addYaml(m.path, m.content, 'kubernetes');
  }

  const checked = checkManifests(manifests, settings);
  for (const f of checked.findings) findings.push(f);
  const perFile = new Map<string, number>();
  for (const m of manifests) perFile.set(m.file, (perFile.get(m.file) ?? 0) + 1);
  const withObjects = new Set(
    manifests
      .filter((m) => typeof m.doc.value === 'object' && m.doc.value !== null && 'kind' in m.doc.value)
      .map((m) => m.file),
  );
  for (const [path, kind] of kinds) if (kind === 'kubernetes' && !withObjects.has(path)) kinds.set(path, 'yaml');
  findings.sort(compareFindings);
  const counts: Record<ValidationSeverity, number> = { ERROR: 0, WARNING: 0, INFO: 0 };
  for (const f of findings) counts[f.severity]++;
  const count = (s: ValidationSeverity) => counts[s];
  return {
    version: 1,
    valid: count('ERROR') === 0,
    files: [...kinds].map(([path, kind]) => ({ path, kind, resources: perFile.get(path) ?? 0 })),
    findings,
    summary: {
      files: kinds.size,
      resources: checked.resources,
      errors: count('ERROR'),
      warnings: count('WARNING'),
      infos: count('INFO'),
    },
  };
}

function fixOf(rule: string): string {
  switch (rule) {
    case 'yaml-duplicate-key':
      return 'remove or rename the repeated key';
    case 'yaml-alias-limit':
      return 'write the values out instead of nesting aliases';
    case 'yaml-too-deep':
      return 'flatten the document';
    case 'yaml-too-many-documents':
      return 'split the file';
    default:
      return 'correct the YAML at the position shown (indentation, quotes, brackets)';
  }
}
