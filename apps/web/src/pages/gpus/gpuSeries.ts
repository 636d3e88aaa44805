import type { ChartSeries } from '../../components/TimeSeriesChart.js';

/** A named query's answer as the API sends it (the parts a GPU chart reads). */
export interface NamedAnswer {
  results: { data: { metric: Record<string, string>; values: [number, string][] }[] }[];
}

/**
 * The series of one node's GPUs in a named dcgm query's answer (`Hostname` = the node), one line per GPU labelled
 * `GPU <index>` and its holder when one holds it, sorted by index. A GPU whose holder changed shows as one line.
 */
export function gpuSeriesOf(answer: NamedAnswer | undefined, node: string): ChartSeries[] {
  const byGpu = new Map<string, ChartSeries & { index: number }>();
  for (const result of answer?.results ?? []) {
    for (const s of result.data) {
      if (s.metric.Hostname !== node) continue;
      const index = Number(s.metric.gpu ?? 0);
      const key = s.metric.UUID ?? String(index);
      const existing = byGpu.get(key);
      const label = `GPU ${index}${s.metric.pod ? ` (${s.metric.pod})` : ''}`;
      if (existing) existing.values = [...existing.values, ...s.values].sort((a, b) => a[0] - b[0]);
      else byGpu.set(key, { index, label, values: s.values });
    }
  }
  return [...byGpu.values()].sort((a, b) => a.index - b.index).map(({ label, values }) => ({ label, values }));
}
