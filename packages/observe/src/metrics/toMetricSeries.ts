import type { MetricResultType, MetricSeries } from '@opspilot/core';
import { relabelled } from '../prometheus/packedSamples.js';
import type { PromQueryData } from '../prometheus/prometheusResponse.js';

/** Prometheus's answer as seed 003 series: a vector sample becomes a one-pair `values`, a scalar one unlabelled series. */
export function toMetricSeries(data: PromQueryData): { resultType: MetricResultType; series: MetricSeries[] } {
  switch (data.resultType) {
    case 'matrix':
      // The reader's series as they are (their samples may still be packed: see packedSamples).
      return { resultType: 'MATRIX', series: data.result.map((s) => relabelled(s, s.metric)) };
    case 'vector':
      return { resultType: 'VECTOR', series: data.result.map((s) => ({ metric: s.metric, values: [s.value] })) };
    case 'scalar':
      return { resultType: 'SCALAR', series: [{ metric: {}, values: [data.result] }] };
    case 'string':
      return { resultType: 'STRING', series: [{ metric: {}, values: [data.result] }] };
  }
}
