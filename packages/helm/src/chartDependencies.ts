import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, InputError, ok, type Result } from '@opspilot/core';
import { parse } from 'yaml';
import { helmMessage, run } from './runHelm.js';

/** One entry of a chart's `dependencies:` (Chart.yaml apiVersion v2). */
export interface ChartDependency {
  name: string;
  version?: string;
  repository?: string;
}

/** The dependencies a Chart.yaml declares (none when it cannot be read). */
export function dependenciesOf(chartYaml: string): ChartDependency[] {
  let doc: unknown;
  try {
    doc = parse(chartYaml);
  } catch {
    return [];
  }
  const deps = (doc as { dependencies?: unknown } | null)?.dependencies;
  if (!Array.isArray(deps)) return [];
  return deps.flatMap((d) =>
    typeof d?.name === 'string'
      ? [{ name: d.name, version: d.version === undefined ? undefined : String(d.version), repository: d.repository }]
      : [],
  );
}

/** The names of the charts vendored under `charts/`: folders (by their Chart.yaml name) and `<name>-<version>.tgz`. */
export function vendoredCharts(chartDir: string): { names: Set<string>; archives: string[] } {
  const dir = join(chartDir, 'charts');
  const names = new Set<string>();
  const archives: string[] = [];
  if (!existsSync(dir)) return { names, archives };
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      names.add(e.name);
      const meta = join(dir, e.name, 'Chart.yaml');
      if (existsSync(meta)) {
        const name = /^name:\s*["']?([^"'\s#]+)/m.exec(readFileSync(meta, 'utf8'))?.[1];
        if (name) names.add(name);
      }
    } else if (/\.tgz$/.test(e.name)) {
      archives.push(e.name);
      // `redis-18.1.2.tgz` and `common-2.x.tgz`: the name is everything before the `-<digit>` version.
      names.add(e.name.replace(/-\d[^/]*\.tgz$|\.tgz$/, ''));
    }
  }
  return { names, archives };
}

/**
 * Makes sure the chart written at `chartDir` has its dependencies under `charts/`: nothing to do when they are
 * vendored (folders or `.tgz`); with a `Chart.lock` it runs `helm dependency build` (which needs the repositories
 * to be reachable); otherwise, or when that fails, an InputError names the missing charts and carries helm's whole
 * message.
 * @see https://helm.sh/docs/helm/helm_dependency_build/
 */
export async function ensureDependencies(
  binary: string,
  chartDir: string,
  home: string,
  timeoutMs: number,
): Promise<Result<void, InputError>> {
  const meta = join(chartDir, 'Chart.yaml');
  if (!existsSync(meta)) return ok(undefined);
  const deps = dependenciesOf(readFileSync(meta, 'utf8'));
  if (deps.length === 0) return ok(undefined);
  const { names } = vendoredCharts(chartDir);
  const missing = deps.filter((d) => !names.has(d.name));
  if (missing.length === 0) return ok(undefined);
  const list = missing.map((d) => `${d.name}${d.version ? ` ${d.version}` : ''} (${d.repository ?? 'no repository'})`);
  if (!existsSync(join(chartDir, 'Chart.lock')) && !existsSync(join(chartDir, 'requirements.lock'))) {
    return err(
      new InputError(`the chart's dependencies are not in charts/ and there is no Chart.lock: ${list.join(', ')}`, {
        hint: 'run `helm dependency update` and commit Chart.lock (or vendor the charts under charts/)',
      }),
    );
  }
  const built = await run(binary, ['dependency', 'build', chartDir], home, Math.min(timeoutMs, 60_000));
  if (built.code === 0) return ok(undefined);
  return err(
    new InputError(
      `the chart's dependencies are not in charts/ and \`helm dependency build\` could not fetch them (is the repository reachable?): ${list.join(', ')}\n${helmMessage(built)}`,
      { hint: 'vendor the dependencies under charts/ (`helm dependency build` where the repository is reachable)' },
    ),
  );
}
