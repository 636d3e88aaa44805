import type { MetricResultType, MetricSeries } from '@opspilot/core';
import type { PromQueryData } from '../prometheus/prometheusResponse.js';

/** Prometheus's answer as seed 003 series: a vector sample becomes a one-pair `values`, a scalar one unlabelled series. */
export function toMetricSeries(data: PromQueryData): { resultType: MetricResultType; series: MetricSeries[] } {
  switch (data.resultType) {
    case 'matrix':
      return { resultType: 'MATRIX', series: data.result.map((s) => ({ metric: s.metric, values: s.values })) };
    case 'vector':
      return { resultType: 'VECTOR', series: data.result.map((s) => ({ metric: s.metric, values: [s.value] })) };
    case 'scalar':
      return { resultType: 'SCALAR', series: [{ metric: {}, values: [data.result] }] };
    case 'string':
      return { resultType: 'STRING', series: [{ metric: {}, values: [data.result] }] };
  }
}
