import type { IncomingMessage, ServerResponse } from 'node:http';
import { type UserInfo, userOf } from '../auth/authorize.js';

/** One request the API server answered, with the identity it ran as. */
export interface RequestRecord {
  /** When the request arrived (cluster clock). */
  time: string;
  /** The user the request ran as (the kubeconfig's admin, or an impersonated user). */
  user: string;
  groups: string[];
  /** Whether the client sent a bearer token (any token is accepted for now). */
  bearerToken: boolean;
  method: string;
  /** Path and query. */
  path: string;
  /** HTTP status answered (for streams: when they ended). */
  code: number;
}

/**
 * The last requests the simulated API server answered and who sent them — the input later RBAC enforcement and
 * audit tests need. Bounded: the oldest records go first.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/authentication/#users-in-kubernetes
 */
export class RequestLog {
  private readonly records: RequestRecord[] = [];

  constructor(
    private readonly now: () => Date,
    private readonly limit = 1000,
  ) {}

  /**
   * Starts recording one request (as `user`, by default the one its impersonation headers name); the record is
   * stored when the response is finished or closed.
   */
  track(req: IncomingMessage, res: ServerResponse, user: UserInfo = userOf(req.headers)): void {
    const authorization = req.headers.authorization ?? '';
    const record: RequestRecord = {
      time: this.now().toISOString(),
      user: user.name,
      groups: user.groups,
      bearerToken: /^Bearer\s+\S+/i.test(authorization),
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      code: 0,
    };
    let done = false;
    const store = () => {
      if (done) return;
      done = true;
      record.code = res.statusCode;
      this.records.push(record);
      if (this.records.length > this.limit) this.records.shift();
    };
    res.on('finish', store);
    res.on('close', store);
  }

  /** Records a request answered outside a ServerResponse (an upgrade: `code` 101 when it was upgraded). */
  record(req: IncomingMessage, user: UserInfo, code: number): void {
    this.records.push({
      time: this.now().toISOString(),
      user: user.name,
      groups: user.groups,
      bearerToken: /^Bearer\s+\S+/i.test(req.headers.authorization ?? ''),
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      code,
    });
    if (this.records.length > this.limit) this.records.shift();
  }

  /** The recorded requests, oldest first. */
  list(): RequestRecord[] {
    return [...this.records];
  }
}
