import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { badRequest, StatusError } from '../api/statusError.js';

/** Largest request body accepted, as on a real API server (3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Reads a request body up to {@link MAX_BODY_BYTES}; larger bodies are a 413. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new StatusError(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Decodes a body by its Content-Type: JSON (and every JSON patch flavour) or YAML. Protobuf bodies — sent by
 * imperative `kubectl create deployment|secret|…` — are answered with a 415 naming the alternative.
 */
export function decodeBody(contentType: string | undefined, body: Buffer): unknown {
  const type = (contentType ?? 'application/json').split(';')[0]!.trim();
  if (type === 'application/vnd.kubernetes.protobuf') {
    throw new StatusError(
      415,
      'UnsupportedMediaType',
      'the simulated cluster does not decode protobuf request bodies; use `kubectl create -f FILE` or `kubectl apply -f FILE` with YAML or JSON',
    );
  }
  const text = body.toString('utf8');
  if (text.trim() === '') throw badRequest('the request body is empty');
  try {
    if (type.includes('yaml')) return parseYaml(text, { maxAliasCount: 100 });
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(
      `the request body is not valid ${type.includes('yaml') ? 'YAML' : 'JSON'}: ${(error as Error).message}`,
    );
  }
}

/** Writes a JSON response. */
export function sendJson(res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Writes any error as a Kubernetes Status; unexpected errors become a 500 Status, never a crash. */
export function sendError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const status =
    error instanceof StatusError
      ? error
      : new StatusError(500, 'InternalError', `Internal error occurred: ${(error as Error)?.message ?? String(error)}`);
  sendJson(res, status.code, status.toStatus());
}
