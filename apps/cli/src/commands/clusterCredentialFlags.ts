import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import type { OpspilotConfig } from '@opspilot/config';
import { type ClusterAuthType, HttpsUrl, InputError } from '@opspilot/core';
import { serviceAccountKubeconfig, singleContextKubeconfig } from '@opspilot/kube';
import type { Command } from 'commander';
import { SIM_KUBECONFIG } from '../clusterAccess.js';

/** The credential flags of `clusters add|update|test`. */
export interface CredentialFlags {
  server?: string;
  token?: string;
  tokenFile?: string;
  caFile?: string;
  insecureSkipTlsVerify?: boolean;
  authType?: string;
}

/** Credentials resolved from the flags: a one-context kubeconfig, as the server stores it. */
export interface FlagCredentials {
  auth_type: ClusterAuthType;
  kubeconfig: string;
  server: string;
}

/** Adds the service-account flags (the kubeconfig ones are the global `--kubeconfig` and `--context`). */
export function credentialOptions(command: Command): Command {
  return command
    .option('--server <url>', 'API server URL (with --token: a service-account login)')
    .option('--token <token>', 'service-account bearer token (prefer --token-file)')
    .option('--token-file <file>', 'file holding the service-account token')
    .option('--ca-file <file>', "the cluster's CA certificate (PEM) for --token")
    .option('--insecure-skip-tls-verify', "with --token: don't verify the server certificate (test clusters only)")
    .option('--auth-type <type>', 'KUBECONFIG or SERVICE_ACCOUNT (OIDC is not supported yet)');
}

/** The kubeconfig file kubectl would read: `--kubeconfig`, else the simulated cluster's, else `KUBECONFIG`/~. */
function kubeconfigFile(config: OpspilotConfig, io: { cwd: string; env: Record<string, string | undefined> }): string {
  if (config.kube.kubeconfig) return resolve(io.cwd, config.kube.kubeconfig);
  if (config.kube.cluster === 'simulated') {
    const sim = resolve(io.cwd, config.data_dir, SIM_KUBECONFIG);
    if (existsSync(sim)) return sim;
  }
  const fromEnv = (io.env.KUBECONFIG ?? '').split(delimiter).find((f) => f && existsSync(f));
  const file = fromEnv ?? join(io.env.HOME ?? homedir(), '.kube', 'config');
  if (!existsSync(file)) {
    throw new InputError('no kubeconfig to take the cluster from', {
      hint: 'pass --kubeconfig FILE [--context NAME], or --server URL --token-file FILE --ca-file FILE',
    });
  }
  return file;
}

/**
 * The credentials the flags name, or `undefined` when none were given and `required` is false: `--server` with
 * `--token`/`--token-file` (and `--ca-file`) is a service-account login; otherwise one context (`--context`, else
 * the current one) of the kubeconfig (`--kubeconfig`, else as kubectl finds it), with its files inlined.
 */
export function credentialsFromFlags(
  flags: CredentialFlags,
  config: OpspilotConfig,
  io: { cwd: string; env: Record<string, string | undefined> },
  options: { name: string; required: boolean; kubeconfigGiven: boolean; currentServer?: string },
): FlagCredentials | undefined {
  if (flags.authType && !['KUBECONFIG', 'SERVICE_ACCOUNT'].includes(flags.authType.toUpperCase())) {
    throw new InputError(`auth type ${flags.authType} is not supported${/oidc/i.test(flags.authType) ? ' yet' : ''}`, {
      hint: 'use a kubeconfig (an exec plugin such as kubelogin works) or --token-file with --server',
    });
  }
  const read = (file: string) => {
    try {
      return readFileSync(resolve(io.cwd, file), 'utf8');
    } catch (error) {
      throw new InputError(`cannot read ${file}: ${(error as Error).message}`, { cause: error });
    }
  };
  const token = flags.token ?? (flags.tokenFile ? read(flags.tokenFile).trim() : undefined);
  if (token !== undefined) {
    if (options.kubeconfigGiven) {
      throw new InputError('--kubeconfig/--context and --token exclude each other', { hint: 'pass one of them' });
    }
    const server = flags.server ?? options.currentServer;
    if (!server)
      throw new InputError('--token needs --server URL', {
        hint: 'the API server, as `kubectl cluster-info` prints it',
      });
    const url = HttpsUrl.safeParse(server);
    if (!url.success) throw new InputError(`--server ${server}: must be an https:// URL`);
    const kubeconfig = serviceAccountKubeconfig({
      name: options.name,
      server,
      token,
      ...(flags.caFile ? { caPem: read(flags.caFile) } : {}),
      ...(flags.insecureSkipTlsVerify ? { insecureSkipTlsVerify: true } : {}),
    });
    return { auth_type: 'SERVICE_ACCOUNT', kubeconfig, server };
  }
  if (flags.caFile || flags.insecureSkipTlsVerify) {
    throw new InputError('--ca-file and --insecure-skip-tls-verify go with --token', { hint: 'add --token-file FILE' });
  }
  if (!options.required && !options.kubeconfigGiven) return undefined;
  const file = kubeconfigFile(config, io);
  const single = singleContextKubeconfig(read(file), {
    ...(config.kube.context ? { context: config.kube.context } : {}),
    readFile: (path) => readFileSync(resolve(io.cwd, path)),
  });
  if (!single.ok) throw single.error;
  if (flags.server && flags.server !== single.value.server) {
    throw new InputError(`--server ${flags.server} is not the context's server (${single.value.server})`, {
      hint: 'leave --server out with a kubeconfig',
    });
  }
  return { auth_type: 'KUBECONFIG', kubeconfig: single.value.yaml, server: single.value.server };
}
