import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { type ChartFile, err, InputError, type KubeObject, ok, type Result, UpstreamError } from '@opspilot/core';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { locateHelm } from './locateHelm.js';

/** Options of {@link createHelmReleaser}. */
export interface HelmReleaserOptions {
  /** The kubeconfig (YAML text) helm talks to the cluster with. */
  kubeconfig: string;
  /** Path of the helm binary; found with {@link locateHelm} when unset. */
  binary?: string;
  env?: Record<string, string | undefined>;
}

/** What a release request holds (the shape of `@opspilot/delivery`'s ChartReleaseRequest). */
export interface HelmReleaseRequest {
  release: string;
  namespace: string;
  chart: ChartFile[];
  values: Record<string, unknown>;
  timeoutSeconds: number;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const HistoryRow = z.object({
  revision: z.number(),
  status: z.string(),
  chart: z.string().default(''),
  app_version: z.string().default(''),
  description: z.string().default(''),
  updated: z.string().default(''),
});

function messageOf(r: Run): string {
  const text = (r.stderr || r.stdout).trim();
  const lines = text.split('\n').filter((l) => !/^(level=|WARNING:|coalesce\.go)/.test(l));
  return (lines.join('\n') || text || `helm exited with code ${r.code}`).replace(/^Error:\s*/m, '');
}

/**
 * Installs, upgrades and rolls back releases with the real helm binary against a cluster (the ChartReleaser port of
 * `@opspilot/delivery`): each call writes the kubeconfig and chart to a private temporary HOME. helm 4's
 * `--rollback-on-failure` (helm 3's `--atomic`) with `--wait` makes a failed upgrade roll back on its own.
 * @example
 * const helm = createHelmReleaser({ kubeconfig });
 * await helm.upgradeInstall({ release: 'todo', namespace: 'todo', chart, values: {}, timeoutSeconds: 300 });
 * @see https://helm.sh/docs/helm/helm_upgrade/
 */
export function createHelmReleaser(options: HelmReleaserOptions) {
  let major: Promise<number> | undefined;

  async function withHome<T>(
    chart: ChartFile[] | undefined,
    values: Record<string, unknown> | undefined,
    body: (
      helm: (args: string[], timeoutMs?: number) => Promise<Run>,
      paths: { chart: string; values?: string },
    ) => Promise<Result<T, InputError | UpstreamError>>,
  ): Promise<Result<T, InputError | UpstreamError>> {
    const binary = options.binary ?? locateHelm(options.env ?? process.env);
    if (!binary) {
      return err(
        new UpstreamError('helm is not available', {
          source: 'helm',
          hint: 'install helm (https://helm.sh/docs/intro/install/) or set OPSPILOT_HELM to its path',
        }),
      );
    }
    const home = await mkdtemp(join(tmpdir(), 'opspilot-release-'));
    try {
      const kubeconfig = join(home, 'kubeconfig');
      await writeFile(kubeconfig, options.kubeconfig, { mode: 0o600 });
      const env = {
        PATH: process.env.PATH ?? '',
        HOME: home,
        KUBECONFIG: kubeconfig,
        HELM_CACHE_HOME: join(home, 'cache'),
        HELM_CONFIG_HOME: join(home, 'config'),
        HELM_DATA_HOME: join(home, 'data'),
      };
      const helm = (args: string[], timeoutMs = 120_000) =>
        new Promise<Run>((done, fail) => {
          execFile(binary, args, { env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
            const e = error as (NodeJS.ErrnoException & { code?: number | string }) | null;
            if (e && typeof e.code === 'string') return fail(e);
            done({ code: e ? Number(e.code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr) });
          });
        });
      const chartDir = join(home, 'chart');
      for (const f of chart ?? []) {
        const rel = normalize(f.path);
        if (rel.startsWith('..') || rel.startsWith('/')) {
          return err(
            new InputError(`chart file path ${f.path} leaves the chart folder`, { hint: 'use relative paths' }),
          );
        }
        await mkdir(dirname(join(chartDir, rel)), { recursive: true });
        await writeFile(join(chartDir, rel), f.content);
      }
      let valuesPath: string | undefined;
      if (values && Object.keys(values).length > 0) {
        valuesPath = join(home, 'values.override.json');
        await writeFile(valuesPath, JSON.stringify(values), { mode: 0o600 });
      }
      return await body(helm, { chart: chartDir, values: valuesPath });
    } catch (error) {
      return err(new UpstreamError(`helm failed: ${(error as Error).message}`, { source: 'helm', cause: error }));
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  }

  const versionOf = (helm: (args: string[]) => Promise<Run>) => {
    major ??= helm(['version', '--short']).then((r) => Number(/^v(\d+)/.exec(r.stdout.trim())?.[1] ?? 3));
    return major;
  };
  const valuesArgs = (p: { values?: string }) => (p.values ? ['--values', p.values] : []);

  async function historyWith(helm: (args: string[]) => Promise<Run>, release: string, namespace: string) {
    const r = await helm(['history', release, '--namespace', namespace, '-o', 'json', '--max', '256']);
    if (r.code !== 0) {
      if (/not found/i.test(r.stderr)) return ok([]);
      return err(new UpstreamError(`helm history failed: ${messageOf(r)}`, { source: 'helm' }));
    }
    return ok(
      z
        .array(HistoryRow)
        .parse(JSON.parse(r.stdout || '[]'))
        .sort((a, b) => a.revision - b.revision),
    );
  }

  return {
    render: (req: HelmReleaseRequest) =>
      withHome(req.chart, req.values, async (helm, p) => {
        const r = await helm(['template', req.release, p.chart, '--namespace', req.namespace, ...valuesArgs(p)]);
        if (r.code !== 0)
          return err(new InputError(`helm template failed: ${messageOf(r)}`, { hint: 'fix the chart' }));
        const objects = parseAllDocuments(r.stdout)
          .map((d) => d.toJS() as KubeObject | null)
          .filter((o): o is KubeObject => !!o && typeof o.kind === 'string' && typeof o.apiVersion === 'string');
        return ok(objects);
      }),
    serverDryRun: (req: HelmReleaseRequest) =>
      withHome(req.chart, req.values, async (helm, p) => {
        const args = ['upgrade', '--install', req.release, p.chart, '--namespace', req.namespace, '--create-namespace'];
        const r = await helm([...args, '--dry-run=server', ...valuesArgs(p)]);
        if (r.code !== 0) return err(new InputError(messageOf(r), { hint: 'fix what the API server refused' }));
        return ok(undefined);
      }),
    upgradeInstall: (req: HelmReleaseRequest) =>
      withHome(req.chart, req.values, async (helm, p) => {
        const onFailure =
          (await versionOf(helm)) >= 4 ? ['--rollback-on-failure', '--wait=watcher'] : ['--atomic', '--wait'];
        const args = ['upgrade', '--install', req.release, p.chart, '--namespace', req.namespace, '--create-namespace'];
        const r = await helm(
          [...args, ...onFailure, '--timeout', `${req.timeoutSeconds}s`, ...valuesArgs(p), '-o', 'json'],
          (req.timeoutSeconds + 120) * 1000,
        );
        if (r.code !== 0) return ok({ ok: false, message: messageOf(r) });
        const version = /"version":\s*(\d+)/.exec(r.stdout)?.[1];
        return ok({
          ok: true,
          ...(version ? { revision: Number(version) } : {}),
          message: `release ${req.release} revision ${version ?? '?'} deployed`,
        });
      }),
    rollback: (release: string, namespace: string, revision: number | undefined, timeoutSeconds: number) =>
      withHome(undefined, undefined, async (helm) => {
        const wait = (await versionOf(helm)) >= 4 ? ['--wait=watcher'] : ['--wait'];
        const args = [
          'rollback',
          release,
          ...(revision !== undefined ? [String(revision)] : []),
          '--namespace',
          namespace,
        ];
        const r = await helm([...args, ...wait, '--timeout', `${timeoutSeconds}s`], (timeoutSeconds + 120) * 1000);
        if (r.code !== 0) return ok({ ok: false, message: messageOf(r) });
        const history = await historyWith(helm, release, namespace);
        const now = history.ok ? history.value.at(-1)?.revision : undefined;
        return ok({
          ok: true,
          ...(now ? { revision: now } : {}),
          message: r.stdout.trim() || 'Rollback was a success',
        });
      }),
    history: (release: string, namespace: string) =>
      withHome(undefined, undefined, (helm) => historyWith(helm, release, namespace)),
  };
}
