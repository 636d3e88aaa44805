import { InputError } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { decodeOtlpTraces } from './decodeOtlpTraces.js';
import { encodeOtlpTraces } from './encodeOtlpTraces.js';

const TRACE = '5b8efff798038103d269b633813fc60c';
const request = (spans: unknown[]) => ({
  resourceSpans: [
    {
      resource: {
        attributes: [
          { key: 'service.name', value: { stringValue: 'backend' } },
          { key: 'k8s.cluster.name', value: { stringValue: 'prod' } },
        ],
      },
      scopeSpans: [{ scope: { name: 'manual' }, spans }],
    },
  ],
});
const span = (overrides: Record<string, unknown> = {}) => ({
  traceId: TRACE,
  spanId: 'eee19b7ec3c1b174',
  parentSpanId: 'eee19b7ec3c1b173',
  name: 'GET /api/todos',
  kind: 2,
  startTimeUnixNano: '1544712660000000000',
  endTimeUnixNano: '1544712661250000000',
  attributes: [
    { key: 'http.response.status_code', value: { intValue: '500' } },
    { key: 'retry', value: { boolValue: true } },
    { key: 'ratio', value: { doubleValue: 0.5 } },
    { key: 'list', value: { arrayValue: { values: [{ stringValue: 'a' }, { intValue: 2 }] } } },
  ],
  events: [
    {
      timeUnixNano: '1544712660500000000',
      name: 'exception',
      attributes: [{ key: 'exception.message', value: { stringValue: 'boom' } }],
    },
  ],
  status: { code: 2, message: 'upstream failed' },
  ...overrides,
});

describe('decodeOtlpTraces', () => {
  it('reads OTLP/JSON spans with resource attributes, ids, times, status and events', () => {
    const [record] = decodeOtlpTraces(JSON.stringify(request([span()])), 'json');
    expect(record).toMatchObject({
      trace_id: TRACE,
      span_id: 'eee19b7ec3c1b174',
      parent_span_id: 'eee19b7ec3c1b173',
      service_name: 'backend',
      operation_name: 'GET /api/todos',
      kind: 'SERVER',
      start_unix_us: 1544712660000000,
      duration_us: 1_250_000,
      status: 'ERROR',
      cluster_name: 'prod',
      logs: [{ timestamp: '2018-12-13T14:51:00.500Z', message: 'exception exception.message=boom' }],
    });
    expect(record?.tags).toMatchObject({
      'http.response.status_code': '500',
      retry: 'true',
      ratio: '0.5',
      list: '["a","2"]',
      error: 'true',
      'span.kind': 'server',
      'otel.status_description': 'upstream failed',
      'service.name': 'backend',
    });
  });

  it('reads the same export encoded as protobuf', () => {
    const json = decodeOtlpTraces(request([span(), span({ spanId: '0000000000000001', parentSpanId: '' })]), 'json');
    const proto = decodeOtlpTraces(
      encodeOtlpTraces(request([span(), span({ spanId: '0000000000000001', parentSpanId: '' })])),
      'protobuf',
    );
    expect(proto).toEqual(json);
    expect(proto[1]?.parent_span_id).toBeUndefined();
  });

  it('accepts enum names and numbers as JSON numbers', () => {
    const [record] = decodeOtlpTraces(
      request([
        span({
          kind: 'SPAN_KIND_CLIENT',
          status: { code: 'STATUS_CODE_OK' },
          startTimeUnixNano: 1e15,
          endTimeUnixNano: 2e15,
        }),
      ]),
      'json',
    );
    expect(record).toMatchObject({ kind: 'CLIENT', status: 'OK', duration_us: 1e12 });
  });

  it.each([
    ['not JSON', '{"resourceSpans": [', /not JSON/],
    ['a wrong shape', JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ spanId: 'x' }] }] }] }), /traceId/],
    [
      'a base64 trace id',
      JSON.stringify(request([span({ traceId: 'W47/95gDgQPSabYzgT/GDA==' })])),
      /spans\[0\]\.traceId: expected 16 bytes/,
    ],
    ['an all-zero span id', JSON.stringify(request([span({ spanId: '0000000000000000' })])), /spanId/],
    ['an end before the start', JSON.stringify(request([span({ endTimeUnixNano: '1' })])), /before/],
  ])('refuses %s with the reason', (_what, body, reason) => {
    expect(() => decodeOtlpTraces(body, 'json')).toThrow(reason);
    expect(() => decodeOtlpTraces(body, 'json')).toThrow(InputError);
  });

  it('refuses bytes that are not an ExportTraceServiceRequest', () => {
    expect(() => decodeOtlpTraces(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]), 'protobuf')).toThrow(
      /not an OTLP protobuf ExportTraceServiceRequest/,
    );
  });
});
