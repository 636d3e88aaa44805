import { InputError, type SpanKind, type SpanRecord, type SpanStatus } from '@opspilot/core';
import { z } from 'zod';
import { ExportTraceServiceRequestType } from './otlpProto.js';
import { attributesInto, type OtlpKeyValue, storable } from './otlpValues.js';

/** The OTLP/HTTP content types of a trace export. */
export type OtlpEncoding = 'protobuf' | 'json';

const KINDS: SpanKind[] = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];
const STATUSES: SpanStatus[] = ['UNSET', 'OK', 'ERROR'];
const Nanos = z.union([z.string().regex(/^\d{1,20}$/, 'expected unix nanoseconds'), z.number().int().min(0)]);
const Id = z.union([z.string(), z.instanceof(Uint8Array)]);
const KeyValues = z.array(z.object({ key: z.string().optional(), value: z.unknown().optional() }).loose()).optional();
const Enum = (names: string[], prefix: string) =>
  z.union([z.number().int(), z.string().transform((s) => names.indexOf(s.replace(prefix, '')))]).optional();

const OtlpSpan = z
  .object({
    traceId: Id,
    spanId: Id,
    parentSpanId: Id.optional(),
    name: z.string().default(''),
    kind: Enum(KINDS, 'SPAN_KIND_'),
    startTimeUnixNano: Nanos,
    endTimeUnixNano: Nanos,
    attributes: KeyValues,
    events: z
      .array(z.object({ timeUnixNano: Nanos.optional(), name: z.string().default(''), attributes: KeyValues }).loose())
      .optional(),
    status: z
      .object({ code: Enum(STATUSES, 'STATUS_CODE_'), message: z.string().optional() })
      .loose()
      .optional(),
  })
  .loose();

const ScopeSpans = z.object({ spans: z.array(OtlpSpan).default([]) }).loose();
const ResourceSpans = z
  .object({
    resource: z.object({ attributes: KeyValues }).loose().optional(),
    scopeSpans: z.array(ScopeSpans).optional(),
    /** Before OTLP 0.15 (`instrumentation_library_spans`, the same field number). */
    instrumentationLibrarySpans: z.array(ScopeSpans).optional(),
  })
  .loose();

/** An `ExportTraceServiceRequest` in OTLP/JSON (or decoded from protobuf with the same field names). */
export const ExportTraceServiceRequest = z.object({ resourceSpans: z.array(ResourceSpans).default([]) }).loose();
export type ExportTraceServiceRequest = z.infer<typeof ExportTraceServiceRequest>;

/** How OTLP/JSON ids are written: hex per the specification, or base64 as Tempo's trace-by-id answer has them. */
export type IdEncoding = 'hex' | 'base64';

interface DecodeContext {
  ids: IdEncoding;
}

function idText(value: string | Uint8Array, ctx: DecodeContext): string {
  if (typeof value !== 'string') return Buffer.from(value).toString('hex');
  return ctx.ids === 'base64' && !/^[0-9a-fA-F]{16,32}$/.test(value)
    ? Buffer.from(value, 'base64').toString('hex')
    : value.toLowerCase();
}

function hexId(
  value: string | Uint8Array,
  bytes: number,
  where: string,
  optional: boolean,
  ctx: DecodeContext,
): string | undefined {
  const hex = idText(value, ctx);
  if (hex === '' && optional) return undefined;
  if (!new RegExp(`^[0-9a-f]{${bytes * 2}}$`).test(hex) || /^0+$/.test(hex)) {
    throw new InputError(`${where}: expected ${bytes} bytes (${bytes * 2} hex digits, not all zero), got "${hex}"`, {
      hint: 'OTLP/JSON writes trace and span ids as hex strings, not base64',
    });
  }
  return hex;
}

const micros = (nanos: string | number) => Number(BigInt(nanos) / 1000n);

function toRecords(request: ExportTraceServiceRequest, ctx: DecodeContext): SpanRecord[] {
  const out: SpanRecord[] = [];
  request.resourceSpans.forEach((rs, r) => {
    const resource: Record<string, string> = {};
    attributesInto(resource, rs.resource?.attributes as OtlpKeyValue[] | undefined);
    const service = resource['service.name'] || 'unknown_service';
    const cluster = resource['k8s.cluster.name'];
    [...(rs.scopeSpans ?? []), ...(rs.instrumentationLibrarySpans ?? [])].forEach((ss, s) => {
      ss.spans.forEach((span, i) => {
        const where = `resourceSpans[${r}].scopeSpans[${s}].spans[${i}]`;
        const start = micros(span.startTimeUnixNano);
        const end = micros(span.endTimeUnixNano);
        if (end < start) throw new InputError(`${where}: endTimeUnixNano is before startTimeUnixNano`);
        const tags = { ...resource };
        attributesInto(tags, span.attributes as OtlpKeyValue[] | undefined);
        const status = STATUSES[span.status?.code ?? 0] ?? 'UNSET';
        if (status === 'ERROR') tags.error = 'true';
        if (span.status?.message) tags['otel.status_description'] = storable(span.status.message);
        const kind = KINDS[span.kind ?? 0] ?? 'UNSPECIFIED';
        if (kind !== 'UNSPECIFIED') tags['span.kind'] = kind.toLowerCase();
        const parent =
          span.parentSpanId === undefined ? undefined : hexId(span.parentSpanId, 8, `${where}.parentSpanId`, true, ctx);
        out.push({
          trace_id: hexId(span.traceId, 16, `${where}.traceId`, false, ctx) as string,
          span_id: hexId(span.spanId, 8, `${where}.spanId`, false, ctx) as string,
          ...(parent ? { parent_span_id: parent } : {}),
          service_name: service,
          operation_name: storable(span.name),
          kind,
          start_unix_us: start,
          duration_us: end - start,
          status,
          tags,
          logs: (span.events ?? []).map((e) => {
            const attrs: Record<string, string> = {};
            attributesInto(attrs, e.attributes as OtlpKeyValue[] | undefined);
            const detail = Object.entries(attrs).map(([k, v]) => `${k}=${v}`);
            return {
              timestamp: new Date(Math.floor(micros(e.timeUnixNano ?? span.startTimeUnixNano) / 1000)).toISOString(),
              message: storable([e.name, ...detail].join(' ')),
            };
          }),
          ...(cluster ? { cluster_name: cluster } : {}),
        });
      });
    });
  });
  return out;
}

function decodeProtobuf(body: Uint8Array): unknown {
  try {
    const message = ExportTraceServiceRequestType.decode(body);
    return ExportTraceServiceRequestType.toObject(message, { longs: String, enums: Number, defaults: false });
  } catch (error) {
    throw new InputError(`the body is not an OTLP protobuf ExportTraceServiceRequest: ${(error as Error).message}`, {
      hint: 'send Content-Type: application/x-protobuf with an encoded ExportTraceServiceRequest',
      cause: error,
    });
  }
}

function decodeJson(body: unknown): unknown {
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) return body;
  try {
    return JSON.parse(typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));
  } catch (error) {
    throw new InputError(`the body is not JSON: ${(error as Error).message}`, {
      hint: 'send Content-Type: application/json with an OTLP/JSON ExportTraceServiceRequest',
    });
  }
}

/**
 * Decodes an OTLP/HTTP trace export (protobuf, or JSON as text, bytes or an already parsed value) into span records.
 * Every span is checked (16-byte trace ids, 8-byte span ids, end not before start); the first problem is an
 * `InputError` naming the span, so a caller can refuse the whole export and store nothing. `ids: 'base64'` also
 * accepts base64 ids in JSON (Tempo writes them so).
 * @see https://opentelemetry.io/docs/specs/otlp/#otlphttp
 */
export function decodeOtlpTraces(body: unknown, encoding: OtlpEncoding, ids: IdEncoding = 'hex'): SpanRecord[] {
  const raw = encoding === 'protobuf' ? decodeProtobuf(body as Uint8Array) : decodeJson(body);
  const parsed = ExportTraceServiceRequest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `not an OTLP ExportTraceServiceRequest: ${issue?.path.join('.') || '(body)'}: ${issue?.message}`,
      { hint: 'see https://opentelemetry.io/docs/specs/otlp/ for the message format' },
    );
  }
  return toRecords(parsed.data, { ids });
}
