import { posix } from 'node:path';
import type { ChartFile } from '@opspilot/core';
import { parse } from 'yaml';
import type { ChartInput } from './renderChart.js';
import type { ChartFolderReader } from './types.js';

/** How deep `file://` dependencies of dependencies are followed. */
const MAX_DEPTH = 5;

/** The `file://` dependencies a Chart.yaml declares: each one's name and folder (relative to the chart). */
export function fileDependencies(chartYaml: string): { name: string; path: string }[] {
  let doc: unknown;
  try {
    doc = parse(chartYaml);
  } catch {
    return [];
  }
  const deps = (doc as { dependencies?: unknown } | null)?.dependencies;
  if (!Array.isArray(deps)) return [];
  return deps.flatMap((d) =>
    typeof d?.name === 'string' && typeof d.repository === 'string' && d.repository.startsWith('file://')
      ? [{ name: d.name, path: d.repository.slice('file://'.length) }]
      : [],
  );
}

/** The text of the Chart.yaml at `prefix` among `files`, if there is one. */
function chartYamlOf(files: ChartFile[], prefix = ''): string | undefined {
  const content = files.find((f) => f.path === `${prefix}Chart.yaml` || f.path === `${prefix}Chart.yml`)?.content;
  return content instanceof Uint8Array ? new TextDecoder().decode(content) : content;
}

/**
 * The chart with its `file://` dependencies (`repository: file://../common`) vendored under `charts/<name>/`, as
 * `helm dependency build` would package them: the chart goes to helm as files in a folder of its own, where a path
 * outside the chart means nothing. A dependency already under `charts/` (folder or archive) is left as it is; one
 * that `read` cannot find is left to helm, which then names it. Dependencies of dependencies are followed too.
 * @see https://helm.sh/docs/helm/helm_dependency/
 */
export function withFileDependencies(chart: ChartInput, read: ChartFolderReader): ChartInput {
  const files = [...chart.files];
  const vendor = (dir: string, prefix: string, depth: number) => {
    const meta = chartYamlOf(files, prefix);
    if (typeof meta !== 'string' || depth > MAX_DEPTH) return;
    for (const dep of fileDependencies(meta)) {
      const target = `${prefix}charts/${dep.name}/`;
      const vendored = files.some(
        (f) =>
          f.path.startsWith(target) || (f.path.startsWith(`${prefix}charts/${dep.name}-`) && f.path.endsWith('.tgz')),
      );
      if (vendored) continue;
      const depDir = posix.normalize(posix.join(dir || '.', dep.path));
      const depFiles = read(depDir === '.' ? '' : depDir);
      if (!depFiles || typeof chartYamlOf(depFiles) !== 'string') continue;
      for (const f of depFiles) files.push({ path: `${target}${f.path}`, content: f.content });
      vendor(depDir, target, depth + 1);
    }
  };
  vendor(chart.root, '', 0);
  return files.length === chart.files.length ? chart : { root: chart.root, files };
}

/**
 * A {@link ChartFolderReader} over the input files and, for folders outside the input, `extra` (what the caller
 * read from disk): the files under a folder, with paths relative to it.
 */
export function chartFolderReader(
  inputs: { path: string; content: string | Uint8Array }[],
  extra?: ChartFolderReader,
): ChartFolderReader {
  return (dir) => {
    const prefix = dir === '' ? '' : `${dir}/`;
    const found = inputs
      .filter((f) => f.path.startsWith(prefix))
      .map((f) => ({ path: f.path.slice(prefix.length), content: f.content }));
    return typeof chartYamlOf(found) === 'string' ? found : extra?.(dir);
  };
}
