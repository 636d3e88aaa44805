import type { Registry } from 'prom-client';
import { podUsage } from '../behaviour/usageModel.js';
import { imageRegistryOf } from '../controllers/imageRegistry.js';
import { counterFamily, gaugeFamily } from './metricFamilies.js';
import { listKind, type ScrapeContext } from './scrapeContext.js';

type Json = Record<string, unknown>;

/**
 * What the simulated applications would expose themselves: `http_requests_total` by status code (error bursts
 * show up as `code="500"`) and the current request rate, per pod of every image that serves HTTP.
 * @see https://prometheus.io/docs/practices/instrumentation/#online-serving-systems
 */
export function appSeries(registry: Registry, ctx: ScrapeContext): void {
  const labels = ['namespace', 'pod', 'container', 'app', 'code'];
  const requests = counterFamily(registry, 'http_requests_total', 'HTTP requests answered, by status code.', labels);
  const inFlight = gaugeFamily(registry, 'http_requests_per_second', 'HTTP requests per second over the last 15 s.', [
    'namespace',
    'pod',
    'container',
    'app',
  ]);
  for (const pod of listKind(ctx, '', 'v1', 'pods')) {
    if ((pod.status as Json | undefined)?.phase !== 'Running') continue;
    const app = pod.metadata.labels?.app ?? pod.metadata.labels?.['app.kubernetes.io/name'] ?? '';
    for (const u of podUsage(pod, ctx.now, ctx.anomalies, imageRegistryOf(ctx.store))) {
      if (u.requestsPerSecond === 0) continue;
      const base = { namespace: pod.metadata.namespace ?? '', pod: pod.metadata.name, container: u.container, app };
      requests({ ...base, code: '200' }, u.requestsTotal - u.errorsTotal);
      requests({ ...base, code: '500' }, u.errorsTotal);
      inFlight(base, u.requestsPerSecond);
    }
  }
}
