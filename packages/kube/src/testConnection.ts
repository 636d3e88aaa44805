import { NotAllowedError, OpspilotError, UpstreamError } from '@opspilot/core';
import { KubeClient } from './kubeClient.js';
import { type LoadKubeConfigOptions, loadKubeConfig } from './loadKubeConfig.js';
import { mapKubeError } from './mapKubeError.js';

/** Why a connection test failed, for a form or a script to act on. */
export type ConnectionFailure = 'CONFIG' | 'UNREACHABLE' | 'TLS' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'ERROR';

/** The outcome of {@link testConnection}: every check that ran, and the first failure with its hint. */
export interface ConnectionTestResult {
  ok: boolean;
  server?: string;
  /** The API server's `gitVersion`, e.g. `v1.31.0`. */
  version?: string;
  /** The API server answered (`/version`). */
  reachable: boolean;
  /** The credentials were accepted. */
  authenticated: boolean;
  /** RBAC lets the credentials list pods in every namespace (`kubectl auth can-i list pods -A`). */
  can_list_pods: boolean;
  latency_ms?: number;
  failure?: { type: ConnectionFailure; message: string; hint?: string };
}

/** What {@link testConnection} connects with: a kubeconfig as {@link loadKubeConfig} takes it, and a deadline. */
export interface TestConnectionOptions extends LoadKubeConfigOptions {
  /** How long the whole test may take (default 10 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

function failureOf(error: unknown): NonNullable<ConnectionTestResult['failure']> {
  const typed = mapKubeError(error);
  const message = typed.message;
  const hint = typed instanceof OpspilotError ? typed.hint : undefined;
  let type: ConnectionFailure = 'ERROR';
  if (typed instanceof UpstreamError)
    type = /TLS/.test(message) ? 'TLS' : /cannot reach/.test(message) ? 'UNREACHABLE' : 'ERROR';
  else if (typed instanceof NotAllowedError) type = /401/.test(message) ? 'UNAUTHORIZED' : 'FORBIDDEN';
  else if (typed instanceof OpspilotError && typed.code === 'INPUT') type = 'CONFIG';
  else if (typed.name === 'AbortError' || typed.name === 'TimeoutError') type = 'UNREACHABLE';
  return { type, message, ...(hint ? { hint } : {}) };
}

/**
 * Tests a cluster's credentials before they are saved, the way an engineer would with kubectl: the API server is
 * reachable over TLS (`kubectl version`), the credentials are accepted (a 401 means wrong or expired), and RBAC
 * lets them list pods in every namespace (`kubectl auth can-i list pods -A`, through a SelfSubjectAccessReview),
 * which the fleet's watchers need. Never throws: the first failure is in `failure`, typed, with a hint.
 * @example
 * const result = await testConnection({ kubeconfigYaml, allowedExecCommands: [] });
 * if (!result.ok) console.error(`${result.failure?.type}: ${result.failure?.message}`);
 * @see https://kubernetes.io/docs/reference/access-authn-authz/authorization/#checking-api-access
 */
export async function testConnection(options: TestConnectionOptions): Promise<ConnectionTestResult> {
  const result: ConnectionTestResult = { ok: false, reachable: false, authenticated: false, can_list_pods: false };
  const loaded = loadKubeConfig(options);
  if (!loaded.ok) return { ...result, failure: failureOf(loaded.error) };
  const { server, kubeConfig } = loaded.value;
  result.server = server;
  const deadline = AbortSignal.timeout(options.timeoutMs ?? 10_000);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const client = KubeClient.create(kubeConfig);
  const call = async (request: Parameters<KubeClient['request']>[0], verb: string) => {
    try {
      return await client.request({ ...request, signal });
    } catch (error) {
      if (deadline.aborted) {
        throw new UpstreamError(`cannot reach the Kubernetes API server at ${server}: no answer in time`, {
          source: 'kubernetes',
          retryable: true,
          hint: `Check that ${server} is up and reachable from here, and the port is the API server's.`,
        });
      }
      throw mapKubeError(error, { server, verb });
    }
  };
  try {
    const started = Date.now();
    const version = (await call({ method: 'GET', path: '/version' }, 'get')) as { gitVersion?: unknown };
    result.reachable = true;
    result.latency_ms = Date.now() - started;
    if (typeof version?.gitVersion === 'string') result.version = version.gitVersion;
    const review = (await call(
      {
        method: 'POST',
        path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: { resourceAttributes: { verb: 'list', resource: 'pods' } },
        },
      },
      'create',
    )) as { status?: { allowed?: unknown; reason?: unknown } };
    result.authenticated = true;
    if (review?.status?.allowed !== true) {
      const reason =
        typeof review?.status?.reason === 'string' && review.status.reason ? ` (${review.status.reason})` : '';
      result.failure = {
        type: 'FORBIDDEN',
        message: `the credentials may not list pods in every namespace${reason}`,
        hint: 'grant them at least the `view` ClusterRole (kubectl create clusterrolebinding opspilot-view --clusterrole=view --serviceaccount=NS:NAME); the fleet watches pods, nodes and workloads',
      };
      return result;
    }
    result.can_list_pods = true;
    result.ok = true;
    return result;
  } catch (error) {
    result.failure = failureOf(error);
    if (result.failure.type === 'UNAUTHORIZED') result.reachable = true;
    return result;
  } finally {
    client.close();
  }
}
