import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { badRequest, StatusError } from '../api/statusError.js';
import { decodeProtobufObject } from '../protobuf/decodeProtobufObject.js';
import { checkJsonDepth, checkValueDepth, checkYamlDepth, isStackOverflow, tooDeep } from './nestingDepth.js';

/**
 * Largest request body accepted, as on a real API server (3 MiB).
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/**
 * Reads a request body up to {@link MAX_BODY_BYTES}; larger bodies are a 413 (the rest is drained, not stored).
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) {
    throw new StatusError(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${MAX_BODY_BYTES}`);
  }
  return Buffer.concat(chunks);
}

const BODY_TYPES = 'application/json, application/yaml, application/vnd.kubernetes.protobuf';

/**
 * Decodes a body by its Content-Type: JSON (the default), YAML, or Kubernetes protobuf (what imperative
 * `kubectl create deployment|secret|…` sends; decoded by {@link decodeProtobufObject}, a clear 415 for kinds it has
 * no schema for); other types are a 415 as on a real server. A body nested deeper than `MAX_NESTING_DEPTH`
 * levels is a 400, checked before decoding (JSON, YAML) or after it (protobuf, whose schemas bound the recursion).
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#protobuf-encoding
 */
export function decodeBody(contentType: string | undefined, body: Buffer): unknown {
  const type = (contentType ?? 'application/json').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/vnd.kubernetes.protobuf') {
    const decoded = decodeProtobufObject(body);
    checkValueDepth(decoded, 'protobuf');
    return decoded;
  }
  const yaml = type === 'application/yaml' || type.endsWith('+yaml');
  if (!yaml && type !== 'application/json' && !type.endsWith('+json') && type !== '') {
    throw new StatusError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: ${BODY_TYPES}`,
    );
  }
  const text = body.toString('utf8');
  if (text.trim() === '') throw badRequest('the request body is empty');
  const format = yaml ? 'YAML' : 'JSON';
  if (yaml) checkYamlDepth(text);
  else checkJsonDepth(text);
  let decoded: unknown;
  try {
    decoded = yaml ? parseYaml(text, { maxAliasCount: 100 }) : JSON.parse(text);
  } catch (error) {
    if (isStackOverflow(error)) throw tooDeep(format);
    const message = (error as Error).message.split('\n')[0];
    throw badRequest(`the request body is not valid ${format}: ${message}`);
  }
  checkValueDepth(decoded, format);
  return decoded;
}

/**
 * Adds `Warning` headers (`299 - "unknown field \"spec.replica\""`), which kubectl prints as `Warning: …`. Text
 * beyond ASCII goes out as raw UTF-8 bytes, as the Go API server sends it (Node refuses such header strings).
 * @see https://kubernetes.io/blog/2020/09/03/warnings/
 */
export function setWarnings(res: ServerResponse, warnings: string[]): void {
  if (warnings.length > 0)
    res.setHeader(
      'Warning',
      warnings.map((w) => Buffer.from(`299 - ${JSON.stringify(w)}`, 'utf8').toString('latin1')),
    );
}

/**
 * Writes a JSON response (YAML when `yaml` is set and the body is not a Status).
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  contentType = 'application/json',
  yaml = false,
): void {
  const text = yaml ? toYaml(body) : JSON.stringify(body);
  const type = yaml ? 'application/yaml' : contentType;
  res.writeHead(code, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Writes any error as a Kubernetes Status; unexpected errors become a 500 InternalError Status, never a crash. A
 * response already streaming is just ended.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/
 */
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
