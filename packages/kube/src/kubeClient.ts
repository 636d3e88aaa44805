import {
  ApiException,
  type HttpMethod,
  type KubeConfig,
  KubernetesObjectApi,
  type RequestContext,
  type ResponseContext,
  type V1APIResource,
} from '@kubernetes/client-node';
import { KeepAliveAgents } from './keepAliveAgents.js';

/** One request to the API server, as {@link KubeClient.request} sends it. */
export interface KubeRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Absolute API path, e.g. `/apis/apps/v1/namespaces/todo/deployments/backend/scale`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON (or as given when a string). */
  body?: unknown;
  /** Content-Type of the body: a patch strategy for PATCH, JSON otherwise. */
  contentType?: string;
  /** `application/json` unless given (pod logs ask for text). */
  accept?: string;
  signal?: AbortSignal;
}

/**
 * client-node's dynamic object API with the typed (de)serialisation taken out: requests go through its HTTP
 * library and authentication (TLS, client certificates, bearer tokens, exec and token-file providers, proxies) and
 * its API discovery, over kept-alive connections, and answers come back as the plain JSON the server sent, so
 * timestamps stay strings and unknown fields survive. Non-2xx answers throw client-node's `ApiException` with the
 * Status body as a JSON string.
 */
export class KubeClient extends KubernetesObjectApi {
  private readonly agents = new KeepAliveAgents();

  /** A client for the current context of `kc` (its default namespace included). */
  static create(kc: KubeConfig): KubeClient {
    const client = kc.makeApiClient(KubeClient);
    client.setDefaultNamespace(kc);
    return client;
  }

  /** Closes every connection this client keeps open. */
  close(): void {
    this.agents.destroy();
  }

  /** Sends one request and returns the parsed JSON answer (or the text, for non-JSON answers). */
  async request(req: KubeRequest): Promise<unknown> {
    const ctx = this.configuration.baseServer.makeRequestContext(req.path, req.method as HttpMethod);
    for (const [key, value] of Object.entries(req.query ?? {})) {
      if (value !== undefined) ctx.setQueryParam(key, String(value));
    }
    ctx.setHeaderParam('Accept', req.accept ?? 'application/json');
    if (req.body !== undefined) {
      ctx.setHeaderParam('Content-Type', req.contentType ?? 'application/json');
      ctx.setBody(typeof req.body === 'string' ? req.body : JSON.stringify(req.body));
    }
    if (req.signal) ctx.setSignal(req.signal);
    return this.send(ctx);
  }

  /** What discovery says about `kind` in `apiVersion`; `undefined` when the server does not serve it. */
  discover(apiVersion: string, kind: string): Promise<V1APIResource | undefined> {
    return this.resource(apiVersion, kind);
  }

  private send(ctx: RequestContext): Promise<unknown> {
    return this.requestPromise(ctx) as Promise<unknown>;
  }

  /**
   * Applies authentication (bearer token, client certificates, exec and token-file providers) as client-node
   * does, swaps its per-request agent for a kept-alive one, sends, and hands the answer to processResponse.
   * Discovery (`resource()`) comes through here too.
   */
  protected override async requestPromise<T>(ctx: RequestContext): Promise<T> {
    const { BearerToken: bearer, default: auth } = this.configuration.authMethods;
    await bearer?.applySecurityAuthentication(ctx);
    await auth?.applySecurityAuthentication(ctx);
    const agent = this.agents.reuse(ctx.getAgent());
    if (agent) ctx.setAgent(agent as NonNullable<ReturnType<RequestContext['getAgent']>>);
    const response = await this.configuration.httpApi.send(ctx).toPromise();
    return this.processResponse<T>(response);
  }

  protected override async processResponse<T>(response: ResponseContext): Promise<T> {
    const text = await response.body.text();
    if (response.httpStatusCode < 200 || response.httpStatusCode > 299) {
      throw new ApiException(response.httpStatusCode, 'Unsuccessful HTTP Request', text, response.headers);
    }
    const type = response.headers['content-type'] ?? '';
    if (type.includes('json') && text.length > 0) return JSON.parse(text) as T;
    return text as T;
  }
}
