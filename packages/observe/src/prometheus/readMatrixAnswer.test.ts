import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMatrixAnswer } from './readMatrixAnswer.js';
import { readQueryData } from './readQueryData.js';

/** What the generic path reads: `JSON.parse`, then the shape check. */
function generic(text: string) {
  const json = JSON.parse(text) as { data: unknown; warnings?: string[] };
  const read = readQueryData(json.data);
  if (!read.ok) throw new Error(read.where);
  return { data: read.data, warnings: json.warnings ?? [] };
}

const labels = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('a"b', 'x\\y', 'line\nbreak', '{}[],:', 'é✓', '')),
  { maxKeys: 5 },
);
const value = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer().map(String),
  fc.constantFrom('NaN', '+Inf', '-Inf', '0', '1', '0.5', '1e-7', '123456789012.125'),
);
const time = fc.oneof(
  fc.integer({ min: 0, max: 4_000_000_000 }),
  fc.double({ min: 0, max: 4e9, noNaN: true }).map((t) => Math.round(t * 1000) / 1000),
);
const series = fc.record({ metric: labels, values: fc.array(fc.tuple(time, value), { maxLength: 8 }) });

describe('readMatrixAnswer', () => {
  it('reads any range answer as Prometheus writes it exactly as JSON.parse and the shape check do', () => {
    fc.assert(
      fc.property(
        fc.array(series, { maxLength: 6 }),
        fc.option(fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 }), { nil: undefined }),
        (result, warnings) => {
          const text = JSON.stringify({
            status: 'success',
            data: { resultType: 'matrix', result },
            ...(warnings ? { warnings } : {}),
          });
          expect(readMatrixAnswer(text)).toEqual(generic(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('shares the timestamps of a grid and short values between series without changing them', () => {
    const text = JSON.stringify({
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          {
            metric: { pod: 'a' },
            values: [
              [1767268800, '0'],
              [1767268815, '0.5'],
            ],
          },
          {
            metric: { pod: 'b' },
            values: [
              [1767268800, '0'],
              [1767268815.5, '0.123456789012345'],
            ],
          },
        ],
      },
    });
    expect(readMatrixAnswer(text)?.data.result.map((s) => s.values)).toEqual([
      [
        [1767268800, '0'],
        [1767268815, '0.5'],
      ],
      [
        [1767268800, '0'],
        [1767268815.5, '0.123456789012345'],
      ],
    ]);
  });

  it.each([
    ['another result type', '{"status":"success","data":{"resultType":"vector","result":[]}}'],
    ['an error', '{"status":"error","errorType":"bad_data","error":"parse error"}'],
    ['whitespace', '{"status": "success", "data": {"resultType": "matrix", "result": []}}'],
    ['another key order', '{"status":"success","data":{"resultType":"matrix","result":[{"values":[],"metric":{}}]}}'],
    [
      'a number sample value',
      '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,2]]}]}}',
    ],
    [
      'a label that is not a string',
      '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":1},"values":[]}]}}',
    ],
    [
      'an escaped sample value',
      '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"\\u0031"]]}]}}',
    ],
    ['a cut body', '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"1"]'],
    [
      'a hex timestamp',
      '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[0x10,"1"]]}]}}',
    ],
    ['trailing text', '{"status":"success","data":{"resultType":"matrix","result":[]}}x'],
  ])('leaves %s to the generic path', (_, text) => {
    expect(readMatrixAnswer(text)).toBeUndefined();
  });
});
