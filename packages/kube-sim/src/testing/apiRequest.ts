/**
 * A JSON value read loosely, as tests read API answers.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
// biome-ignore lint/suspicious/noExplicitAny: test helpers read API answers without declaring every shape
export type LooseJson = any;

/**
 * The answer to one {@link apiRequest}.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
export interface ApiResponse {
  code: number;
  contentType: string;
  text: string;
  /** The body parsed as JSON, when it is JSON. */
  json: LooseJson;
}

/**
 * Options of {@link apiRequest}.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
export interface ApiRequestOptions {
  method?: string;
  /** An object (sent as JSON) or raw text/bytes. */
  body?: unknown;
  contentType?: string;
  accept?: string;
}

/**
 * Where {@link apiRequest} sends: a running cluster (its `url` and admin `token`, e.g. a `SimCluster`), or a bare
 * base URL (no credentials: only health endpoints, or a cluster started with `insecureAnonymous`, answer it).
 * @see https://kubernetes.io/docs/reference/access-authn-authz/authentication/
 */
export type ApiTarget = string | { url: string; token?: string };

/**
 * The `Authorization` header carrying a cluster's admin token, for raw `fetch` calls in tests.
 * @example
 * await fetch(`${sim.url}/api/v1/pods`, { headers: authHeaders(sim) });
 * @see https://kubernetes.io/docs/reference/access-authn-authz/authentication/
 */
export function authHeaders(target: { token?: string }): Record<string, string> {
  return target.token ? { Authorization: `Bearer ${target.token}` } : {};
}

/**
 * Sends one request to a simulated cluster served over plain HTTP (`tls: false`) with its admin token and reads
 * the whole answer — for tests that check exact Status bodies and headers without a client library in between.
 * @example
 * const r = await apiRequest(sim, '/api/v1/namespaces/default/pods', { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
export async function apiRequest(
  target: ApiTarget,
  path: string,
  options: ApiRequestOptions = {},
): Promise<ApiResponse> {
  const { body } = options;
  const baseUrl = typeof target === 'string' ? target : target.url;
  const raw =
    body === undefined || typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
  const headers: Record<string, string> = typeof target === 'string' ? {} : authHeaders(target);
  if (raw !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
  if (options.accept) headers.Accept = options.accept;
  const res = await fetch(`${baseUrl}${path}`, {
    method: options.method ?? 'GET',
    body: raw as RequestInit['body'],
    headers,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { code: res.status, contentType: res.headers.get('content-type') ?? '', text, json };
}

/**
 * Opens a watch (or any streamed answer) and collects its JSON lines until `until` says enough, the stream ends, or
 * `timeoutMs` passes; then closes it. Sent with the target's token, like {@link apiRequest}.
 * @example
 * const { lines } = await collectStream(sim, '/api/v1/namespaces/default/configmaps?watch=1', (l) => l.length >= 2);
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
export async function collectStream(
  target: ApiTarget,
  path: string,
  until: (lines: LooseJson[]) => boolean = () => false,
  timeoutMs = 5000,
  accept?: string,
): Promise<{ lines: LooseJson[]; ended: boolean }> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const lines: LooseJson[] = [];
  let ended = false;
  try {
    const url = `${typeof target === 'string' ? target : target.url}${path}`;
    const headers = {
      ...(typeof target === 'string' ? {} : authHeaders(target)),
      ...(accept ? { Accept: accept } : {}),
    };
    const res = await fetch(url, { signal: abort.signal, headers });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        ended = true;
        break;
      }
      buffer += decoder.decode(value, { stream: true });
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (line) lines.push(line.startsWith('{') ? JSON.parse(line) : line);
        newline = buffer.indexOf('\n');
      }
      if (until(lines)) break;
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return { lines, ended };
}
