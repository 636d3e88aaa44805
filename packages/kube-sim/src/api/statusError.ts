/**
 * A `metav1.Status` cause, e.g. the field a validation failed on.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/
 */
export interface StatusCause {
  reason?: string;
  message: string;
  field?: string;
}

/**
 * An API error as the Kubernetes API server reports it: HTTP code, reason and message, serialised as a
 * `Status` object.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/
 */
export class StatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: {
      name?: string;
      group?: string;
      kind?: string;
      causes?: StatusCause[];
      retryAfterSeconds?: number;
    },
  ) {
    super(message);
    this.name = 'StatusError';
  }

  /** The JSON body of this error. */
  toStatus(): Record<string, unknown> {
    return statusBody(this.code, this.reason, this.message, this.details);
  }
}

/**
 * A `Status` body (failure unless `code` is 2xx).
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/
 */
export function statusBody(code: number, reason: string, message: string, details?: object): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: code < 300 ? 'Success' : 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

/** `details` of a Status about one object, leaving out an empty group as the real server does. */
function objectDetails(name: string, group: string, kind: string): { name: string; group?: string; kind: string } {
  return group ? { name, group, kind } : { name, kind };
}

/**
 * `pods "x" not found` (404); `details.kind` is the resource, as on a real server.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/
 */
export function notFound(resource: string, name: string, group = '', _kind?: string): StatusError {
  const qualified = group ? `${resource}.${group}` : resource;
  return new StatusError(404, 'NotFound', `${qualified} "${name}" not found`, objectDetails(name, group, resource));
}

/**
 * `pods "x" already exists` (409).
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/
 */
export function alreadyExists(resource: string, name: string, group = ''): StatusError {
  const qualified = group ? `${resource}.${group}` : resource;
  return new StatusError(
    409,
    'AlreadyExists',
    `${qualified} "${name}" already exists`,
    objectDetails(name, group, resource),
  );
}

/**
 * The optimistic-concurrency conflict (409) of a stale resourceVersion, or of a failed delete precondition when
 * `reason` is given.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/
 */
export function conflict(resource: string, name: string, group = '', reason?: string): StatusError {
  const qualified = group ? `${resource}.${group}` : resource;
  const why = reason ?? 'the object has been modified; please apply your changes to the latest version and try again';
  return new StatusError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualified} "${name}": ${why}`,
    objectDetails(name, group, resource),
  );
}

/**
 * `Kind "x" is invalid: ...` (422) with one cause per problem.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/
 */
export function invalid(kind: string, name: string, causes: StatusCause[], group = ''): StatusError {
  const qualified = group ? `${kind}.${group}` : kind;
  const list = causes.map((c) => `${c.field ? `${c.field}: ` : ''}${c.message}`).join(', ');
  const details = { ...objectDetails(name, group, kind), causes };
  const message =
    causes.length === 1 ? `${qualified} "${name}" is invalid: ${list}` : `${qualified} "${name}" is invalid: [${list}]`;
  return new StatusError(422, 'Invalid', message, details);
}

/**
 * A malformed request (400).
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/
 */
export function badRequest(message: string): StatusError {
  return new StatusError(400, 'BadRequest', message);
}
