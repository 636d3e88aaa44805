import { ApiException } from '@kubernetes/client-node';
import {
  ConflictError,
  DisruptionBudgetError,
  InputError,
  NotAllowedError,
  NotFoundError,
  UpstreamError,
} from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { type KubeErrorContext, mapKubeError } from './mapKubeError.js';

const status = (code: number, reason: string, message: string, details: Record<string, unknown> = {}) =>
  new ApiException(
    code,
    'Unsuccessful HTTP Request',
    JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message, details }),
    {},
  );

const system = (code: string, message: string) => Object.assign(new Error(message), { code, type: 'system' });

const server = 'https://10.0.0.1:6443';
const pods: KubeErrorContext = { server, verb: 'list', kind: 'Pod', resource: 'pods', group: '', namespace: 'todo' };
const backend: KubeErrorContext = {
  server,
  verb: 'patch',
  kind: 'Deployment',
  resource: 'deployments',
  group: 'apps',
  name: 'backend',
  namespace: 'todo',
};

const eviction: KubeErrorContext = {
  server,
  verb: 'create',
  kind: 'Pod',
  resource: 'pods/eviction',
  group: '',
  name: 'api-0',
  namespace: 'todo',
};
const budgetRefusal = (cause: string) =>
  status(429, 'TooManyRequests', "Cannot evict pod as it would violate the pod's disruption budget.", {
    causes: [{ reason: 'DisruptionBudget', message: cause }],
  });

const cases: Array<{
  name: string;
  error: unknown;
  context: KubeErrorContext;
  type: new (...args: never[]) => Error;
  message: string | RegExp;
  hint: RegExp;
  retryable?: boolean;
}> = [
  {
    name: 'connection refused',
    error: system(
      'ECONNREFUSED',
      `request to ${server}/api/v1/pods failed, reason: connect ECONNREFUSED 10.0.0.1:6443`,
    ),
    context: pods,
    type: UpstreamError,
    message: /^cannot reach the Kubernetes API server at https:\/\/10\.0\.0\.1:6443/,
    hint: /https:\/\/10\.0\.0\.1:6443.*kubectl cluster-info/,
    retryable: true,
  },
  {
    name: 'unknown host',
    error: system('ENOTFOUND', 'getaddrinfo ENOTFOUND cluster.example'),
    context: pods,
    type: UpstreamError,
    message: /cannot reach/,
    hint: /kubectl cluster-info/,
    retryable: true,
  },
  {
    name: 'timeout',
    error: Object.assign(new Error('network timeout at: https://10.0.0.1:6443/api'), { type: 'request-timeout' }),
    context: pods,
    type: UpstreamError,
    message: /cannot reach/,
    hint: /kubectl cluster-info/,
    retryable: true,
  },
  {
    name: 'untrusted certificate',
    error: system('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'),
    context: pods,
    type: UpstreamError,
    message: /^TLS handshake with https:\/\/10\.0\.0\.1:6443 failed/,
    hint: /certificate-authority.*insecure-skip-tls-verify/,
    retryable: false,
  },
  {
    name: 'wrong host name in the certificate',
    error: system('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"),
    context: pods,
    type: UpstreamError,
    message: /^TLS handshake/,
    hint: /certificate-authority/,
    retryable: false,
  },
  {
    name: 'https to a plain HTTP port',
    error: system('EPROTO', 'write EPROTO 00000000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number'),
    context: pods,
    type: UpstreamError,
    message: /^TLS handshake/,
    hint: /does not answer TLS: check the scheme/,
    retryable: false,
  },
  {
    name: '401 expired credentials',
    error: status(401, 'Unauthorized', 'Unauthorized'),
    context: pods,
    type: NotAllowedError,
    message: 'the API server https://10.0.0.1:6443 refused the credentials (401 Unauthorized)',
    hint: /expired/,
  },
  {
    name: '403 forbidden in a namespace',
    error: status(
      403,
      'Forbidden',
      'pods is forbidden: User "system:serviceaccount:todo:ci" cannot list resource "pods" in API group "" in the namespace "todo"',
      { kind: 'pods' },
    ),
    context: pods,
    type: NotAllowedError,
    message: 'cannot list pods in namespace "todo": grant "list" on "pods"',
    hint: /"system:serviceaccount:todo:ci".*Role and RoleBinding in namespace "todo".*apiGroups \[""\].*verbs \["list"\].*kubectl auth can-i list pods -n todo/,
  },
  {
    name: '403 forbidden cluster-wide in a named group',
    error: status(
      403,
      'Forbidden',
      'clusterroles.rbac.authorization.k8s.io is forbidden: User "dev" cannot list resource "clusterroles" in API group "rbac.authorization.k8s.io" at the cluster scope',
      { group: 'rbac.authorization.k8s.io', kind: 'clusterroles' },
    ),
    context: { server, verb: 'list', kind: 'ClusterRole' },
    type: NotAllowedError,
    message: 'cannot list clusterroles.rbac.authorization.k8s.io cluster-wide: grant "list" on "clusterroles"',
    hint: /ClusterRole and ClusterRoleBinding.*apiGroups \["rbac\.authorization\.k8s\.io"\]/,
  },
  {
    name: '403 RBAC denial without a parsable resource falls back to the context',
    error: status(403, 'Forbidden', 'deployments.apps "backend" is forbidden: User "dev" has no access'),
    context: { ...backend, resource: 'deployments/scale' },
    type: NotAllowedError,
    message: 'cannot patch deployments/scale.apps in namespace "todo": grant "patch" on "deployments/scale"',
    hint: /these credentials/,
  },
  {
    name: '403 from admission (a quota) is not mistaken for RBAC',
    error: status(
      403,
      'Forbidden',
      'pods "web-1" is forbidden: exceeded quota: compute, requested: requests.cpu=2, used: requests.cpu=1, limited: requests.cpu=2',
    ),
    context: pods,
    type: NotAllowedError,
    message:
      'pods "web-1" is forbidden: exceeded quota: compute, requested: requests.cpu=2, used: requests.cpu=1, limited: requests.cpu=2',
    hint: /refused the change itself/,
  },
  {
    name: '404 of the named object',
    error: status(404, 'NotFound', 'deployments.apps "backend" not found', {
      name: 'backend',
      group: 'apps',
      kind: 'deployments',
    }),
    context: backend,
    type: NotFoundError,
    message: 'Deployment "backend" not found in namespace "todo"',
    hint: /kubectl get deployments -n todo/,
  },
  {
    name: '404 of a resource type the server lacks',
    error: status(404, 'NotFound', 'the server could not find the requested resource'),
    context: { server, verb: 'list', kind: 'VolumeAttachment', resource: 'volumeattachments' },
    type: NotFoundError,
    message: /^the server does not serve volumeattachments/,
    hint: /kubectl api-resources/,
  },
  {
    name: '409 stale resourceVersion',
    error: status(
      409,
      'Conflict',
      'Operation cannot be fulfilled on deployments.apps "backend": the object has been modified; please apply your changes to the latest version and try again',
    ),
    context: backend,
    type: ConflictError,
    message: /the object has been modified/,
    hint: /Deployment changed since it was read/,
  },
  {
    name: '409 already exists',
    error: status(409, 'AlreadyExists', 'configmaps "x" already exists'),
    context: { server, verb: 'create', kind: 'ConfigMap', name: 'x' },
    type: ConflictError,
    message: 'configmaps "x" already exists',
    hint: /already exists: apply it/,
  },
  {
    name: '410 expired watch',
    error: status(410, 'Expired', 'too old resource version: 5 (900)'),
    context: { server, verb: 'watch', kind: 'Pod' },
    type: ConflictError,
    message: /too old resource version/,
    hint: /list again/,
  },
  {
    name: '422 invalid with causes',
    error: status(422, 'Invalid', 'Deployment.apps "backend" is invalid', {
      causes: [{ reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be >= 0', field: 'spec.replicas' }],
    }),
    context: backend,
    type: InputError,
    message: 'Deployment.apps "backend" is invalid (spec.replicas: Invalid value: -1: must be >= 0)',
    hint: /Fix the listed fields/,
  },
  {
    name: '400 bad request',
    error: status(400, 'BadRequest', 'strict decoding error: unknown field "spec.replica"'),
    context: backend,
    type: InputError,
    message: 'strict decoding error: unknown field "spec.replica"',
    hint: /kubectl explain/,
  },
  {
    name: '429 throttled',
    error: status(429, 'TooManyRequests', 'too many requests', { retryAfterSeconds: 3 }),
    context: pods,
    type: UpstreamError,
    message: 'the API server answered 429: too many requests',
    hint: /wait 3s/,
    retryable: true,
  },
  {
    name: 'eviction refused by a disruption budget',
    error: budgetRefusal('The disruption budget api-pdb needs 2 healthy pods and has 2 currently'),
    context: eviction,
    type: DisruptionBudgetError,
    message: 'cannot evict pod todo/api-0: The disruption budget api-pdb needs 2 healthy pods and has 2 currently',
    hint: /PodDisruptionBudget api-pdb allows no disruption.*scale the workload up.*kubectl get pdb api-pdb -n todo/,
  },
  {
    name: 'eviction refused while the budget is being processed',
    error: budgetRefusal('The disruption budget api-pdb is still being processed by the server.'),
    context: eviction,
    type: DisruptionBudgetError,
    message: /api-0: The disruption budget api-pdb is still being processed/,
    hint: /PodDisruptionBudget api-pdb/,
  },
  {
    name: '503 unavailable',
    error: status(503, 'ServiceUnavailable', 'etcdserver: leader changed'),
    context: pods,
    type: UpstreamError,
    message: /503: etcdserver/,
    hint: /readyz/,
    retryable: true,
  },
  {
    name: 'watch failure without a body',
    error: Object.assign(new Error('Service Unavailable'), { statusCode: 503 }),
    context: pods,
    type: UpstreamError,
    message: 'the API server answered 503: HTTP 503',
    hint: /retry later/,
    retryable: true,
  },
  {
    name: 'plain HTTP refused by the client',
    error: new Error('HTTP protocol is not allowed when skipTLSVerify is not set or false'),
    context: { server: 'http://10.0.0.1:8080' },
    type: InputError,
    message: /plain HTTP \(http:\/\/10\.0\.0\.1:8080\)/,
    hint: /insecure-skip-tls-verify/,
  },
];

describe('mapKubeError', () => {
  it.each(cases)('$name', ({ error, context, type, message, hint, retryable }) => {
    const mapped = mapKubeError(error, context);
    expect(mapped).toBeInstanceOf(type);
    if (typeof message === 'string') expect(mapped.message).toBe(message);
    else expect(mapped.message).toMatch(message);
    expect((mapped as { hint?: string }).hint).toMatch(hint);
    if (retryable !== undefined) expect((mapped as UpstreamError).retryable).toBe(retryable);
    expect((mapped as { cause?: unknown }).cause).toBe(error);
  });

  it('names the pod and the budget of a refused eviction, as a policy refusal', () => {
    const mapped = mapKubeError(
      budgetRefusal('The disruption budget api-pdb needs 2 healthy pods and has 2 currently'),
      eviction,
    ) as DisruptionBudgetError;
    expect(mapped).toBeInstanceOf(NotAllowedError);
    expect(mapped.code).toBe('NOT_ALLOWED');
    expect(mapped.budgets).toEqual(['api-pdb']);
    expect(mapped.blocked).toEqual([
      {
        pod: { name: 'api-0', namespace: 'todo' },
        budget: 'api-pdb',
        reason: 'The disruption budget api-pdb needs 2 healthy pods and has 2 currently',
      },
    ]);
  });

  it('passes opspilot errors and aborts through unchanged', () => {
    const typed = new ConflictError('x');
    expect(mapKubeError(typed)).toBe(typed);
    const abort = Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
    expect(mapKubeError(abort)).toBe(abort);
  });
});
