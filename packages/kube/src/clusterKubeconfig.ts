import { err, InputError, ok, type Result } from '@opspilot/core';
import { parse, stringify } from 'yaml';

/** A service account's credentials (seed 003 §2.5 `SERVICE_ACCOUNT`): the API server, its bearer token and CA. */
export interface ServiceAccountAccess {
  /** The cluster's name, used for the kubeconfig's cluster, user and context. */
  name: string;
  /** The API server URL, e.g. `https://api.prod-east-1.example.com:6443`. */
  server: string;
  /** The service account's bearer token. */
  token: string;
  /** The cluster's CA certificate (PEM), to trust the server's certificate; the system's CAs when missing. */
  caPem?: string;
  /** Skip verifying the server certificate (test clusters only). */
  insecureSkipTlsVerify?: boolean;
}

/**
 * A one-context kubeconfig (YAML) for a service account token, API URL and CA, so a cluster registered with a
 * token is stored and connected to exactly like one registered with a kubeconfig (sealed at rest the same way).
 * @see https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/
 */
export function serviceAccountKubeconfig(access: ServiceAccountAccess): string {
  const cluster: Record<string, unknown> = { server: access.server };
  if (access.caPem) cluster['certificate-authority-data'] = Buffer.from(access.caPem).toString('base64');
  if (access.insecureSkipTlsVerify) cluster['insecure-skip-tls-verify'] = true;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: access.name, cluster }],
    users: [{ name: access.name, user: { token: access.token } }],
    contexts: [{ name: access.name, context: { cluster: access.name, user: access.name } }],
    'current-context': access.name,
  });
}

/** The one context {@link singleContextKubeconfig} kept. */
export interface SingleContextKubeconfig {
  /** The kubeconfig holding that context, its cluster and its user only, file references inlined. */
  yaml: string;
  context: string;
  /** The context's API server URL. */
  server: string;
}

type Named = { name?: unknown } & Record<string, unknown>;

const FILE_FIELDS = [
  ['certificate-authority', 'certificate-authority-data'],
  ['client-certificate', 'client-certificate-data'],
  ['client-key', 'client-key-data'],
] as const;

/**
 * Cuts one context (`context`, else `current-context`) out of a kubeconfig, with its cluster and user only, so a
 * server stores nothing of the caller's other clusters. Files the kubeconfig refers to (CA, client certificate and
 * key, `tokenFile`) are inlined with `readFile` (the CLI's own files); without it they are refused, since a server
 * cannot read the caller's disk. A context that does not exist is an `InputError` listing those that do.
 */
export function singleContextKubeconfig(
  text: string,
  options: { context?: string; readFile?: (path: string) => Buffer } = {},
): Result<SingleContextKubeconfig, InputError> {
  let doc: Record<string, unknown>;
  try {
    doc = (parse(text) ?? {}) as Record<string, unknown>;
  } catch (error) {
    return err(new InputError(`the kubeconfig is not valid YAML: ${(error as Error).message}`, { cause: error }));
  }
  const list = (key: string) => (Array.isArray(doc[key]) ? (doc[key] as Named[]) : []);
  const contexts = list('contexts');
  const name = options.context ?? (typeof doc['current-context'] === 'string' ? doc['current-context'] : undefined);
  const context = contexts.find((c) => c.name === name);
  if (!name || !context) {
    const known = contexts.map((c) => String(c.name)).join(', ') || 'none';
    return err(
      new InputError(name ? `context "${name}" not found in the kubeconfig` : 'the kubeconfig has no current-context', {
        hint: `pass one of its contexts with --context: ${known}`,
      }),
    );
  }
  const body = (context.context ?? {}) as Record<string, unknown>;
  const cluster = list('clusters').find((c) => c.name === body.cluster);
  const user = list('users').find((u) => u.name === body.user);
  const server = (cluster?.cluster as Record<string, unknown> | undefined)?.server;
  if (!cluster || typeof server !== 'string') {
    return err(new InputError(`context "${name}" names cluster "${String(body.cluster)}", which has no server`));
  }
  try {
    const inlined = {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ ...cluster, cluster: inline(cluster.cluster, options.readFile) }],
      users: user ? [{ ...user, user: inline(user.user, options.readFile) }] : [],
      contexts: [context],
      'current-context': name,
    };
    return ok({ yaml: stringify(inlined), context: name, server });
  } catch (error) {
    if (error instanceof InputError) return err(error);
    throw error;
  }
}

function inline(section: unknown, readFile: ((path: string) => Buffer) | undefined): Record<string, unknown> {
  const out = { ...((section ?? {}) as Record<string, unknown>) };
  const read = (path: unknown, field: string) => {
    if (!readFile) {
      throw new InputError(`the kubeconfig refers to a file (${field}: ${String(path)}) that cannot be stored`, {
        hint: `inline it as ${field}-data (base64), e.g. \`kubectl config view --raw --minify --flatten\``,
      });
    }
    try {
      return readFile(String(path));
    } catch (error) {
      throw new InputError(`cannot read ${field} ${String(path)}: ${(error as Error).message}`, { cause: error });
    }
  };
  for (const [file, data] of FILE_FIELDS) {
    if (out[file] === undefined) continue;
    out[data] = read(out[file], file).toString('base64');
    delete out[file];
  }
  if (out.tokenFile !== undefined) {
    out.token = read(out.tokenFile, 'tokenFile').toString('utf8').trim();
    delete out.tokenFile;
  }
  return out;
}
