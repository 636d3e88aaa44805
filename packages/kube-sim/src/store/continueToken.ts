import { badRequest } from '../api/statusError.js';

/**
 * What a `continue` token carries: the list's resourceVersion and the key the next page starts after.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#retrieving-large-results-sets-in-chunks
 */
export interface ContinuePosition {
  resourceVersion: number;
  after: string;
}

/**
 * Encodes where a paged list stopped, in the shape a real API server uses (base64 of
 * `{"v":"meta.k8s.io/v1","rv":N,"start":"<key>\u0000"}`), so clients treat it as opaque all the same.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#retrieving-large-results-sets-in-chunks
 */
export function encodeContinue(position: ContinuePosition): string {
  const body = { v: 'meta.k8s.io/v1', rv: position.resourceVersion, start: `${position.after}\u0000` };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/**
 * Decodes a `continue` token; anything that is not one of ours is a 400 with the real server's message.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#retrieving-large-results-sets-in-chunks
 */
export function decodeContinue(token: string): ContinuePosition {
  const invalid = () => badRequest(`continue key is not valid: "${token.slice(0, 64)}"`);
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const { v, rv, start } = (body ?? {}) as { v?: unknown; rv?: unknown; start?: unknown };
  if (v !== 'meta.k8s.io/v1' || typeof rv !== 'number' || typeof start !== 'string' || !start.endsWith('\u0000')) {
    throw invalid();
  }
  return { resourceVersion: rv, after: start.slice(0, -1) };
}
