import type { OpspilotConfig } from '@opspilot/config';
import { durationToMs, type MetricResult, systemClock } from '@opspilot/core';
import {
  createFederatedMetrics,
  createMetricsSampler,
  createPrometheusClient,
  type FederatedMetrics,
  type MetricsAnswer,
  type MetricUnit,
} from '@opspilot/observe';
import { openGateway } from '../clusterAccess.js';

/** The id reported for the one cluster the CLI talks to (it may not be registered). */
const LOCAL_ID = '00000000-0000-4000-8000-000000000000';

/**
 * The metrics the CLI can reach on its own: `prometheus.url` when configured (PromQL, ranges), else one sample of
 * the cluster's metrics.k8s.io taken now (named CPU and memory queries only, as `kubectl top`).
 */
export async function localMetrics(
  config: OpspilotConfig,
  io: { cwd: string; env: Record<string, string | undefined> },
): Promise<FederatedMetrics> {
  const p = config.prometheus;
  if (p.url) {
    const auth = p.bearer_token
      ? ({ type: 'bearer', token: p.bearer_token } as const)
      : p.username && p.password
        ? ({ type: 'basic', username: p.username, password: p.password } as const)
        : ({ type: 'none' } as const);
    const prometheus = createPrometheusClient({ url: p.url, auth, timeoutMs: p.timeout_ms });
    return createFederatedMetrics({
      clusters: () => [{ id: LOCAL_ID, name: 'prometheus', prometheus }],
      limits: {
        maxSeries: p.max_series,
        maxPointsPerSeries: p.max_points,
        maxRangeSeconds: durationToMs(p.max_range as never) / 1000,
        minStepSeconds: 1,
      },
    });
  }
  const gateway = openGateway(config, io);
  const sampler = createMetricsSampler({ clock: systemClock, sources: gateway });
  await sampler.sampleOnce();
  return createFederatedMetrics({ clusters: () => [{ id: LOCAL_ID, name: gateway.config.cluster, sampler }] });
}

/** A value in its unit as people read it: `1.2Gi`, `250m` cores, `4.1%`, `3.2/s`. */
export function formatValue(raw: string, unit: MetricUnit | undefined): string {
  const v = Number(raw);
  if (!Number.isFinite(v)) return raw;
  switch (unit) {
    case 'bytes': {
      const units = ['', 'Ki', 'Mi', 'Gi', 'Ti'];
      let n = v;
      let i = 0;
      while (Math.abs(n) >= 1024 && i < units.length - 1) {
        n /= 1024;
        i++;
      }
      return `${i === 0 ? n.toFixed(0) : n.toFixed(1)}${units[i]}`;
    }
    case 'cores':
      return `${Math.round(v * 1000)}m`;
    case 'ratio':
      return `${(v * 100).toFixed(2)}%`;
    case 'per_second':
      return `${v.toFixed(2)}/s`;
    default:
      return Number.isInteger(v) ? String(v) : v.toPrecision(4);
  }
}

const labelText = (metric: Record<string, string>) => {
  const entries = Object.entries(metric);
  return entries.length === 0 ? '{}' : entries.map(([k, v]) => `${k}=${v}`).join(',');
};

/** An answer as rows: CLUSTER STATUS SERIES VALUE (instant) or LAST MIN MAX POINTS (range), failures as notes. */
export function answerRows(answer: MetricsAnswer): { rows: string[][]; notes: string[] } {
  const unit = answer.named?.unit;
  const range = answer.results.some((r) => r.result_type === 'MATRIX');
  const rows: string[][] = [
    range ? ['CLUSTER', 'SERIES', 'LAST', 'MIN', 'MAX', 'POINTS'] : ['CLUSTER', 'SERIES', 'VALUE'],
  ];
  const notes: string[] = [];
  for (const r of answer.results as MetricResult[]) {
    if (r.error) notes.push(`${r.status}: ${r.error}`);
    for (const s of r.data) {
      const values = s.values.map(([, v]) => Number(v)).filter(Number.isFinite);
      const last = s.values.at(-1)?.[1] ?? '';
      rows.push(
        range
          ? [
              r.cluster_name,
              labelText(s.metric),
              formatValue(last, unit),
              formatValue(String(Math.min(...values)), unit),
              formatValue(String(Math.max(...values)), unit),
              String(s.values.length),
            ]
          : [r.cluster_name, labelText(s.metric), formatValue(last, unit)],
      );
    }
  }
  return { rows, notes };
}
