import {
  ConflictError,
  DisruptionBudgetError,
  InputError,
  NotAllowedError,
  NotFoundError,
  OpspilotError,
  UpstreamError,
} from '@opspilot/core';
import { type KubeStatus, parseKubeStatus } from './kubeStatus.js';

/** What was being done when a Kubernetes call failed: it goes into the message and the hint. */
export interface KubeErrorContext {
  /** The API server URL, e.g. `https://127.0.0.1:6443`. */
  server?: string;
  /** The API verb: `get`, `list`, `watch`, `create`, `patch`, `update`, `delete`. */
  verb?: string;
  /** The kind, e.g. `Deployment`. */
  kind?: string;
  /** The resource (plural) in URLs, e.g. `deployments`, or `pods/log` for a subresource. */
  resource?: string;
  /** The API group, `''` for the core group. */
  group?: string;
  name?: string;
  namespace?: string;
}

const SOURCE = 'kubernetes';
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_(VERIFY|GET_ISSUER)|ERR_TLS|ERR_SSL|EPROTO/;

/**
 * Turns whatever a client-node call threw into one of opspilot's typed errors with a hint: network failures and
 * 429/5xx become retryable `UpstreamError`s, certificate failures a non-retryable one about the CA, 401/403 a
 * `NotAllowedError` (403 naming the verb, resource, group and namespace RBAC lacks), 404 a `NotFoundError`,
 * 409/410 a `ConflictError`, 400/422 an `InputError` listing the causes, an eviction a PodDisruptionBudget refuses
 * (429 with a `DisruptionBudget` cause) a `DisruptionBudgetError` naming the budget. An opspilot error or an abort is returned
 * unchanged.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#response-status-kind
 */
export function mapKubeError(error: unknown, context: KubeErrorContext = {}): Error {
  if (error instanceof OpspilotError) return error;
  if (isAbort(error)) return error as Error;
  const status = httpStatusOf(error);
  if (status !== undefined) return fromStatus(status, parseKubeStatus(bodyOf(error)), context, error);
  const code = systemCodeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const server = context.server ?? 'the API server';
  if (code && TLS_CODE.test(code)) {
    return new UpstreamError(`TLS handshake with ${server} failed: ${message}`, {
      source: SOURCE,
      retryable: false,
      cause: error,
      details: { code },
      hint: /EPROTO|WRONG_VERSION/.test(code)
        ? `${server} does not answer TLS: check the scheme (https:// or http://) and port of the cluster's server in the kubeconfig.`
        : `The server certificate is not trusted: set certificate-authority(-data) in the kubeconfig to the cluster's CA, or (for a test cluster only) insecure-skip-tls-verify: true.`,
    });
  }
  if ((code && NETWORK_CODES.has(code)) || /timeout|timed out|socket hang up/i.test(message)) {
    return new UpstreamError(`cannot reach the Kubernetes API server at ${server}: ${message}`, {
      source: SOURCE,
      retryable: true,
      cause: error,
      details: { code },
      hint: `Check that ${server} is up and reachable from here (\`kubectl cluster-info\`), and that the kubeconfig points at the right cluster.`,
    });
  }
  if (/HTTP protocol is not allowed/.test(message)) {
    return new InputError(`the kubeconfig points at plain HTTP (${server}) without insecure-skip-tls-verify`, {
      cause: error,
      hint: 'Use the https:// address of the API server, or set insecure-skip-tls-verify: true on that cluster.',
    });
  }
  const unknownKind = /Unrecognized API version and kind: (\S+) (\S+)/.exec(message);
  if (unknownKind) {
    return new NotFoundError(`the server does not serve kind ${unknownKind[2]} in ${unknownKind[1]}`, {
      cause: error,
      hint: 'List what the cluster serves with `kubectl api-resources` and use one of its kinds and API versions.',
    });
  }
  return new UpstreamError(`Kubernetes request failed: ${message}`, { source: SOURCE, cause: error });
}

function fromStatus(status: number, body: KubeStatus | undefined, ctx: KubeErrorContext, cause: unknown): Error {
  const message = body?.message ?? `HTTP ${status}`;
  const details: Record<string, unknown> = { status, reason: body?.reason };
  if (status === 401) {
    return new NotAllowedError(
      `${ctx.server ? `the API server ${ctx.server}` : 'the API server'} refused the credentials (401 Unauthorized)`,
      {
        cause,
        details,
        hint: 'The credentials in the kubeconfig are missing, invalid or expired: log in again or refresh the token, then retry.',
      },
    );
  }
  if (status === 403) return forbidden(message, body, ctx, cause, details);
  if (status === 404) return notFound(message, body, ctx, cause, details);
  if (status === 409 || status === 410) return conflict(status, message, body, ctx, cause, details);
  if (status === 422 || status === 400 || status === 405 || status === 406 || status === 413 || status === 415) {
    const causes = (body?.details?.causes ?? []).map((c) => (c.field ? `${c.field}: ${c.message}` : `${c.message}`));
    const extra = causes.length > 0 && !causes.every((c) => message.includes(c)) ? ` (${causes.join('; ')})` : '';
    return new InputError(`${message}${extra}`, {
      cause,
      details: { ...details, causes },
      hint:
        status === 422
          ? 'Fix the listed fields of the object and try again.'
          : 'The API server refused the request as malformed: check the object against `kubectl explain <kind>`.',
    });
  }
  if (status === 429) {
    const refusal = disruptionBudget(message, body, ctx, cause, details);
    if (refusal) return refusal;
  }
  const retryable = status === 429 || status >= 500;
  return new UpstreamError(`the API server answered ${status}: ${message}`, {
    source: SOURCE,
    status,
    retryable,
    cause,
    details,
    hint: retryable
      ? `The API server is overloaded or failing; retry later${body?.details?.retryAfterSeconds ? ` (it asks to wait ${body.details.retryAfterSeconds}s)` : ''}, and check its health with \`kubectl get --raw /readyz\`.`
      : undefined,
  });
}

const BUDGET_NAME = /The disruption budget (\S+)/;

/**
 * The 429 an eviction gets when a PodDisruptionBudget forbids it (`details.causes[].reason` `DisruptionBudget`, the
 * message `The disruption budget <name> needs N healthy pods and has M currently` or `… is still being processed by
 * the server`); undefined for any other 429 (API priority and fairness, rate limits).
 */
function disruptionBudget(
  message: string,
  body: KubeStatus | undefined,
  ctx: KubeErrorContext,
  cause: unknown,
  details: Record<string, unknown>,
): DisruptionBudgetError | undefined {
  const found = body?.details?.causes?.find((c) => c.reason === 'DisruptionBudget');
  if (!found) return undefined;
  const budget = BUDGET_NAME.exec(found.message ?? '')?.[1];
  const pod = ctx.name ?? body?.details?.name ?? 'the pod';
  const where = ctx.namespace ? ` -n ${ctx.namespace}` : '';
  return new DisruptionBudgetError(
    `cannot evict pod ${ctx.namespace ? `${ctx.namespace}/` : ''}${pod}: ${found.message ?? message}`,
    {
      cause,
      details,
      blocked: [
        {
          pod: { name: pod, ...(ctx.namespace ? { namespace: ctx.namespace } : {}) },
          ...(budget ? { budget } : {}),
          ...(found.message ? { reason: found.message } : {}),
        },
      ],
      hint: `${budget ? `PodDisruptionBudget ${budget}` : 'A PodDisruptionBudget'} allows no disruption right now: retry once its pods are Ready elsewhere, scale the workload up, or relax the budget (\`kubectl get pdb${budget ? ` ${budget}` : ''}${where}\`).`,
    },
  );
}

const FORBIDDEN =
  /User "([^"]*)" cannot (\S+) resource "([^"]+)"(?: in API group "([^"]*)")?(?: in the namespace "([^"]+)")?/;

function forbidden(
  message: string,
  body: KubeStatus | undefined,
  ctx: KubeErrorContext,
  cause: unknown,
  details: Record<string, unknown>,
): Error {
  const m = FORBIDDEN.exec(message);
  if (!m && message && !/forbidden: User "/.test(message)) {
    // Not an RBAC denial: admission refused the request (quota, limit range, policy, a terminating namespace, …).
    return new NotAllowedError(message, {
      cause,
      details: { ...details, reason: 'AdmissionDenied' },
      hint: 'The API server admitted your credentials but refused the change itself: fix what the message names (a quota, a limit range, a storage class that cannot resize, a terminating namespace).',
    });
  }
  const user = m?.[1];
  const verb = m?.[2] ?? ctx.verb ?? 'access';
  const resource = m?.[3] ?? body?.details?.kind ?? ctx.resource ?? ctx.kind?.toLowerCase() ?? 'the resource';
  const group = m?.[4] ?? body?.details?.group ?? ctx.group ?? '';
  const namespace = m ? m[5] : ctx.namespace;
  const qualified = group ? `${resource}.${group}` : resource;
  const where = namespace ? ` in namespace "${namespace}"` : ' cluster-wide';
  const binding = namespace
    ? `a Role and RoleBinding in namespace "${namespace}"`
    : 'a ClusterRole and ClusterRoleBinding';
  return new NotAllowedError(`cannot ${verb} ${qualified}${where}: grant "${verb}" on "${resource}"`, {
    cause,
    details: { ...details, user, verb, resource, group, namespace, message },
    hint: `RBAC denies ${user ? `"${user}"` : 'these credentials'}: ask a cluster admin for ${binding} with apiGroups ["${group}"], resources ["${resource}"], verbs ["${verb}"] (check with \`kubectl auth can-i ${verb} ${qualified}${namespace ? ` -n ${namespace}` : ''}\`).`,
  });
}

function notFound(
  message: string,
  body: KubeStatus | undefined,
  ctx: KubeErrorContext,
  cause: unknown,
  details: Record<string, unknown>,
): Error {
  const name = body?.details?.name;
  const aboutTarget = ctx.name !== undefined && (name === undefined || name === ctx.name);
  const kind = ctx.kind ?? body?.details?.kind ?? 'object';
  if (aboutTarget && ctx.name) {
    const where = ctx.namespace ? ` in namespace "${ctx.namespace}"` : '';
    return new NotFoundError(`${kind} "${ctx.name}" not found${where}`, {
      cause,
      details: { ...details, kind, name: ctx.name, namespace: ctx.namespace },
      hint: `Check the name with \`kubectl get ${ctx.resource?.split('/')[0] ?? kind.toLowerCase()}${ctx.namespace ? ` -n ${ctx.namespace}` : ''}\`.`,
    });
  }
  if (name === undefined && !ctx.name) {
    return new NotFoundError(`the server does not serve ${ctx.resource ?? kind}: ${message}`, {
      cause,
      details,
      hint: 'List what the cluster serves with `kubectl api-resources`; the API group may not be installed.',
    });
  }
  return new NotFoundError(message, {
    cause,
    details: { ...details, kind: body?.details?.kind, name },
    hint:
      body?.details?.kind === 'namespaces'
        ? `Create the namespace first (\`kubectl create namespace ${name}\`) or pick another one with -n.`
        : 'Check the names with `kubectl get`.',
  });
}

function conflict(
  status: number,
  message: string,
  body: KubeStatus | undefined,
  ctx: KubeErrorContext,
  cause: unknown,
  details: Record<string, unknown>,
): Error {
  const hint =
    status === 410
      ? 'The watch or list resumed from a resourceVersion the server no longer keeps: list again and watch from the new one.'
      : body?.reason === 'AlreadyExists'
        ? 'The object already exists: apply it (server-side apply updates in place) or delete it first.'
        : `The ${ctx.kind ?? 'object'} changed since it was read: read it again and re-apply the change on the fresh version.`;
  return new ConflictError(message, { cause, details, hint });
}

function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; statusCode?: unknown; body?: unknown };
  if (typeof e.statusCode === 'number') return e.statusCode;
  if (typeof e.code === 'number' && 'body' in e) return e.code;
  return undefined;
}

function bodyOf(error: unknown): unknown {
  return (error as { body?: unknown }).body;
}

function systemCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const e = current as { code?: unknown; errno?: unknown; cause?: unknown };
    if (typeof e.code === 'string') return e.code;
    if (typeof e.errno === 'string') return e.errno;
    current = e.cause;
  }
  return undefined;
}

function isAbort(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; type?: unknown };
  return e.name === 'AbortError' || e.type === 'aborted';
}
