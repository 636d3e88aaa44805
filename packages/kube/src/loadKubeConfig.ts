import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { err, InputError, ok, type Result } from '@opspilot/core';
import { inClusterConfig } from './inClusterConfig.js';
import type { LoadedKubeConfig } from './loadedKubeConfig.js';
import { refuseUntrustedCommands } from './refuseUntrustedCommands.js';

/** Options of {@link loadKubeConfig}: the `--kubeconfig`, `--context` and `-n` of the CLI, or server settings. */
export interface LoadKubeConfigOptions {
  /** A kubeconfig file, or a list of them joined like `KUBECONFIG` (wins over `KUBECONFIG` and `~/.kube/config`). */
  kubeconfig?: string;
  /** A kubeconfig as YAML text (wins over every file). */
  kubeconfigYaml?: string;
  /** The context to use instead of the file's `current-context`. */
  context?: string;
  /** The namespace to use instead of the context's. */
  namespace?: string;
  /** Use the pod's service account (token, CA, `KUBERNETES_SERVICE_HOST`) instead of a kubeconfig. */
  inCluster?: boolean;
  /** Environment to read `KUBECONFIG`, `HOME` and `KUBERNETES_SERVICE_*` from; `process.env` when missing. */
  env?: Record<string, string | undefined>;
  /** Where the service account is mounted; `/var/run/secrets/kubernetes.io/serviceaccount` when missing. */
  serviceAccountDir?: string;
  /**
   * The credential commands (`exec`, auth-provider `cmd-path`) the kubeconfig may run, for a kubeconfig that is not
   * the caller's own (a server's stored one): any other is refused with an `InputError`. Unset means trust (the CLI).
   */
  allowedExecCommands?: readonly string[];
}

/**
 * Resolves the cluster to talk to the way kubectl does: `kubeconfigYaml`, else the `kubeconfig` file, else the
 * files in `KUBECONFIG` (merged, first wins), else `~/.kube/config`, else the in-cluster service account when
 * running in a pod; then the context (`context` or the file's current one) and its namespace. Every failure is an
 * `InputError` naming the file, or the missing context and the ones available.
 * @example
 * const loaded = loadKubeConfig({ kubeconfig: opts.kubeconfig, context: opts.context, namespace: opts.namespace });
 * if (!loaded.ok) throw loaded.error;
 * @see https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/
 */
export function loadKubeConfig(options: LoadKubeConfigOptions = {}): Result<LoadedKubeConfig, InputError> {
  const env = options.env ?? process.env;
  if (options.inCluster) return inClusterConfig(env, options.serviceAccountDir, options.namespace);
  const kc = new KubeConfig();
  let source: string;
  if (options.kubeconfigYaml !== undefined) {
    source = 'inline';
    const loaded = parseInto(kc, () => kc.loadFromString(options.kubeconfigYaml ?? ''), 'the kubeconfig text');
    if (!loaded.ok) return loaded;
  } else {
    const files = candidateFiles(options.kubeconfig, env);
    if (files.length === 0) {
      if (env.KUBERNETES_SERVICE_HOST) return inClusterConfig(env, options.serviceAccountDir, options.namespace);
      const home = join(env.HOME ?? homedir(), '.kube', 'config');
      return err(
        new InputError(`no kubeconfig found (looked at KUBECONFIG and ${home})`, {
          hint: 'Pass --kubeconfig FILE, set KUBECONFIG, or run `opspilot sim serve` and export the KUBECONFIG it prints.',
        }),
      );
    }
    source = files.join(delimiter);
    for (const [i, file] of files.entries()) {
      if (!existsSync(file)) return missingFile(file);
      const target = i === 0 ? kc : new KubeConfig();
      const loaded = parseInto(target, () => target.loadFromFile(file), file);
      if (!loaded.ok) return loaded;
      if (i > 0) kc.mergeConfig(target, true);
    }
  }
  if (options.allowedExecCommands) {
    const trusted = refuseUntrustedCommands(kc, options.allowedExecCommands);
    if (!trusted.ok) return trusted;
  }
  return selectContext(kc, source, options);
}

function candidateFiles(explicit: string | undefined, env: Record<string, string | undefined>): string[] {
  // A path list (as `KUBECONFIG` holds it, e.g. passed through configuration) is read like `KUBECONFIG`.
  const list = explicit ?? env.KUBECONFIG ?? '';
  const paths = list.split(delimiter).filter((f) => f.length > 0);
  // Like kubectl, files of a list that do not exist are skipped; a single named file must exist.
  if (paths.length === 1) return paths;
  if (paths.length > 1) return paths.filter((f) => existsSync(f));
  const home = join(env.HOME ?? homedir(), '.kube', 'config');
  return existsSync(home) ? [home] : [];
}

function parseInto(kc: KubeConfig, load: () => void, where: string): Result<KubeConfig, InputError> {
  try {
    load();
    return ok(kc);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return err(
      new InputError(`cannot read kubeconfig ${where}: ${reason}`, {
        cause: error,
        hint: 'The file must be a kubeconfig (YAML with clusters, users and contexts); check it with `kubectl config view`.',
      }),
    );
  }
}

function missingFile(file: string): Result<never, InputError> {
  return err(
    new InputError(`kubeconfig file ${file} does not exist`, {
      hint: 'Check the path given with --kubeconfig or in KUBECONFIG.',
    }),
  );
}

function selectContext(
  kc: KubeConfig,
  source: string,
  options: LoadKubeConfigOptions,
): Result<LoadedKubeConfig, InputError> {
  const names = kc.getContexts().map((c) => c.name);
  const wanted = options.context ?? (kc.getCurrentContext() || (names.length === 1 ? names[0] : undefined));
  const available = names.length > 0 ? names.map((n) => `"${n}"`).join(', ') : 'none';
  if (!wanted) {
    return err(
      new InputError(`kubeconfig ${source} sets no current-context and has ${names.length} contexts`, {
        hint: `Choose one with --context (available: ${available}).`,
      }),
    );
  }
  const context = kc.getContextObject(wanted);
  if (!context) {
    return err(
      new InputError(`context "${wanted}" not found in kubeconfig ${source}`, {
        details: { available: names },
        hint: `Use one of the available contexts: ${available} (\`kubectl config get-contexts\`).`,
      }),
    );
  }
  kc.setCurrentContext(wanted);
  const cluster = kc.getCluster(context.cluster);
  if (!cluster?.server) {
    return err(
      new InputError(`context "${wanted}" in ${source} names cluster "${context.cluster}", which has no server`, {
        hint: 'Add the cluster with its server URL to the kubeconfig (`kubectl config set-cluster`).',
      }),
    );
  }
  allowPlainHttp(kc);
  return ok({
    kubeConfig: kc,
    context: wanted,
    cluster: cluster.name,
    server: cluster.server,
    namespace: options.namespace ?? context.namespace ?? 'default',
    source,
  });
}

/**
 * client-node 1.x refuses `http://` servers unless the cluster skips TLS verification, which means nothing
 * without TLS; kubectl talks plain HTTP as is, so opspilot does too.
 */
function allowPlainHttp(kc: KubeConfig): void {
  kc.clusters = kc.clusters.map((c) => (c.server.startsWith('http:') ? { ...c, skipTLSVerify: true } : c));
}
