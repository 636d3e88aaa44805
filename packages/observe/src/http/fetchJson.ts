import { UpstreamError } from '@opspilot/core';
import type { z } from 'zod';
import { readBodyText } from './readBodyText.js';

/** How to reach an HTTP API of the observability stack (Alertmanager, Loki, ...). */
export interface HttpEndpoint {
  /** Base URL, e.g. `http://alertmanager:9093`; a path prefix is kept. */
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  bearerToken?: string;
  /** Sent as HTTP basic authentication (ignored when `bearerToken` is set). */
  basicAuth?: { username: string; password: string };
  /** Extra headers, e.g. `X-Scope-OrgID` for a multi-tenant Loki. */
  headers?: Record<string, string>;
  /** Per-request timeout in milliseconds (default 10 s). */
  timeoutMs?: number;
}

/** One request to an {@link HttpEndpoint}. */
export interface JsonRequest {
  method?: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | string[] | undefined>;
  body?: unknown;
  signal?: AbortSignal;
}

function urlOf(endpoint: HttpEndpoint, request: JsonRequest): URL {
  const base = endpoint.url.endsWith('/') ? endpoint.url : `${endpoint.url}/`;
  const url = new URL(request.path.replace(/^\//, ''), base);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(one));
  }
  return url;
}

function headersOf(endpoint: HttpEndpoint, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', ...endpoint.headers };
  if (hasBody) headers['content-type'] = 'application/json';
  if (endpoint.bearerToken) headers.authorization = `Bearer ${endpoint.bearerToken}`;
  else if (endpoint.basicAuth) {
    const { username, password } = endpoint.basicAuth;
    headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  }
  return headers;
}

/**
 * Sends one request and parses the JSON answer with `schema`. Every failure is an {@link UpstreamError} naming
 * `source`: unreachable or timed out (retryable), a non-2xx status (with the server's own message, 5xx retryable),
 * or an answer that does not have the documented shape.
 */
export async function fetchJson<T>(
  source: string,
  endpoint: HttpEndpoint,
  request: JsonRequest,
  schema: z.ZodType<T>,
): Promise<T> {
  const url = urlOf(endpoint, request);
  const timeoutMs = endpoint.timeoutMs ?? 10_000;
  const signals = [AbortSignal.timeout(timeoutMs), ...(request.signal ? [request.signal] : [])];
  const hint = `check that ${source} answers at ${endpoint.url}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method ?? 'GET',
      headers: headersOf(endpoint, request.body !== undefined),
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.any(signals),
    });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    const what = timedOut
      ? `did not answer within ${timeoutMs} ms`
      : `could not be reached (${(error as Error).message})`;
    throw new UpstreamError(`${source} at ${url.origin} ${what}`, { source, retryable: true, cause: error, hint });
  }
  const text = await readBodyText(response);
  if (!response.ok) {
    const message = messageOf(text) ?? response.statusText;
    throw new UpstreamError(`${source} answered ${response.status}: ${message}`, {
      source,
      status: response.status,
      retryable: response.status >= 500 || response.status === 429,
      hint: response.status === 401 || response.status === 403 ? `check the credentials for ${source}` : hint,
    });
  }
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch (error) {
    throw new UpstreamError(`${source} answered with something other than JSON`, { source, cause: error, hint });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UpstreamError(
      `${source} answered in an unexpected shape (${issue?.path.join('.') || 'body'}: ${issue?.message})`,
      { source, hint: `is ${endpoint.url} really ${source}?` },
    );
  }
  return parsed.data;
}

/** The message of an error body: Loki and Prometheus send `{error}`, Alertmanager `{message}` or a plain string. */
function messageOf(text: string): string | undefined {
  try {
    const json = JSON.parse(text) as unknown;
    if (typeof json === 'string') return json;
    if (json && typeof json === 'object') {
      const o = json as Record<string, unknown>;
      const found = o.error ?? o.message;
      if (typeof found === 'string') return found;
    }
  } catch {
    // Plain text.
  }
  return text.trim().slice(0, 500) || undefined;
}
