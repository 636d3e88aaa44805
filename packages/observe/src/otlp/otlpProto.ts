import protobuf from 'protobufjs';

/**
 * The messages of an OTLP trace export (`opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest` and what it
 * contains), written from the field numbers of the official definitions in opentelemetry-proto (v1, stable). Only the
 * fields opspilot reads are declared; protobuf skips the others, so newer senders still decode. `RpcStatus` is
 * `google.rpc.Status` without its details.
 * @see https://github.com/open-telemetry/opentelemetry-proto/blob/main/opentelemetry/proto/trace/v1/trace.proto
 */
const OTLP_TRACE_PROTO = `
syntax = "proto3";
package otlp;
message AnyValue {
  oneof value {
    string string_value = 1;
    bool bool_value = 2;
    int64 int_value = 3;
    double double_value = 4;
    ArrayValue array_value = 5;
    KeyValueList kvlist_value = 6;
    bytes bytes_value = 7;
  }
}
message ArrayValue { repeated AnyValue values = 1; }
message KeyValueList { repeated KeyValue values = 1; }
message KeyValue { string key = 1; AnyValue value = 2; }
message InstrumentationScope { string name = 1; string version = 2; repeated KeyValue attributes = 3; }
message Resource { repeated KeyValue attributes = 1; }
message Status { string message = 2; int32 code = 3; }
message Event { fixed64 time_unix_nano = 1; string name = 2; repeated KeyValue attributes = 3; }
message Span {
  bytes trace_id = 1;
  bytes span_id = 2;
  bytes parent_span_id = 4;
  string name = 5;
  int32 kind = 6;
  fixed64 start_time_unix_nano = 7;
  fixed64 end_time_unix_nano = 8;
  repeated KeyValue attributes = 9;
  repeated Event events = 11;
  Status status = 15;
}
message ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
message ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
message ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
message ExportTracePartialSuccess { int64 rejected_spans = 1; string error_message = 2; }
message ExportTraceServiceResponse { ExportTracePartialSuccess partial_success = 1; }
message RpcStatus { int32 code = 1; string message = 2; }
`;

const root = protobuf.parse(OTLP_TRACE_PROTO, { keepCase: false }).root;

/** `ExportTraceServiceRequest`, to decode (and, for tests and the simulated cluster, encode) protobuf bodies. */
export const ExportTraceServiceRequestType = root.lookupType('otlp.ExportTraceServiceRequest');
/** `ExportTraceServiceResponse`, the answer of a protobuf export. */
export const ExportTraceServiceResponseType = root.lookupType('otlp.ExportTraceServiceResponse');

const RpcStatusType = root.lookupType('otlp.RpcStatus');

/** gRPC codes of the HTTP statuses a receiver answers with (OTLP/HTTP maps them this way). */
const GRPC_CODE: Record<number, number> = { 400: 3, 401: 16, 403: 7, 404: 5, 413: 8, 415: 3, 429: 8, 503: 14 };

/**
 * The body of a failed protobuf export: a `google.rpc.Status` (the gRPC code of `httpStatus`, and the message), as
 * OTLP/HTTP answers binary requests.
 * @see https://opentelemetry.io/docs/specs/otlp/#failures-1
 */
export function encodeRpcStatus(httpStatus: number, message: string): Uint8Array {
  return RpcStatusType.encode(RpcStatusType.create({ code: GRPC_CODE[httpStatus] ?? 13, message })).finish();
}

/** Reads a `google.rpc.Status` body (tests, and exporters written against opspilot). */
export function decodeRpcStatus(body: Uint8Array): { code: number; message: string } {
  const status = RpcStatusType.toObject(RpcStatusType.decode(body), { defaults: true }) as {
    code: number;
    message: string;
  };
  return { code: status.code, message: status.message };
}
