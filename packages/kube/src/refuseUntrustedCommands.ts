import { KubeConfig } from '@kubernetes/client-node';
import { err, InputError, ok, type Result } from '@opspilot/core';

/** The server setting that lists the credential commands a stored kubeconfig may run. */
export const ALLOWED_EXEC_COMMANDS_SETTING = 'clusters.allowed_exec_commands';

/** A command a kubeconfig would have the process run to get credentials. */
export interface CredentialCommand {
  /** The kubeconfig user that names it. */
  user: string;
  /** `exec` (a client-go credential plugin) or `auth-provider` (its `cmd-path`). */
  via: 'exec' | 'auth-provider';
  /** The command exactly as written in the kubeconfig. */
  command: string;
}

/**
 * Every command the users of `kc` would run for credentials: `user.exec.command` and an auth-provider's
 * `config.cmd-path` (gcp, azure). Users of every context are listed, not only the current one.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins
 */
export function credentialCommands(kc: KubeConfig): CredentialCommand[] {
  const found: CredentialCommand[] = [];
  for (const user of kc.getUsers()) {
    const exec = user.exec as { command?: unknown } | undefined;
    if (exec) found.push({ user: user.name, via: 'exec', command: String(exec.command ?? '') });
    const provider = user.authProvider as { config?: Record<string, unknown> } | undefined;
    const cmdPath = provider?.config?.['cmd-path'];
    if (cmdPath !== undefined) found.push({ user: user.name, via: 'auth-provider', command: String(cmdPath) });
  }
  return found;
}

/**
 * Refuses a kubeconfig that would run a credential command not listed in `allowed` (compared exactly as written,
 * e.g. `aws` or `/usr/local/bin/gke-gcloud-auth-plugin`). A kubeconfig a server stores comes from whoever registered
 * the cluster, and its `exec` plugin would run as the server's user whenever anyone reads the cluster: only the
 * commands the operator listed may run. The CLI, reading its user's own kubeconfig, does not call this.
 */
export function refuseUntrustedCommands(kc: KubeConfig, allowed: readonly string[]): Result<KubeConfig, InputError> {
  const refused = credentialCommands(kc).filter((c) => !allowed.includes(c.command));
  if (refused.length === 0) return ok(kc);
  const named = refused.map((c) => `user "${c.user}" (${c.via}: ${c.command || '<empty>'})`).join(', ');
  return err(
    new InputError(
      `the kubeconfig runs credential commands this server does not allow: ${named}; a stored kubeconfig's commands would run inside the server for every caller`,
      {
        hint: `Use a bearer token or client certificate instead, or have the server operator list the exact command in ${ALLOWED_EXEC_COMMANDS_SETTING}.`,
        details: { refused, setting: ALLOWED_EXEC_COMMANDS_SETTING },
      },
    ),
  );
}

/**
 * {@link refuseUntrustedCommands} for kubeconfig text, as a server checks one before storing it: text that is not a
 * kubeconfig is an `InputError` as well.
 */
export function refuseUntrustedKubeconfig(yaml: string, allowed: readonly string[]): Result<KubeConfig, InputError> {
  const kc = new KubeConfig();
  try {
    kc.loadFromString(yaml);
  } catch (error) {
    return err(
      new InputError(`not a kubeconfig: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
        hint: 'Send a kubeconfig (YAML with clusters, users and contexts); check it with `kubectl config view`.',
      }),
    );
  }
  return refuseUntrustedCommands(kc, allowed);
}
