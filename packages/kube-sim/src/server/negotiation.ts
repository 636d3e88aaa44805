import { StatusError } from '../api/statusError.js';

/**
 * How a response body is shaped, from the request's `Accept` header and `includeObject` parameter.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#alternate-representations-of-resources
 */
export interface ResponseFormat {
  /** `as=Table;v=v1;g=meta.k8s.io`: rows with kubectl's columns. */
  table: boolean;
  /** `as=PartialObjectMetadata(List)`: metadata only. */
  partialMetadata: boolean;
  /** What each Table row carries (`includeObject`, default `Metadata`). */
  includeObject: 'None' | 'Metadata' | 'Object';
  /** `application/yaml` asked for (plain reads only; watches always stream JSON). */
  yaml: boolean;
}

interface MediaRange {
  type: string;
  params: Record<string, string>;
}

function parseAccept(accept: string): MediaRange[] {
  return accept
    .split(',')
    .map((part) => {
      const [type = '', ...params] = part.split(';').map((p) => p.trim());
      const entries = params.map((p) => p.split('=').map((s) => s.trim()) as [string, string?]);
      return { type: type.toLowerCase(), params: Object.fromEntries(entries.map(([k, v]) => [k, v ?? ''])) };
    })
    .filter((m) => m.type !== '');
}

/** Media types answered (protobuf is asked for by many clients and answered with JSON, which they all accept). */
const SERVED = new Set([
  'application/json',
  'application/yaml',
  'application/vnd.kubernetes.protobuf',
  'application/*',
  '*/*',
]);

/**
 * Reads what the client accepts: the first media range the server can produce decides. Protobuf is answered as
 * JSON; an Accept naming nothing servable is a 406, as on a real server.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#alternate-representations-of-resources
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export function responseFormat(accept: string | undefined, includeObject: string | null): ResponseFormat {
  const include = includeObject ?? 'Metadata';
  if (include !== 'None' && include !== 'Metadata' && include !== 'Object') {
    throw new StatusError(
      400,
      'BadRequest',
      `includeObject: Unsupported value: "${include}": supported values: "None", "Metadata", "Object"`,
    );
  }
  const ranges = parseAccept(accept ?? '*/*');
  if (ranges.length === 0) return { table: false, partialMetadata: false, includeObject: include, yaml: false };
  for (const range of ranges) {
    if (!SERVED.has(range.type)) continue;
    const as = range.params.as;
    const meta = range.params.g === 'meta.k8s.io';
    if (as === 'Table' && meta) return { table: true, partialMetadata: false, includeObject: include, yaml: false };
    if ((as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') && meta) {
      return { table: false, partialMetadata: true, includeObject: include, yaml: false };
    }
    if (as !== undefined) continue;
    return { table: false, partialMetadata: false, includeObject: include, yaml: range.type === 'application/yaml' };
  }
  throw new StatusError(
    406,
    'NotAcceptable',
    `only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf`,
  );
}
