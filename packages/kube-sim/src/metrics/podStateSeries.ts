import type { Registry } from 'prom-client';
import { parseQuantity } from '../controllers/quantity.js';
import { counterFamily, gaugeFamily } from './metricFamilies.js';
import { listKind, type ScrapeContext } from './scrapeContext.js';

type Json = Record<string, unknown>;

const PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'];

/**
 * kube-state-metrics pod series: `kube_pod_info`, `kube_pod_status_phase`, `kube_pod_status_ready`,
 * `kube_pod_container_status_{ready,restarts_total,waiting_reason,last_terminated_reason}` and
 * `kube_pod_container_resource_{requests,limits}`.
 * @see https://github.com/kubernetes/kube-state-metrics/blob/main/docs/metrics/workload/pod-metrics.md
 */
export function podStateSeries(registry: Registry, ctx: ScrapeContext): void {
  const pod = ['namespace', 'pod', 'uid'];
  const container = [...pod, 'container'];
  const info = gaugeFamily(registry, 'kube_pod_info', 'Information about pod.', [
    ...pod,
    'node',
    'pod_ip',
    'host_ip',
    'created_by_kind',
    'created_by_name',
  ]);
  const phase = gaugeFamily(registry, 'kube_pod_status_phase', 'The pods current phase.', [...pod, 'phase']);
  const ready = gaugeFamily(
    registry,
    'kube_pod_status_ready',
    'Describes whether the pod is ready to serve requests.',
    [...pod, 'condition'],
  );
  const cReady = gaugeFamily(
    registry,
    'kube_pod_container_status_ready',
    'Describes whether the containers readiness check succeeded.',
    container,
  );
  const restarts = counterFamily(
    registry,
    'kube_pod_container_status_restarts_total',
    'The number of container restarts per container.',
    container,
  );
  const waiting = gaugeFamily(
    registry,
    'kube_pod_container_status_waiting_reason',
    'Describes the reason the container is currently in waiting state.',
    [...container, 'reason'],
  );
  const lastTerminated = gaugeFamily(
    registry,
    'kube_pod_container_status_last_terminated_reason',
    'Describes the last reason the container was in terminated state.',
    [...container, 'reason'],
  );
  const resource = [...container, 'node', 'resource', 'unit'];
  const requests = gaugeFamily(
    registry,
    'kube_pod_container_resource_requests',
    'The number of requested request resource by a container.',
    resource,
  );
  const limits = gaugeFamily(
    registry,
    'kube_pod_container_resource_limits',
    'The number of requested limit resource by a container.',
    resource,
  );
  for (const p of listKind(ctx, '', 'v1', 'pods')) {
    const status = (p.status as Json | undefined) ?? {};
    const spec = p.spec as Json;
    const ids = { namespace: p.metadata.namespace ?? '', pod: p.metadata.name, uid: p.metadata.uid ?? '' };
    const owner = p.metadata.ownerReferences?.[0];
    info(
      {
        ...ids,
        node: String(spec.nodeName ?? ''),
        pod_ip: String(status.podIP ?? ''),
        host_ip: String(status.hostIP ?? ''),
        created_by_kind: owner?.kind ?? '',
        created_by_name: owner?.name ?? '',
      },
      1,
    );
    for (const ph of PHASES) phase({ ...ids, phase: ph }, status.phase === ph ? 1 : 0);
    const readyCondition = ((status.conditions as Json[] | undefined) ?? []).find((c) => c.type === 'Ready');
    const readyValue = String(readyCondition?.status ?? 'Unknown').toLowerCase();
    for (const c of ['true', 'false', 'unknown']) ready({ ...ids, condition: c }, readyValue === c ? 1 : 0);
    for (const cs of (status.containerStatuses as Json[] | undefined) ?? []) {
      const l = { ...ids, container: String(cs.name) };
      cReady(l, cs.ready ? 1 : 0);
      restarts(l, Number(cs.restartCount ?? 0));
      const reason = ((cs.state as Json | undefined)?.waiting as Json | undefined)?.reason;
      if (reason) waiting({ ...l, reason: String(reason) }, 1);
      const last = ((cs.lastState as Json | undefined)?.terminated as Json | undefined)?.reason;
      if (last) lastTerminated({ ...l, reason: String(last) }, 1);
    }
    for (const c of (spec.containers as Json[] | undefined) ?? []) {
      const res = (c.resources as Json | undefined) ?? {};
      for (const [set, family] of [
        [res.requests, requests],
        [res.limits, limits],
      ] as const) {
        for (const [name, quantity] of Object.entries((set as Json | undefined) ?? {})) {
          const value = parseQuantity(quantity);
          if (value === undefined) continue;
          const unit = name === 'cpu' ? 'core' : name === 'memory' || name.includes('storage') ? 'byte' : 'integer';
          family({ ...ids, container: String(c.name), node: String(spec.nodeName ?? ''), resource: name, unit }, value);
        }
      }
    }
  }
}
