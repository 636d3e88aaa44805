import { Registry } from 'prom-client';
import { appSeries } from './appSeries.js';
import { cadvisorSeries } from './cadvisorSeries.js';
import { clusterStateSeries } from './clusterStateSeries.js';
import { dcgmSeries } from './dcgmSeries.js';
import { podStateSeries } from './podStateSeries.js';
import type { ScrapeContext } from './scrapeContext.js';
import { workloadStateSeries } from './workloadStateSeries.js';

/**
 * The Prometheus endpoints of the simulated cluster: `cadvisor` (container usage, as the kubelet's
 * `/metrics/cadvisor`), `kube-state` (object state, as kube-state-metrics) and `apps` (the applications' own HTTP
 * request series) and `dcgm` (GPU series, as NVIDIA's dcgm-exporter; empty without GPU nodes).
 */
export const EXPOSITION_TARGETS = ['cadvisor', 'kube-state', 'apps', 'dcgm'] as const;
export type ExpositionTarget = (typeof EXPOSITION_TARGETS)[number];

/**
 * Renders one endpoint in the Prometheus text format (version 0.0.4) from the cluster state at `ctx.now`.
 * @see https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
 */
export async function exposition(
  target: ExpositionTarget,
  ctx: ScrapeContext,
): Promise<{ contentType: string; text: string }> {
  const registry = new Registry();
  if (target === 'cadvisor') cadvisorSeries(registry, ctx);
  else if (target === 'apps') appSeries(registry, ctx);
  else if (target === 'dcgm') dcgmSeries(registry, ctx);
  else {
    podStateSeries(registry, ctx);
    workloadStateSeries(registry, ctx);
    clusterStateSeries(registry, ctx);
  }
  return { contentType: registry.contentType, text: await registry.metrics() };
}
