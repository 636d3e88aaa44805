import { type ConfigSetting, loadConfig, type OpspilotConfig } from '@opspilot/config';
import { systemClock } from '@opspilot/core';
import type { KubeResource } from '@opspilot/manifests';
import { fileResources, type SecurityScan, scanCluster, scanFiles } from '@opspilot/security';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { readValidateInputs } from './validateInputs.js';

const decoder = new TextDecoder();

/** The text of the files named (folders recursively, `-` for stdin), as `opspilot validate` reads them. */
export async function readSecurityFiles(ctx: CliContext, paths: string[]): Promise<{ path: string; text: string }[]> {
  const files = await readValidateInputs(paths, ctx.io.cwd, () => ctx.io.stdin ?? process.stdin);
  return files
    .filter((f) => /\.(ya?ml|json)$/i.test(f.path) || f.path === '<stdin>')
    .map((f) => ({ path: f.path, text: typeof f.content === 'string' ? f.content : decoder.decode(f.content) }));
}

/** The objects of files, for policy audits. */
export async function fileObjects(ctx: CliContext, paths: string[]): Promise<KubeResource[]> {
  return (await readSecurityFiles(ctx, paths)).flatMap((f) => fileResources(f.path, f.text).resources);
}

/** A posture scan of files (when paths are given) or of the cluster the CLI talks to. */
export async function scanTarget(ctx: CliContext, config: OpspilotConfig, paths: string[]): Promise<SecurityScan> {
  const clock = ctx.io.clock ?? systemClock;
  if (paths.length > 0) {
    return scanFiles(await readSecurityFiles(ctx, paths), { startedAt: clock.now() });
  }
  const gateway = openGateway(config, ctx.io);
  try {
    return await scanCluster(gateway, {
      cluster: gateway.config.cluster || gateway.config.context,
      clock,
      ...(config.kube.namespace ? { namespace: config.kube.namespace } : {}),
    });
  } finally {
    gateway.close();
  }
}

/**
 * The configuration, as `ctx.loadConfig` builds it, for commands that also accept `-o sarif` (which the global
 * option check refuses): `--config`, the environment, then `--kubeconfig`/`--context`/`--namespace`.
 */
export async function loadSecurityConfig(ctx: CliContext, command: Command): Promise<OpspilotConfig> {
  const raw = command.optsWithGlobals() as Record<string, unknown>;
  const overrides: ConfigSetting[] = [];
  for (const [flag, key] of [
    ['kubeconfig', 'kube.kubeconfig'],
    ['context', 'kube.context'],
    ['namespace', 'kube.namespace'],
  ] as const) {
    const value = raw[flag];
    if (typeof value === 'string' && value !== '') overrides.push({ key, value, source: `--${flag}` });
  }
  return loadConfig({
    file: typeof raw.config === 'string' ? raw.config : undefined,
    env: ctx.io.env,
    cwd: ctx.io.cwd,
    overrides,
  });
}
