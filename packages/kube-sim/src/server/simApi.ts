import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { quotaTracker } from '../admission/quotaTracker.js';
import type { Allocator } from '../api/applyDefaults.js';
import { ResourceRegistry } from '../api/resourceRegistry.js';
import { apiVersionOf, type ResourceType } from '../api/resourceTypes.js';
import { badRequest, StatusError } from '../api/statusError.js';
import { type AccessAttributes, accessAttributesOf, decodeAccessReview } from '../auth/accessReview.js';
import { type Authentication, forbidden, requestUser } from '../auth/authenticate.js';
import { authorize, type UserInfo, userOf } from '../auth/authorize.js';
import { requestAttributes } from '../auth/requestAttributes.js';
import { EXPOSITION_TARGETS, type ExpositionTarget } from '../metrics/exposition.js';
import { ObjectStore } from '../store/objectStore.js';
import { refuseUpgrade } from '../streaming/socketResponse.js';
import { handleStreamingUpgrade } from '../streaming/streamingUpgrade.js';
import { createAllocator } from './allocator.js';
import type { ApiContext, StreamLimits } from './apiContext.js';
import {
  AGGREGATED_V2,
  aggregatedDiscovery,
  apiGroupList,
  apiGroupOf,
  apiResourceList,
  apiVersions,
  wantsAggregated,
} from './discovery.js';
import { decodeBody, readBody, sendError, sendJson } from './httpIo.js';
import { openApiDocument, openApiIndex } from './openapi.js';
import { RequestLog } from './requestLog.js';
import { parseResourcePath, type ResourceTarget } from './requestPath.js';
import { handleResourceRequest } from './resourceRequest.js';
import { EMPTY_HOOKS, type SimHooks } from './simHooks.js';
import { VERSION_INFO } from './versionInfo.js';
import type { WriteContext } from './writeOperations.js';

const NOT_FOUND = 'the server could not find the requested resource';

/**
 * Options of {@link SimApi}.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
export interface SimApiOptions {
  /** The cluster clock (real time by default). */
  now?: () => Date;
  /** `host:port` clients are told to use in legacy discovery. */
  serverAddress?: string;
  /** Change events kept for watch replay (default 5000). */
  historyLimit?: number;
  /** Limits of watches and followed logs. */
  limits?: Partial<StreamLimits>;
  /** The admin's bearer token; a random one is generated when left out (read it from `adminToken`). */
  adminToken?: string;
  /**
   * Let requests without credentials in, as the admin. Off by default: they get `401 Unauthorized`. Only for a
   * cluster nobody else can reach.
   */
  insecureAnonymous?: boolean;
}

const HEALTH_PATHS = new Set(['/healthz', '/readyz', '/livez']);

/**
 * The Kubernetes API of the simulated cluster over plain node:http request/response objects: health, version,
 * discovery, OpenAPI, access reviews, and every resource request (handed to {@link handleResourceRequest}).
 * Every failure is answered with a Kubernetes Status; nothing a client sends can crash it.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
export class SimApi {
  readonly store: ObjectStore;
  readonly registry = new ResourceRegistry();
  /** The behaviour model's logs and metrics; replace to plug one in. */
  hooks: SimHooks = EMPTY_HOOKS;
  readonly write: WriteContext;
  readonly now: () => Date;
  /** The last requests answered and who sent them. */
  readonly requests: RequestLog;
  /** The bearer token that authenticates as `kubernetes-admin` (`system:masters`); the kubeconfig carries it. */
  readonly adminToken: string;
  private readonly auth: Authentication;
  private readonly openStreams = new Set<() => void>();
  private readonly serverAddress: string;
  private readonly context: ApiContext;

  constructor(options: SimApiOptions | (() => Date) = {}) {
    const o = typeof options === 'function' ? { now: options } : options;
    const now = o.now ?? (() => new Date());
    this.now = now;
    this.serverAddress = o.serverAddress ?? '127.0.0.1:6443';
    this.requests = new RequestLog(now);
    this.adminToken = o.adminToken ?? randomBytes(32).toString('base64url');
    this.auth = { adminToken: this.adminToken, insecureAnonymous: o.insecureAnonymous ?? false };
    this.store = new ObjectStore({ clock: { now }, historyLimit: o.historyLimit });
    const allocate: Allocator = createAllocator(this.store, this.registry);
    this.write = { store: this.store, registry: this.registry, allocate, now };
    quotaTracker(this.store, this.registry);
    const api = this;
    this.context = {
      store: this.store,
      registry: this.registry,
      write: this.write,
      get hooks() {
        return api.hooks;
      },
      now,
      limits: { logFollowMs: 300_000, logPollMs: 1000, bookmarkIntervalMs: 1000, ...o.limits },
      track: (close) => {
        this.openStreams.add(close);
        return () => this.openStreams.delete(close);
      },
    };
  }

  /** `/metrics/cadvisor`, `/metrics/kube-state`, `/metrics/apps`, `/metrics/dcgm`: the behaviour model's Prometheus exposition. */
  private async serveMetrics(target: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const known = (EXPOSITION_TARGETS as readonly string[]).includes(target);
    if (!known || !this.hooks.metrics) throw new StatusError(404, 'NotFound', NOT_FOUND);
    if (req.method !== 'GET') {
      throw new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    }
    const { contentType, text } = await this.hooks.metrics(target as ExpositionTarget);
    res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) }).end(text);
  }

  /** Ends every open watch and followed log (on shutdown). */
  closeWatches(): void {
    for (const close of [...this.openStreams]) close();
  }

  /**
   * Handles one HTTP request; every failure becomes a Status response. Only the health endpoints answer without
   * credentials; everything else authenticates first (401 Unauthorized otherwise).
   */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let user: UserInfo | StatusError;
    try {
      user = requestUser(this.store, this.registry, req.headers, this.auth);
    } catch (error) {
      user = error instanceof StatusError ? error : new StatusError(500, 'InternalError', String(error));
    }
    this.requests.track(req, res, user instanceof StatusError ? userOf(req.headers) : user);
    try {
      const url = new URL(req.url ?? '/', 'http://sim');
      const path = url.pathname.replace(/\/+$/, '') || '/';
      if (HEALTH_PATHS.has(path)) {
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
        return;
      }
      if (user instanceof StatusError) throw user;
      await this.route(req, res, url, path, user);
    } catch (error) {
      sendError(res, error);
    }
  }

  /**
   * Handles an HTTP upgrade request (the server's `upgrade` event): authenticates it like any request, authorizes
   * it as `create` on the subresource (`pods/exec`, `pods/attach`, `pods/portforward`) and hands it to the
   * streaming subresources; anything else is refused with a Status. Each is recorded in `requests` (101 when
   * upgraded).
   */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    let user: UserInfo = userOf(req.headers);
    try {
      user = requestUser(this.store, this.registry, req.headers, this.auth);
      const url = new URL(req.url ?? '/', 'http://sim');
      let segments: string[];
      try {
        segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      } catch {
        throw badRequest(`malformed path: ${url.pathname}`);
      }
      const parsed = parseResourcePath(this.registry, segments);
      if (parsed?.kind !== 'resource') throw new StatusError(404, 'NotFound', NOT_FOUND);
      const attributes = requestAttributes('POST', url, parsed.target);
      if (!authorize(this.store, this.registry, user, attributes).allowed) throw forbidden(user, attributes);
      this.requests.record(req, user, handleStreamingUpgrade(this.context, req, socket, head, url, parsed.target));
    } catch (error) {
      this.requests.record(req, user, refuseUpgrade(socket, error));
    }
  }

  private async route(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    path: string,
    user: UserInfo,
  ): Promise<void> {
    let segments: string[];
    try {
      segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      throw badRequest(`malformed path: ${url.pathname}`);
    }
    const accept = req.headers.accept;
    if (path === '/version') return sendJson(res, 200, VERSION_INFO);
    if (segments[0] === 'metrics' && segments.length === 2) return this.serveMetrics(segments[1]!, req, res);
    if (path === '/api') {
      return wantsAggregated(accept)
        ? sendJson(res, 200, aggregatedDiscovery(this.registry, true), AGGREGATED_V2)
        : sendJson(res, 200, apiVersions(this.serverAddress));
    }
    if (path === '/apis') {
      return wantsAggregated(accept)
        ? sendJson(res, 200, aggregatedDiscovery(this.registry, false), AGGREGATED_V2)
        : sendJson(res, 200, apiGroupList(this.registry));
    }
    if (segments[0] === 'apis' && segments.length === 2) {
      const group = apiGroupOf(this.registry, segments[1]!);
      if (!group) throw new StatusError(404, 'NotFound', NOT_FOUND);
      return sendJson(res, 200, group);
    }
    if (segments[0] === 'openapi' && segments[1] === 'v3') {
      if (segments.length === 2) return sendJson(res, 200, openApiIndex(this.registry));
      const [group, version] = segments[2] === 'api' ? ['', segments[3] ?? ''] : [segments[3] ?? '', segments[4] ?? ''];
      if (!this.serves(group, version)) throw new StatusError(404, 'NotFound', NOT_FOUND);
      return sendJson(res, 200, openApiDocument(this.registry, group, version), 'application/json');
    }
    const parsed = parseResourcePath(this.registry, segments);
    if (!parsed) throw new StatusError(404, 'NotFound', NOT_FOUND);
    if (parsed.kind === 'groupVersion') {
      if (!this.serves(parsed.group, parsed.version)) throw new StatusError(404, 'NotFound', NOT_FOUND);
      return sendJson(res, 200, apiResourceList(this.registry, parsed.group, parsed.version));
    }
    await this.resource(req, res, url, parsed.target, user);
  }

  private serves(group: string, version: string): boolean {
    return this.registry.groupVersions().some((g) => g.group === group && g.versions.includes(version));
  }

  private async resource(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    target: ResourceTarget,
    user: UserInfo,
  ): Promise<void> {
    const method = req.method ?? 'GET';
    const selfReview = target.type.group === 'authorization.k8s.io' && target.type.kind.startsWith('SelfSubject');
    if (!selfReview) {
      const attributes = requestAttributes(method, url, target);
      if (!authorize(this.store, this.registry, user, attributes).allowed) throw forbidden(user, attributes);
    }
    if (target.type.group === 'authorization.k8s.io' && method === 'POST' && !target.name) {
      const raw = await readBody(req);
      return sendJson(res, 201, this.review(target.type, req, raw, user));
    }
    await handleResourceRequest(this.context, { req, res, url, target, method });
  }

  /** Evaluates a Self/SubjectAccessReview (JSON, or protobuf as `kubectl auth can-i` sends it) against RBAC. */
  private review(type: ResourceType, req: IncomingMessage, raw: Buffer, requester: UserInfo): unknown {
    const protobuf = (req.headers['content-type'] ?? '').startsWith('application/vnd.kubernetes.protobuf');
    let attributes: AccessAttributes;
    let spec: Record<string, unknown>;
    let user = requester;
    if (protobuf) {
      let decoded: ReturnType<typeof decodeAccessReview>;
      try {
        decoded = decodeAccessReview(raw);
      } catch (error) {
        throw badRequest(`cannot decode the ${type.kind}: ${(error as Error).message}`);
      }
      attributes = decoded.attributes;
      spec =
        attributes.nonResourcePath !== undefined
          ? { nonResourceAttributes: { path: attributes.nonResourcePath, verb: attributes.verb } }
          : { resourceAttributes: { ...attributes, nonResourcePath: undefined } };
      if (decoded.user) user = { name: decoded.user, groups: decoded.groups };
    } else {
      const body = decodeBody(req.headers['content-type'], raw) as { spec?: Record<string, unknown> };
      spec = body.spec ?? {};
      attributes = accessAttributesOf(spec);
      if (type.kind === 'SubjectAccessReview')
        user = { name: String(spec.user ?? ''), groups: (spec.groups as string[] | undefined) ?? [] };
    }
    const decision = authorize(this.store, this.registry, user, attributes);
    return {
      apiVersion: apiVersionOf(type),
      kind: type.kind,
      metadata: { creationTimestamp: null },
      spec,
      status: { allowed: decision.allowed, ...(decision.reason ? { reason: decision.reason } : {}) },
    };
  }
}
