import type { Registry } from 'prom-client';
import { parseQuantity } from '../controllers/quantity.js';
import { gaugeFamily } from './metricFamilies.js';
import { listKind, type ScrapeContext } from './scrapeContext.js';

type Json = Record<string, unknown>;

/**
 * kube-state-metrics series of nodes, namespaces and claims: `kube_node_info`, `kube_node_status_condition`,
 * `kube_node_status_allocatable`, `kube_node_spec_unschedulable`, `kube_namespace_status_phase`,
 * `kube_persistentvolumeclaim_status_phase`.
 * @see https://github.com/kubernetes/kube-state-metrics/tree/main/docs/metrics/cluster
 */
export function clusterStateSeries(registry: Registry, ctx: ScrapeContext): void {
  const info = gaugeFamily(registry, 'kube_node_info', 'Information about a cluster node.', [
    'node',
    'kubelet_version',
    'internal_ip',
  ]);
  const condition = gaugeFamily(registry, 'kube_node_status_condition', 'The condition of a cluster node.', [
    'node',
    'condition',
    'status',
  ]);
  const allocatable = gaugeFamily(
    registry,
    'kube_node_status_allocatable',
    'The allocatable for different resources of a node that are available for scheduling.',
    ['node', 'resource', 'unit'],
  );
  const unschedulable = gaugeFamily(registry, 'kube_node_spec_unschedulable', 'Whether a node can schedule new pods.', [
    'node',
  ]);
  for (const n of listKind(ctx, '', 'v1', 'nodes')) {
    const status = (n.status as Json | undefined) ?? {};
    const address = ((status.addresses as Json[] | undefined) ?? []).find((a) => a.type === 'InternalIP');
    const kubelet = (status.nodeInfo as Json | undefined)?.kubeletVersion;
    info(
      { node: n.metadata.name, kubelet_version: String(kubelet ?? ''), internal_ip: String(address?.address ?? '') },
      1,
    );
    for (const c of (status.conditions as Json[] | undefined) ?? []) {
      for (const s of ['true', 'false', 'unknown'])
        condition(
          { node: n.metadata.name, condition: String(c.type), status: s },
          String(c.status).toLowerCase() === s ? 1 : 0,
        );
    }
    for (const [resource, quantity] of Object.entries((status.allocatable as Json | undefined) ?? {})) {
      const value = parseQuantity(quantity);
      const unit = resource === 'cpu' ? 'core' : resource === 'pods' ? 'integer' : 'byte';
      if (value !== undefined) allocatable({ node: n.metadata.name, resource, unit }, value);
    }
    unschedulable({ node: n.metadata.name }, (n.spec as Json | undefined)?.unschedulable ? 1 : 0);
  }
  const nsPhase = gaugeFamily(registry, 'kube_namespace_status_phase', 'kubernetes namespace status phase.', [
    'namespace',
    'phase',
  ]);
  for (const ns of listKind(ctx, '', 'v1', 'namespaces')) {
    const phase = String((ns.status as Json | undefined)?.phase ?? 'Active');
    for (const p of ['Active', 'Terminating']) nsPhase({ namespace: ns.metadata.name, phase: p }, phase === p ? 1 : 0);
  }
  const pvcPhase = gaugeFamily(
    registry,
    'kube_persistentvolumeclaim_status_phase',
    'The phase the persistent volume claim is currently in.',
    ['namespace', 'persistentvolumeclaim', 'phase'],
  );
  for (const c of listKind(ctx, '', 'v1', 'persistentvolumeclaims')) {
    const phase = String((c.status as Json | undefined)?.phase ?? 'Pending');
    for (const p of ['Pending', 'Bound', 'Lost'])
      pvcPhase(
        { namespace: c.metadata.namespace ?? '', persistentvolumeclaim: c.metadata.name, phase: p },
        phase === p ? 1 : 0,
      );
  }
}
