import { type ClusterAuthType, HttpsUrl, InputError, NotAllowedError, UpstreamError } from '@opspilot/core';
import {
  type ConnectionTestResult,
  refuseUntrustedKubeconfig,
  serviceAccountKubeconfig,
  singleContextKubeconfig,
} from '@opspilot/kube';
import { z } from 'zod';

/** A service account's credentials (seed 003 §2.5 `SERVICE_ACCOUNT`): its bearer token and the cluster's CA. */
export const ServiceAccountInput = z.object({
  token: z.string().min(1).max(16_384),
  /** The cluster's CA certificate, PEM; the system's CAs when missing. */
  ca_pem: z.string().min(1).max(65_536).optional(),
  /** Skip verifying the API server's certificate (test clusters only). */
  insecure_skip_tls_verify: z.boolean().optional(),
});

/**
 * How to reach a cluster, as `clusters.register`, `clusters.update` and `clusters.test` take it: a kubeconfig (and
 * optionally which of its contexts), or a service-account token with the API URL and CA. OIDC is not supported yet.
 */
export const ClusterAccessFields = {
  /** A kubeconfig (YAML); only `context` (else its current context) is kept, sealed with AES-256-GCM. */
  kubeconfig: z.string().min(1).max(1_000_000).optional(),
  context: z.string().min(1).max(253).optional(),
  service_account: ServiceAccountInput.optional(),
  /** Refused with a hint: OIDC logins are not supported yet. */
  auth_type: z.enum(['KUBECONFIG', 'SERVICE_ACCOUNT', 'OIDC']).optional(),
};
const AccessInput = z.object({ ...ClusterAccessFields, api_server_url: HttpsUrl.optional() });
type AccessInput = z.infer<typeof AccessInput>;

/** Credentials resolved to the one-context kubeconfig the store seals and the gateways connect with. */
export interface ResolvedAccess {
  auth_type: ClusterAuthType;
  kubeconfig: string;
  /** The API server the credentials point at. */
  server: string;
}

/**
 * Turns the access fields of a request into a one-context kubeconfig, or `undefined` when none were given. A
 * service account needs `api_server_url`; a kubeconfig is cut down to `context` (which must exist) or its current
 * context (kept whole when it has none), and its credential commands must be allowed
 * (`clusters.allowed_exec_commands`). Bad combinations are `InputError`s with a hint.
 */
export function resolveAccess(
  input: AccessInput,
  name: string,
  allowedExecCommands: readonly string[],
): ResolvedAccess | undefined {
  if (input.auth_type === 'OIDC') {
    throw new InputError('OIDC credentials are not supported yet', {
      hint: 'register the cluster with a kubeconfig (an exec plugin such as kubelogin works when allowed) or a service-account token',
    });
  }
  if (input.kubeconfig && input.service_account) {
    throw new InputError('give either a kubeconfig or a service-account token, not both', { hint: 'pass one of them' });
  }
  if (input.context && !input.kubeconfig) {
    throw new InputError('context needs a kubeconfig', { hint: 'pass the kubeconfig the context is in' });
  }
  if (input.service_account) {
    if (!input.api_server_url) {
      throw new InputError('a service-account token needs api_server_url', {
        hint: 'the API server URL, e.g. https://api.prod.example.com:6443 (`kubectl cluster-info`)',
      });
    }
    const sa = input.service_account;
    const kubeconfig = serviceAccountKubeconfig({
      name,
      server: input.api_server_url,
      token: sa.token,
      ...(sa.ca_pem ? { caPem: sa.ca_pem } : {}),
      ...(sa.insecure_skip_tls_verify ? { insecureSkipTlsVerify: true } : {}),
    });
    return { auth_type: 'SERVICE_ACCOUNT', kubeconfig, server: input.api_server_url };
  }
  if (!input.kubeconfig) return undefined;
  const single = singleContextKubeconfig(input.kubeconfig, input.context ? { context: input.context } : {});
  // A context asked for must be there; without one, a kubeconfig that cannot be cut down is kept as given.
  if (!single.ok && input.context) throw single.error;
  const kubeconfig = single.ok ? single.value.yaml : input.kubeconfig;
  // Refused here and again whenever a stored kubeconfig is loaded (see ClusterGateways).
  const trusted = refuseUntrustedKubeconfig(kubeconfig, allowedExecCommands);
  if (!trusted.ok) throw trusted.error;
  const server = single.ok ? single.value.server : input.api_server_url;
  if (!server) {
    throw new InputError('the kubeconfig names no API server, so api_server_url is required', {
      hint: single.ok ? undefined : single.error.message,
    });
  }
  return { auth_type: 'KUBECONFIG', kubeconfig, server };
}

/** `clusters.test`'s answer: what {@link ConnectionTestResult} says, as JSON. */
export const ConnectionTestOutput = z.object({
  ok: z.boolean(),
  server: z.string().optional(),
  version: z.string().optional(),
  reachable: z.boolean(),
  authenticated: z.boolean(),
  can_list_pods: z.boolean(),
  latency_ms: z.number().optional(),
  failure: z
    .object({
      type: z.enum(['CONFIG', 'UNREACHABLE', 'TLS', 'UNAUTHORIZED', 'FORBIDDEN', 'ERROR']),
      message: z.string(),
      hint: z.string().optional(),
    })
    .optional(),
});

/** The typed error of a failed connection test (nothing is saved): 401/403 NotAllowed, the rest Upstream or Input. */
export function connectionError(result: ConnectionTestResult): Error {
  const failure = result.failure ?? { type: 'ERROR' as const, message: 'the connection test failed' };
  const options = { ...(failure.hint ? { hint: failure.hint } : {}), details: { failure: failure.type } };
  const message = `connection test failed (${failure.type}): ${failure.message}`;
  if (failure.type === 'UNAUTHORIZED' || failure.type === 'FORBIDDEN') return new NotAllowedError(message, options);
  if (failure.type === 'CONFIG') return new InputError(message, options);
  return new UpstreamError(message, { ...options, source: 'kubernetes', retryable: failure.type === 'UNREACHABLE' });
}
