import { NotFoundError, type ResourceUsage, UpstreamError } from '@opspilot/core';
import { z } from 'zod';
import { type GatewayContext, send } from './gatewayContext.js';
import { parseQuantity } from './parseQuantity.js';

const METRICS_API = '/apis/metrics.k8s.io/v1beta1';
const Usage = z.object({ cpu: z.string(), memory: z.string() }).loose();
const Meta = z.object({ name: z.string(), namespace: z.string().optional() }).loose();
const PodMetricsList = z.object({
  items: z.array(
    z.object({ metadata: Meta, containers: z.array(z.object({ usage: Usage }).loose()).default([]) }).loose(),
  ),
});
const NodeMetricsList = z.object({ items: z.array(z.object({ metadata: Meta, usage: Usage }).loose()) });

/**
 * CPU and memory in use by each pod (summed over its containers) from `metrics.k8s.io`, in a namespace or all.
 * @see https://kubernetes.io/docs/tasks/debug/debug-cluster/resource-metrics-pipeline/
 */
export async function podMetrics(
  ctx: GatewayContext,
  options: { namespace?: string; signal?: AbortSignal } = {},
): Promise<ResourceUsage[]> {
  const path = options.namespace
    ? `${METRICS_API}/namespaces/${encodeURIComponent(options.namespace)}/pods`
    : `${METRICS_API}/pods`;
  const list = parse(PodMetricsList, await fetchMetrics(ctx, path, 'pods', options));
  return list.items.map((pod) => ({
    ref: { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace },
    cpuMillicores: Math.round(pod.containers.reduce((sum, c) => sum + parseQuantity(c.usage.cpu), 0) * 1000),
    memoryBytes: Math.round(pod.containers.reduce((sum, c) => sum + parseQuantity(c.usage.memory), 0)),
  }));
}

/** CPU and memory in use by each node, from `metrics.k8s.io` (what `kubectl top nodes` shows). */
export async function nodeMetrics(
  ctx: GatewayContext,
  options: { signal?: AbortSignal } = {},
): Promise<ResourceUsage[]> {
  const list = parse(NodeMetricsList, await fetchMetrics(ctx, `${METRICS_API}/nodes`, 'nodes', options));
  return list.items.map((node) => ({
    ref: { kind: 'Node', name: node.metadata.name },
    cpuMillicores: Math.round(parseQuantity(node.usage.cpu) * 1000),
    memoryBytes: Math.round(parseQuantity(node.usage.memory)),
  }));
}

async function fetchMetrics(
  ctx: GatewayContext,
  path: string,
  resource: string,
  options: { namespace?: string; signal?: AbortSignal },
): Promise<unknown> {
  const info = {
    kind: resource === 'pods' ? 'PodMetrics' : 'NodeMetrics',
    apiVersion: 'metrics.k8s.io/v1beta1',
    plural: resource,
    namespaced: resource === 'pods',
  };
  try {
    return await send(
      ctx,
      { method: 'GET', path, signal: options.signal },
      { verb: 'list', info, namespace: options.namespace },
    );
  } catch (error) {
    if (error instanceof NotFoundError) {
      throw new NotFoundError('the metrics API (metrics.k8s.io) is not available on this cluster', {
        cause: error,
        hint: 'Install metrics-server (`kubectl top nodes` needs it too), then retry.',
      });
    }
    throw error;
  }
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new UpstreamError(`the metrics API answered something unexpected: ${parsed.error.message}`, {
    source: 'kubernetes',
    hint: 'Check the metrics server with `kubectl get --raw /apis/metrics.k8s.io/v1beta1/nodes`.',
  });
}
