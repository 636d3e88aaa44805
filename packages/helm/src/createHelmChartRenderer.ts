import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import {
  type ChartFile,
  type ChartRenderer,
  err,
  InputError,
  type OpspilotError,
  ok,
  type Result,
  UpstreamError,
} from '@opspilot/core';
import { ensureDependencies } from './chartDependencies.js';
import { locateHelm } from './locateHelm.js';
import { parseLint } from './parseLint.js';
import { helmMessage, run } from './runHelm.js';
import { splitRendered } from './splitRendered.js';

/** Options of {@link createHelmChartRenderer}. */
export interface HelmChartRendererOptions {
  /** Path of the helm binary; found with {@link locateHelm} when unset. */
  binary?: string;
  /** Environment used to locate helm (`OPSPILOT_HELM`, `PATH`). */
  env?: Record<string, string | undefined>;
  /** Longest one helm run may take (default 60 s). */
  timeoutMs?: number;
  /** Release name used by `helm template` (default `release`). */
  releaseName?: string;
  /** Values files (paths helm reads), applied in order after the chart's values.yaml (`--values`). */
  valuesFiles?: string[];
  /** `--set key=value` overrides, applied last. */
  set?: string[];
  /** Namespace of the release (`--namespace`), seen by templates as `.Release.Namespace`. */
  namespace?: string;
  /** Kubernetes version the templates see as `.Capabilities.KubeVersion` (`--kube-version`). */
  kubeVersion?: string;
  /** API versions the templates see in `.Capabilities.APIVersions` (`--api-versions`). */
  apiVersions?: string[];
}

/** The helm flags of the options shared by `helm lint` and `helm template`. */
export function helmValueArgs(options: HelmChartRendererOptions, command: 'lint' | 'template'): string[] {
  const args: string[] = [];
  for (const f of options.valuesFiles ?? []) args.push('--values', f);
  for (const s of options.set ?? []) args.push('--set', s);
  if (options.namespace) args.push('--namespace', options.namespace);
  if (options.kubeVersion) args.push('--kube-version', options.kubeVersion);
  if (command === 'template') for (const a of options.apiVersions ?? []) args.push('--api-versions', a);
  return args;
}

/** Writes the chart under a fresh folder; refuses paths that would escape it. */
async function writeChart(files: ChartFile[]): Promise<Result<{ home: string; chart: string }, OpspilotError>> {
  const home = await mkdtemp(join(tmpdir(), 'opspilot-helm-'));
  const chart = join(home, 'chart');
  for (const f of files) {
    const rel = normalize(f.path);
    if (rel.startsWith('..') || rel.startsWith('/')) {
      await rm(home, { recursive: true, force: true });
      return err(
        new InputError(`chart file path ${f.path} leaves the chart folder`, {
          hint: 'use paths relative to the chart root',
        }),
      );
    }
    await mkdir(dirname(join(chart, rel)), { recursive: true });
    await writeFile(join(chart, rel), f.content);
  }
  return ok({ home, chart });
}

/**
 * The {@link ChartRenderer} port implemented with the real helm binary: the chart is written to a temporary folder
 * and `helm lint` / `helm template` run against it with private HOME and cache folders (offline; no cluster).
 * @example
 * const renderer = createHelmChartRenderer();
 * const rendered = await renderer.template(chartFiles, { replicaCount: 3 });
 * @see https://helm.sh/docs/helm/helm_template/
 */
export function createHelmChartRenderer(options: HelmChartRendererOptions = {}): ChartRenderer {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const missing = () =>
    new UpstreamError('helm is not available', {
      source: 'helm',
      hint: 'install helm (https://helm.sh/docs/intro/install/) or set OPSPILOT_HELM to its path',
    });

  async function withChart<T>(
    files: ChartFile[],
    body: (binary: string, dirs: { home: string; chart: string }) => Promise<Result<T, OpspilotError>>,
  ): Promise<Result<T, OpspilotError>> {
    const binary = options.binary ?? locateHelm(options.env ?? process.env);
    if (!binary) return err(missing());
    const written = await writeChart(files);
    if (!written.ok) return written;
    try {
      return await body(binary, written.value);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      if (e.code === 'ENOENT' || e.code === 'EACCES') return err(missing());
      return err(new UpstreamError(`helm failed: ${e.message}`, { source: 'helm', cause: error }));
    } finally {
      await rm(written.value.home, { recursive: true, force: true });
    }
  }

  return {
    lint: (files) =>
      withChart(files, async (binary, { home, chart }) => {
        const deps = await ensureDependencies(binary, chart, home, timeoutMs);
        if (!deps.ok) return deps;
        const r = await run(binary, ['lint', chart, ...helmValueArgs(options, 'lint')], home, timeoutMs);
        return ok(parseLint(`${r.stdout}\n${r.stderr}`));
      }),
    template: (files, values) =>
      withChart(files, async (binary, { home, chart }) => {
        const deps = await ensureDependencies(binary, chart, home, timeoutMs);
        if (!deps.ok) return deps;
        const args = ['template', options.releaseName ?? 'release', chart];
        if (values && Object.keys(values).length > 0) {
          const valuesFile = join(home, 'values.override.json');
          await writeFile(valuesFile, JSON.stringify(values));
          args.push('--values', valuesFile);
        }
        args.push(...helmValueArgs(options, 'template'));
        const r = await run(binary, args, home, timeoutMs);
        if (r.code !== 0) {
          return err(
            new InputError(`helm template failed: ${helmMessage(r)}`, { hint: 'fix the chart template helm names' }),
          );
        }
        return ok(splitRendered(r.stdout));
      }),
  };
}
