import { InputError, type ValidationSeverity } from '@opspilot/core';
import { parseKubeVersion } from '../kube/servedApis.js';
import { parseYamlFile } from '../yaml/parseYamlFile.js';
import { chartFolderReader, withFileDependencies } from './chartFileDependencies.js';
import { checkDockerfile } from './checkDockerfile.js';
import { checkManifests, type ManifestDoc } from './checkManifests.js';
import { chartRootOf, chartRoots, classifyFile } from './classifyFile.js';
import { decodeInput } from './decodeInput.js';
import {
  KUSTOMIZATION_FILE,
  kustomizationRootOf,
  kustomizationRoots,
  mapToSources,
  topKustomizations,
} from './kustomize.js';
import { jsonWithoutObjects, nonManifestByPath, nonManifestDoc } from './nonManifest.js';
import { type ChartInput, renderChart } from './renderChart.js';
import { ruleIds } from './ruleCatalog.js';
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
  if (options.kubeVersion !== undefined && !parseKubeVersion(options.kubeVersion)) {
    throw new InputError(`invalid Kubernetes version ${JSON.stringify(options.kubeVersion)}`, {
      hint: 'give a version such as 1.31 or v1.31.2',
    });
  }
  const known = new Set(ruleIds());
  const settings = resolveSettings(options.settings, known);
  const findings: Finding[] = [];
  const kinds = new Map<string, FileKind>();
  const manifests: ManifestDoc[] = [];
  const roots = chartRoots(files.map((f) => f.path));
  const charts = new Map<string, ChartInput>();
  const kustomizeRoots = kustomizationRoots(files.map((f) => f.path));
  const kustomizations = new Map<string, string>();
  const kustomizeSources = new Map<string, string>();
  const info = (file: string, rule: string, message: string, fix: string) => {
    if (settings.enabled(rule, file)) {
      findings.push({
        rule,
        severity: settings.severity(rule, 'INFO'),
        message,
        fix,
        file,
        category: 'input',
        line: 1,
        column: 1,
      });
    }
  };
  const skip = (path: string, what: string) => {
    kinds.set(path, 'yaml');
    info(path, 'not-a-manifest', `${path} is ${what}, not a Kubernetes manifest: skipped`, 'nothing to do');
  };

  /** Parses a YAML stream; `scope` is the input root its objects are matched within (cross-object rules). */
  const addYaml = (path: string, text: string, kind: FileKind, scope = dirOf(path)) => {
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
    const what = parsed.docs.map((d) => nonManifestDoc(d.value));
    if (parsed.docs.length > 0 && what.every((w) => w !== undefined)) return skip(path, what[0] as string);
    kinds.set(path, kind);
    parsed.docs.forEach((doc, i) => {
      if (what[i] === undefined) manifests.push({ file: path, doc, scope });
    });
  };

  for (const file of files) {
    if (settings.fileExcluded(file.path)) continue;
    const root = chartRootOf(file.path, roots);
    if (root !== undefined && /(^|\/)charts\/[^/]+\.tgz$/.test(file.path) && typeof file.content !== 'string') {
      // A dependency vendored as an archive goes to helm as it is.
      const chart = charts.get(root) ?? { root, files: [] };
      chart.files.push({ path: root === '' ? file.path : file.path.slice(root.length + 1), content: file.content });
      charts.set(root, chart);
      kinds.set(file.path, 'helm-chart');
      continue;
    }
    const decoded = decodeInput(file, options.maxFileBytes);
    if (!decoded.ok) {
      findings.push(decoded.error);
      kinds.set(file.path, 'skipped');
      continue;
    }
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
      continue;
    }
    const kroot = kustomizationRootOf(file.path, kustomizeRoots);
    if (kroot !== undefined) {
      // Resources and patches of a kustomization are checked in the built output, never one by one.
      if (KUSTOMIZATION_FILE.test(file.path) && file.path.slice(0, kroot.length) === kroot) {
        kustomizations.set(kroot, decoded.value);
      }
      kustomizeSources.set(file.path, decoded.value);
      kinds.set(file.path, 'kustomize');
      continue;
    }
    const what =
      nonManifestByPath(file.path) ?? (jsonWithoutObjects(file.path, decoded.value) ? 'a JSON file' : undefined);
    if (what) skip(file.path, what);
    else addYaml(file.path, decoded.value, 'kubernetes');
  }

  const chartFolders = chartFolderReader(files, options.readChartFolder);
  for (const found of charts.values()) {
    const chart = withFileDependencies(found, chartFolders);
    const rendered = await renderChart(chart, options.chartRenderer, options.chartValues);
    for (const f of rendered.findings) if (settings.enabled(f.rule, f.file)) findings.push(f);
    for (const m of rendered.manifests) addYaml(m.path, m.content, 'kubernetes', `chart:${chart.root}`);
  }

  for (const dir of topKustomizations(kustomizations)) {
    const file = dir === '' ? 'kustomization.yaml' : `${dir}/kustomization.yaml`;
    if (!options.kustomizeRenderer) {
      if (settings.enabled('kustomize-unavailable', file)) {
        findings.push({
          rule: 'kustomize-unavailable',
          severity: settings.severity('kustomize-unavailable', 'WARNING'),
          message: `the kustomization in ${dir || '.'} was not built: kubectl is not available`,
          fix: 'install kubectl (it builds kustomizations with `kubectl kustomize`) or set OPSPILOT_KUBECTL',
          file,
          category: 'input',
          line: 1,
          column: 1,
        });
      }
      continue;
    }
    const built = await options.kustomizeRenderer.build(dir);
    if (!built.ok) {
      if (settings.enabled('kustomize-build', file)) {
        findings.push({
          rule: 'kustomize-build',
          severity: settings.severity('kustomize-build', 'ERROR'),
          message: `kubectl kustomize ${dir || '.'} failed: ${built.error.message}`,
          fix: built.error.hint ?? 'fix the kustomization so `kubectl kustomize` builds it',
          file,
          category: 'input',
          line: 1,
          column: 1,
        });
      }
      continue;
    }
    const output = `${dir || '.'}/(kustomize build)`;
    addYaml(output, built.value, 'kubernetes', `kustomize:${dir}`);
    mapToSources(manifests, output, kustomizeSources, dir);
  }

  const custom = manifests.some((m) => isCrd(m.doc.value)) || (options.crdSchemas?.length ?? 0) > 0;
  // The CRD schema reader loads only when a CRD or a schema folder is in the input.
  const schemas = custom
    ? (await import('./customResources.js')).customSchemas(manifests, options.crdSchemas)
    : undefined;
  const checked = checkManifests(manifests, settings, schemas, options.kubeVersion);
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

/** The folder of a path ('' at the top); plain manifests are matched with the objects of their own folder. */
function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function isCrd(value: unknown): boolean {
  return (value as { kind?: unknown } | null)?.kind === 'CustomResourceDefinition';
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
