import type { IncomingMessage, ServerResponse } from 'node:http';
import { ResourceRegistry } from '../api/resourceRegistry.js';
import { apiVersionOf, type ResourceType } from '../api/resourceTypes.js';
import { badRequest, notFound, StatusError } from '../api/statusError.js';
import { type AccessAttributes, accessAttributesOf, decodeAccessReview } from '../auth/accessReview.js';
import { authorize, userOf } from '../auth/authorize.js';
import { applyJsonPatch, applyMergePatch } from '../patch/index.js';
import type { KubeObject } from '../store/kubeObject.js';
import { ObjectStore } from '../store/objectStore.js';
import { deleteObject } from './deleteOperations.js';
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
import { parseResourcePath, type ResourceTarget } from './requestPath.js';
import { EMPTY_HOOKS, type SimHooks } from './simHooks.js';
import { toTable } from './table.js';
import { streamWatch } from './watchStream.js';
import { createObject, patchObject, replaceObject, type WriteContext } from './writeOperations.js';

const VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-opspilot',
  gitCommit: 'opspilot',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.23',
  compiler: 'gc',
  platform: 'linux/amd64',
};
const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet']);

/**
 * The Kubernetes API of the simulated cluster over plain node:http request/response objects: discovery, OpenAPI,
 * CRUD, patch, watch, tables, scale and log subresources.
 */
export class SimApi {
  readonly store: ObjectStore;
  readonly registry = new ResourceRegistry();
  hooks: SimHooks = EMPTY_HOOKS;
  private nextIp = 10;
  private readonly openWatches = new Set<() => void>();
  readonly write: WriteContext;

  constructor(
    readonly now: () => Date = () => new Date(),
    private readonly serverAddress = '127.0.0.1:6443',
  ) {
    this.store = new ObjectStore(now);
    this.write = { store: this.store, registry: this.registry, allocateClusterIp: () => this.allocateIp(), now };
  }

  /** Ends every open watch (on shutdown). */
  closeWatches(): void {
    for (const close of [...this.openWatches]) close();
  }

  /** Handles one HTTP request; every failure becomes a Status response. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await this.route(req, res);
    } catch (error) {
      sendError(res, error);
    }
  }

  private allocateIp(): string {
    const n = this.nextIp++;
    return `10.96.${Math.floor(n / 250)}.${(n % 250) + 1}`;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim');
    const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const accept = req.headers.accept;
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (['/healthz', '/readyz', '/livez'].includes(path)) {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      return;
    }
    if (path === '/version') return sendJson(res, 200, VERSION);
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
      if (!group) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
      return sendJson(res, 200, group);
    }
    if (segments[0] === 'openapi' && segments[1] === 'v3') {
      if (segments.length === 2) return sendJson(res, 200, openApiIndex(this.registry));
      const [group, version] = segments[2] === 'api' ? ['', segments[3] ?? ''] : [segments[3] ?? '', segments[4] ?? ''];
      if (!this.registry.groupVersions().some((g) => g.group === group && g.versions.includes(version))) {
        throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
      }
      return sendJson(res, 200, openApiDocument(this.registry, group, version), 'application/json');
    }
    const parsed = parseResourcePath(this.registry, segments);
    if (!parsed) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
    if (parsed.kind === 'groupVersion') {
      if (!this.registry.groupVersions().some((g) => g.group === parsed.group && g.versions.includes(parsed.version))) {
        throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
      }
      return sendJson(res, 200, apiResourceList(this.registry, parsed.group, parsed.version));
    }
    await this.resource(req, res, url, parsed.target);
  }

  private render(req: IncomingMessage, type: ResourceType) {
    const table = (req.headers.accept ?? '').includes('as=Table');
    return (objects: KubeObject[], listMeta: Record<string, unknown> = {}) =>
      table ? toTable(type, objects, this.now(), listMeta) : undefined;
  }

  private async resource(req: IncomingMessage, res: ServerResponse, url: URL, target: ResourceTarget): Promise<void> {
    const { type, namespace, name, subresource } = target;
    const q = url.searchParams;
    const method = req.method ?? 'GET';
    const dryRun = q.getAll('dryRun').includes('All');
    const table = this.render(req, type);
    if (type.group === 'metrics.k8s.io') return this.metrics(res, type, namespace, name, method);
    if (subresource && !(type.subresources ?? []).includes(subresource)) {
      throw new StatusError(
        404,
        'NotFound',
        `the server could not find the requested resource (${type.plural}/${subresource})`,
      );
    }
    if (subresource === 'log') return this.logs(req, res, url, namespace ?? 'default', name!);
    if (subresource === 'scale') return this.scale(req, res, type, namespace, name!, method, dryRun);
    const status = subresource === 'status' ? ('status' as const) : undefined;

    if (!name) {
      if (method === 'GET') {
        const selectors = {
          labelSelector: q.get('labelSelector') ?? undefined,
          fieldSelector: q.get('fieldSelector') ?? undefined,
        };
        if (q.get('watch') === '1' || q.get('watch') === 'true') {
          const asTable = (req.headers.accept ?? '').includes('as=Table');
          streamWatch(
            req,
            res,
            this.store,
            type,
            {
              namespace,
              ...selectors,
              resourceVersion: q.get('resourceVersion') ?? undefined,
              timeoutSeconds: Number(q.get('timeoutSeconds') ?? 0),
              allowWatchBookmarks: q.get('allowWatchBookmarks') === 'true',
              sendInitialEvents: q.get('sendInitialEvents') === 'true',
              render: (o) => (asTable ? toTable(type, [o], this.now()) : o),
            },
            (close) => {
              this.openWatches.add(close);
              return () => this.openWatches.delete(close);
            },
          );
          return;
        }
        const limit = Number(q.get('limit') ?? 0);
        const page = this.store.list(type, {
          namespace,
          ...selectors,
          limit,
          continue: q.get('continue') ?? undefined,
        });
        const meta = {
          resourceVersion: page.resourceVersion,
          ...(page.continue ? { continue: page.continue, remainingItemCount: page.remaining } : {}),
        };
        return sendJson(
          res,
          200,
          table(page.items, meta) ?? {
            kind: `${type.kind}List`,
            apiVersion: apiVersionOf(type),
            metadata: meta,
            items: page.items,
          },
        );
      }
      if (method === 'POST') {
        const raw = await readBody(req);
        if (type.group === 'authorization.k8s.io') return sendJson(res, 201, this.review(type, req, raw));
        const body = decodeBody(req.headers['content-type'], raw);
        return sendJson(res, 201, createObject(this.write, type, body, namespace, dryRun));
      }
      if (method === 'DELETE') {
        const { items } = this.store.list(type, { namespace, labelSelector: q.get('labelSelector') ?? undefined });
        for (const o of items) deleteObject(this.write, type, o.metadata.namespace, o.metadata.name, { dryRun });
        return sendJson(res, 200, { kind: `${type.kind}List`, apiVersion: apiVersionOf(type), metadata: {}, items });
      }
      throw new StatusError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
    }
    if (method === 'GET') {
      if (q.get('watch') === '1' || q.get('watch') === 'true')
        throw badRequest('watch a single object with fieldSelector=metadata.name=NAME');
      const obj = this.store.get(type, namespace, name);
      return sendJson(res, 200, table([obj]) ?? obj);
    }
    if (method === 'PUT') {
      const body = decodeBody(req.headers['content-type'], await readBody(req));
      return sendJson(res, 200, replaceObject(this.write, type, body, namespace, name, dryRun, status));
    }
    if (method === 'PATCH') {
      const contentType = req.headers['content-type'] ?? '';
      const body = decodeBody(
        contentType.includes('yaml') ? 'application/yaml' : 'application/json',
        await readBody(req),
      );
      const { object, created } = patchObject(this.write, type, contentType, body, namespace, name, {
        dryRun,
        fieldManager: q.get('fieldManager') ?? undefined,
        subresource: status,
      });
      return sendJson(res, created ? 201 : 200, object);
    }
    if (method === 'DELETE') {
      const raw = await readBody(req);
      const options =
        raw.length > 0
          ? (decodeBody('application/json', raw) as {
              propagationPolicy?: string;
              preconditions?: { uid?: string };
              dryRun?: string[];
            })
          : {};
      const deleted = deleteObject(this.write, type, namespace, name, {
        dryRun: dryRun || (options.dryRun ?? []).includes('All'),
        propagationPolicy: q.get('propagationPolicy') ?? options.propagationPolicy,
        preconditionUid: options.preconditions?.uid,
      });
      return sendJson(res, 200, deleted);
    }
    throw new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
  }

  /** Evaluates a Self/SubjectAccessReview (JSON, or protobuf as `kubectl auth can-i` sends it) against RBAC. */
  private review(type: ResourceType, req: IncomingMessage, raw: Buffer): unknown {
    const protobuf = (req.headers['content-type'] ?? '').startsWith('application/vnd.kubernetes.protobuf');
    let attributes: AccessAttributes;
    let spec: Record<string, unknown>;
    let user = userOf(req.headers);
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

  private metrics(
    res: ServerResponse,
    type: ResourceType,
    namespace: string | undefined,
    name: string | undefined,
    method: string,
  ): void {
    if (method !== 'GET') throw new StatusError(405, 'MethodNotAllowed', 'metrics are read-only');
    const items = type.kind === 'PodMetrics' ? this.hooks.podMetrics(namespace) : this.hooks.nodeMetrics();
    if (name) {
      const found = items.find((i) => i.metadata.name === name);
      if (!found) throw notFound(type.plural, name, type.group, type.kind);
      sendJson(res, 200, found);
      return;
    }
    sendJson(res, 200, { kind: `${type.kind}List`, apiVersion: apiVersionOf(type), metadata: {}, items });
  }

  private async scale(
    req: IncomingMessage,
    res: ServerResponse,
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    method: string,
    dryRun: boolean,
  ): Promise<void> {
    if (!SCALABLE.has(type.kind))
      throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
    const live = this.store.get(type, namespace, name);
    const toScale = (o: KubeObject) => {
      const spec = (o.spec ?? {}) as { replicas?: number; selector?: { matchLabels?: Record<string, string> } };
      const selector = Object.entries(spec.selector?.matchLabels ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      return {
        kind: 'Scale',
        apiVersion: 'autoscaling/v1',
        metadata: {
          name: o.metadata.name,
          namespace: o.metadata.namespace,
          uid: o.metadata.uid,
          resourceVersion: o.metadata.resourceVersion,
          creationTimestamp: o.metadata.creationTimestamp,
        },
        spec: { replicas: spec.replicas ?? 0 },
        status: { replicas: Number((o.status as { replicas?: number } | undefined)?.replicas ?? 0), selector },
      };
    };
    if (method === 'GET') return sendJson(res, 200, toScale(live));
    const contentType = req.headers['content-type'] ?? 'application/json';
    const body = decodeBody(
      contentType.includes('yaml') ? 'application/yaml' : 'application/json',
      await readBody(req),
    ) as { spec?: { replicas?: unknown }; metadata?: { resourceVersion?: string } };
    let replicas: unknown;
    if (method === 'PUT') replicas = body.spec?.replicas;
    else if (method === 'PATCH') {
      const patched = (
        contentType.startsWith('application/json-patch')
          ? applyJsonPatch(toScale(live), body)
          : applyMergePatch(toScale(live), body)
      ) as { spec?: { replicas?: unknown } };
      replicas = patched.spec?.replicas;
    } else
      throw new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
      throw new StatusError(
        422,
        'Invalid',
        `Scale.autoscaling "${name}" is invalid: spec.replicas: Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0`,
      );
    }
    const next = structuredClone(live);
    (next.spec as { replicas: number }).replicas = replicas;
    if (method === 'PUT' && body.metadata?.resourceVersion)
      next.metadata.resourceVersion = body.metadata.resourceVersion;
    const updated = this.store.update(type, next, { dryRun });
    return sendJson(res, 200, toScale(updated));
  }

  private logs(req: IncomingMessage, res: ServerResponse, url: URL, namespace: string, name: string): void {
    const podType = this.registry.find('', 'v1', 'pods')!;
    const pod = this.store.get(podType, namespace, name);
    const q = url.searchParams;
    const containers = ((pod.spec as { containers?: { name: string }[] })?.containers ?? []).map((c) => c.name);
    const container = q.get('container') ?? undefined;
    if (container && !containers.includes(container)) {
      throw badRequest(`container ${container} is not valid for pod ${name}`);
    }
    if (!container && containers.length > 1) {
      throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]`);
    }
    const lines = this.hooks.logs({
      namespace,
      pod,
      container: container ?? containers[0],
      tailLines: q.get('tailLines') ? Number(q.get('tailLines')) : undefined,
      previous: q.get('previous') === 'true',
      timestamps: q.get('timestamps') === 'true',
      sinceSeconds: q.get('sinceSeconds') ? Number(q.get('sinceSeconds')) : undefined,
    });
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
    res.write(lines.map((l) => `${l}\n`).join(''));
    if (q.get('follow') !== 'true') {
      res.end();
      return;
    }
    const close = () => res.end();
    this.openWatches.add(close);
    req.on('close', () => {
      this.openWatches.delete(close);
      close();
    });
  }
}
