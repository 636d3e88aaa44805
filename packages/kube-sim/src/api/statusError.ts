/** A `metav1.Status` cause, e.g. the field a validation failed on. */
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

/** A `Status` body (failure unless `code` is 2xx). */
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

/** `pods "x" not found` (404). */
export function notFound(resource: string, name: string, group = '', kind?: string): StatusError {
  const qualified = group ? `${resource}.${group}` : resource;
  return new StatusError(404, 'NotFound', `${qualified} "${name}" not found`, { name, group, kind: kind ?? resource });
}

/** `pods "x" already exists` (409). */
export function alreadyExists(resource: string, name: string, group = ''): StatusError {
  const qualified = group ? `${resource}.${group}` : resource;
  return new StatusError(409, 'AlreadyExists', `${qualified} "${name}" already exists`, {
    name,
    group,
    kind: resource,
  });
}

/** The optimistic-concurrency conflict of a stale resourceVersion (409). */
export function conflict(resource: string, name: string, group = ''): StatusError {
  const qualified = group ? `${resource}.${group}` : resource;
  return new StatusError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualified} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, group, kind: resource },
  );
}

/** `Kind "x" is invalid: ...` (422) with one cause per problem. */
export function invalid(kind: string, name: string, causes: StatusCause[], group = ''): StatusError {
  const qualified = group ? `${kind}.${group}` : kind;
  const list = causes.map((c) => `${c.field ? `${c.field}: ` : ''}${c.message}`).join(', ');
  return new StatusError(422, 'Invalid', `${qualified} "${name}" is invalid: ${list}`, { name, group, kind, causes });
}

/** A malformed request (400). */
export function badRequest(message: string): StatusError {
  return new StatusError(400, 'BadRequest', message);
}
