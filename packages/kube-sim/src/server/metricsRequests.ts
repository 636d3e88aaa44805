import { apiVersionOf } from '../api/resourceTypes.js';
import { notFound, StatusError } from '../api/statusError.js';
import { parseLabelSelector } from '../store/selectors.js';
import type { ApiContext, ResourceCall } from './apiContext.js';
import { sendJson } from './httpIo.js';

/**
 * `metrics.k8s.io/v1beta1` PodMetrics and NodeMetrics, read-only, from the behaviour model's hooks (what
 * `kubectl top` reads), with label selectors.
 * @see https://kubernetes.io/docs/tasks/debug/debug-cluster/resource-metrics-pipeline/
 */
export function metricsRequest(ctx: ApiContext, call: ResourceCall): void {
  const { type, namespace, name } = call.target;
  if (call.method !== 'GET') {
    throw new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
  }
  const labels = parseLabelSelector(call.url.searchParams.get('labelSelector') ?? undefined);
  const all = type.kind === 'PodMetrics' ? ctx.hooks.podMetrics(namespace) : ctx.hooks.nodeMetrics();
  const items = all.filter((m) => labels(m.metadata.labels));
  if (name) {
    const found = items.find((i) => i.metadata.name === name);
    if (!found) throw notFound(type.kind.toLowerCase(), namespace ? `${namespace}/${name}` : name, type.group);
    sendJson(call.res, 200, found);
    return;
  }
  sendJson(call.res, 200, { kind: `${type.kind}List`, apiVersion: apiVersionOf(type), metadata: {}, items });
}
