import { type Clock, KubeObject, NotFoundError, UpstreamError } from '@opspilot/core';
import { builtinKind, type KindInfo } from './kindTable.js';
import type { KubeClient, KubeRequest } from './kubeClient.js';
import type { LoadedKubeConfig } from './loadedKubeConfig.js';
import { type KubeErrorContext, mapKubeError } from './mapKubeError.js';

/** What every gateway operation works with: the client, the resolved kubeconfig and the clock. */
export interface GatewayContext {
  client: KubeClient;
  config: LoadedKubeConfig;
  clock: Clock;
}

/** The verb and target of a request, for error messages. */
export interface CallTarget {
  verb: string;
  info?: KindInfo;
  name?: string;
  namespace?: string;
  /** A subresource, e.g. `scale` or `log`. */
  subresource?: string;
}

/** Sends `req`, turning any failure into a typed opspilot error that names `target`. */
export async function send(ctx: GatewayContext, req: KubeRequest, target: CallTarget): Promise<unknown> {
  try {
    return await ctx.client.request(req);
  } catch (error) {
    throw mapKubeError(error, errorContext(ctx, target));
  }
}

/** The {@link KubeErrorContext} of a call. */
export function errorContext(ctx: GatewayContext, target: CallTarget): KubeErrorContext {
  const info = target.info;
  const group = info?.apiVersion.includes('/') ? info.apiVersion.split('/')[0] : '';
  const resource = info ? (target.subresource ? `${info.plural}/${target.subresource}` : info.plural) : undefined;
  return {
    server: ctx.config.server,
    verb: target.verb,
    kind: info?.kind,
    resource,
    group,
    name: target.name,
    namespace: target.namespace,
  };
}

/**
 * The API location of a kind: the built-in table first, then API discovery for other kinds (custom resources)
 * when an apiVersion is given, as `version` or in the name (`example.com/v1/Widget`). A kind the server does not
 * serve is a `NotFoundError`.
 */
export async function resolveKind(ctx: GatewayContext, name: string, version?: string): Promise<KindInfo> {
  // `example.com/v1/Widget` names a kind with its apiVersion where only a string fits (list, watch, snapshot kinds).
  const slash = name.lastIndexOf('/');
  const kind = version === undefined && slash > 0 ? name.slice(slash + 1) : name;
  const apiVersion = version === undefined && slash > 0 ? name.slice(0, slash) : version;
  const known = builtinKind(kind, apiVersion);
  if (known) return known;
  if (apiVersion === undefined) {
    throw new NotFoundError(`unknown kind "${kind}"`, {
      hint: 'Give the apiVersion with it (e.g. `stable.example.com/v1`), or use a built-in kind; `kubectl api-resources` lists what the cluster serves.',
    });
  }
  const found = await ctx.client.discover(apiVersion, kind).catch((error: unknown) => {
    throw mapKubeError(error, { server: ctx.config.server, verb: 'get', kind, resource: apiVersion });
  });
  if (!found) {
    throw new NotFoundError(`the server does not serve kind ${kind} in ${apiVersion}`, {
      hint: 'List what the cluster serves with `kubectl api-resources`; the CRD may not be installed.',
    });
  }
  return { kind: found.kind, apiVersion, plural: found.name, namespaced: found.namespaced };
}

/** The namespace a namespaced object lives in: the one given, else the gateway's (context or `-n`). */
export function namespaceFor(ctx: GatewayContext, info: KindInfo, namespace: string | undefined): string | undefined {
  return info.namespaced ? (namespace ?? ctx.config.namespace) : undefined;
}

/**
 * Parses an object the API server sent. List items carry no `apiVersion`/`kind`, so they come from `info`.
 * A body that is not an object is an `UpstreamError`: the server broke the API contract.
 */
export function toKubeObject(value: unknown, info?: KindInfo): KubeObject {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const candidate = info ? { apiVersion: info.apiVersion, kind: info.kind, ...raw } : raw;
  const parsed = KubeObject.safeParse(candidate);
  if (parsed.success) return parsed.data;
  throw new UpstreamError(`the API server sent an object that is not a Kubernetes object: ${parsed.error.message}`, {
    source: 'kubernetes',
    hint: 'The server does not speak the Kubernetes API as expected; check its version with `kubectl version`.',
  });
}
