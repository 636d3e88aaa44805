import { describe, expect, it } from 'vitest';
import { mergeSeries } from '../metrics/fanOut.js';
import { createFederatedMetrics, type MetricsCluster } from '../metrics/federatedMetrics.js';
import { createPrometheusClient } from './prometheusClient.js';
import { readMatrixAnswer } from './readMatrixAnswer.js';
import { stringifyAnswer } from './stringifyAnswer.js';

const END = Date.parse('2026-01-01T12:00:00Z') / 1000;
const START = END - 3600;
const VALUES = ['0', '0.0123456789', 'NaN', '+Inf', '-Inf', '1e-05', '12345.678', '-0.5'];

/** A matrix answer as Prometheus writes it: 1 h at 15 s, a few series, one without samples. */
function body(cluster: number): string {
  const result = [];
  for (let s = 0; s < 4; s++) {
    const values: [number, string][] = [];
    if (s !== 3) for (let t = START; t <= END; t += 15) values.push([t, VALUES[(s + t + cluster) % VALUES.length]!]);
    result.push({ metric: { namespace: 'todo', pod: `backend-${cluster}-${s}`, container: 'app' }, values });
  }
  return JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } });
}

const uuid = (i: number) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;

async function federated() {
  const clusters: MetricsCluster[] = [0, 1].map((i) => ({
    id: uuid(i),
    name: `cluster-${i}`,
    prometheus: createPrometheusClient({
      url: `http://cluster-${i}`,
      fetch: async () => new Response(body(i), { headers: { 'content-type': 'application/json' } }),
    }),
  }));
  const metrics = createFederatedMetrics({ clusters: () => clusters });
  const answer = await metrics.range('sum by (namespace, pod, container) (rate(x[5m]))', {
    start_time: new Date(START * 1000).toISOString(),
    end_time: new Date(END * 1000).toISOString(),
    step: '15s',
  });
  return { ...answer, series: mergeSeries(answer.results) };
}

const isPacked = (series: object) => typeof Object.getOwnPropertyDescriptor(series, 'values')?.get === 'function';

describe('stringifyAnswer', () => {
  it('writes a federated answer byte for byte as JSON.stringify of its pairs, without making them', async () => {
    const answer = await federated();
    expect(answer.status).toBe('SUCCESS');
    expect(answer.series).toHaveLength(8);
    const written = stringifyAnswer(answer);
    expect(answer.series.every(isPacked)).toBe(true);
    expect(answer.results.every((r) => r.data.every(isPacked))).toBe(true);
    // JSON.stringify reads `values`, which makes the pairs: the reference.
    expect(written).toBe(JSON.stringify(answer));
    expect(answer.series.some(isPacked)).toBe(false);
    // Made pairs (and replaced ones) are written by JSON.stringify itself.
    answer.series[0]!.values = [[1, '2']];
    expect(stringifyAnswer(answer)).toBe(JSON.stringify(answer));
  });

  it('writes pair by pair where the text is not as JavaScript writes it', () => {
    const text =
      '{"status":"success","data":{"resultType":"matrix","result":[' +
      '{"metric":{"pod":"a"},"values":[[1767268800.50,"1"],[1.767268815e9,"2"],[1767268830,"3"]]},' +
      '{"metric":{"pod":"b"},"values":[[1767268800,"\ud800"],[1767268815,"\u2028x"]]},' +
      '{"metric":{"pod":"c"},"values":[]}]}}';
    const read = () => readMatrixAnswer(text)!;
    const written = stringifyAnswer(read());
    expect(written).toContain('[1767268800.5,"1"],[1767268815,"2"]');
    expect(written).toContain('"\\ud800"');
    expect(written).toBe(JSON.stringify(read()));
    expect(JSON.parse(written)).toEqual(JSON.parse(JSON.stringify(read())));
  });

  it('leaves strings that look like its marks and values that are not series alone', () => {
    const [a] = readMatrixAnswer(body(0))!.data.result;
    const value = {
      note: '\u0000packed-0-0',
      a,
      list: [a, null, 1, 'x', { metric: {}, values: [] }],
      extra: Object.assign(Object.create(null), { metric: { pod: 'x' }, values: [[1, '1']], more: true }),
    };
    const written = stringifyAnswer(value);
    expect(written).toBe(JSON.stringify(value));
    expect(stringifyAnswer(undefined)).toBe(JSON.stringify(undefined));
    expect(stringifyAnswer('x')).toBe('"x"');
  });
});
