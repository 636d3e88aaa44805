import { ExportTraceServiceRequestType } from './otlpProto.js';

const ID_FIELDS = new Set(['traceId', 'spanId', 'parentSpanId']);

function withIdBytes(value: unknown, key?: string): unknown {
  if (typeof value === 'string' && key && ID_FIELDS.has(key)) return Buffer.from(value, 'hex');
  if (Array.isArray(value)) return value.map((v) => withIdBytes(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withIdBytes(v, k)]));
  }
  return value;
}

/**
 * Encodes an OTLP/JSON `ExportTraceServiceRequest` (hex ids, nanoseconds as text) as the protobuf an OTLP exporter
 * sends with `Content-Type: application/x-protobuf` — for tests, benchmarks and the simulated cluster's emitter.
 */
export function encodeOtlpTraces(json: unknown): Uint8Array {
  const message = ExportTraceServiceRequestType.fromObject(withIdBytes(json) as Record<string, unknown>);
  return ExportTraceServiceRequestType.encode(message).finish();
}
