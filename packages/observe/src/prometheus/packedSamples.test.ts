import { describe, expect, it } from 'vitest';
import { relabelled, sampleCount } from './packedSamples.js';
import { readMatrixAnswer } from './readMatrixAnswer.js';

const TEXT = JSON.stringify({
  status: 'success',
  data: {
    resultType: 'matrix',
    result: [
      {
        metric: { pod: 'a' },
        values: [
          [1767268800, '0'],
          [1767268815, 'NaN'],
        ],
      },
      { metric: { pod: 'b' }, values: [[1767268800.5, '+Inf']] },
      { metric: { pod: 'c' }, values: [] },
    ],
  },
});

const read = () => readMatrixAnswer(TEXT)!.data.result;

describe('packed samples', () => {
  it('look like plain series to JSON, spreading, keys and equality', () => {
    const plain = (JSON.parse(TEXT) as { data: { result: unknown[] } }).data.result;
    expect(JSON.parse(JSON.stringify(read()))).toEqual(plain);
    expect(read().map((s) => ({ ...s }))).toEqual(plain);
    expect(Object.keys(read()[0]!)).toEqual(['metric', 'values']);
    expect(read()).toEqual(plain);
  });

  it('are counted without being made, made once when read, and may be replaced', () => {
    const [a, b, c] = read();
    expect([a, b, c].map((s) => sampleCount(s!))).toEqual([2, 1, 0]);
    expect(Object.getOwnPropertyDescriptor(a, 'values')?.get).toBeTypeOf('function');
    const values = a!.values;
    expect(a!.values).toBe(values);
    expect(Object.getOwnPropertyDescriptor(a, 'values')?.value).toBe(values);
    b!.values = [[1, '2']];
    expect(b!.values).toEqual([[1, '2']]);
    expect(sampleCount(b!)).toBe(1);
  });

  it('are made once for a frozen series too', () => {
    const [a] = read();
    Object.freeze(a);
    const values = a!.values;
    expect(values).toEqual([
      [1767268800, '0'],
      [1767268815, 'NaN'],
    ]);
    expect(a!.values).toBe(values);
  });

  it('stay packed when relabelled, and relabelling a read series shares its pairs', () => {
    const [a, b] = read();
    const tagged = relabelled(a!, { ...a!.metric, cluster: 'x' });
    expect(Object.getOwnPropertyDescriptor(tagged, 'values')?.get).toBeTypeOf('function');
    expect(Object.getOwnPropertyDescriptor(a, 'values')?.get).toBeTypeOf('function');
    expect(tagged).toEqual({
      metric: { pod: 'a', cluster: 'x' },
      values: [
        [1767268800, '0'],
        [1767268815, 'NaN'],
      ],
    });
    const values = b!.values;
    expect(relabelled(b!, { pod: 'b2' }).values).toBe(values);
  });
});
