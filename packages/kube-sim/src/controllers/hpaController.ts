import type { ResourceType } from '../api/resourceTypes.js';
import { scaleOf } from '../server/scaleSubresource.js';
import type { SimHooks } from '../server/simHooks.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ControllerContext } from './controllerContext.js';
import { eventOnce } from './eventOnce.js';
import { type HpaMemory, normalize, recordScale, type ScalingRules } from './hpaBehavior.js';
import { type MetricProposal, type MetricTarget, type PodSample, proposeReplicas } from './hpaReplicas.js';
import { unversioned } from './ownership.js';
import { parseQuantity } from './quantity.js';

type Json = Record<string, unknown>;
interface HpaSpec {
  scaleTargetRef: { apiVersion?: string; kind: string; name: string };
  minReplicas?: number;
  maxReplicas: number;
  metrics?: Json[];
  behavior?: { scaleUp?: ScalingRules; scaleDown?: ScalingRules };
}

const SOURCE = 'horizontal-pod-autoscaler';
/** How often the HPA controller looks at each autoscaler (the real `--horizontal-pod-autoscaler-sync-period`). */
export const HPA_SYNC_MS = 15_000;

function condition(type: string, status: boolean, reason: string, message: string, now: string, old?: Json[]): Json {
  const previous = old?.find((c) => c.type === type);
  const s = status ? 'True' : 'False';
  return {
    type,
    status: s,
    lastTransitionTime: previous?.status === s ? previous.lastTransitionTime : now,
    reason,
    message,
  };
}

function setReplicas(type: ResourceType, obj: KubeObject, replicas: number): KubeObject {
  const copy = unversioned(obj);
  const path = (type.scale?.specReplicasPath ?? '.spec.replicas').replace(/^\./, '').split('.');
  let cur = copy as unknown as Json;
  for (const part of path.slice(0, -1)) {
    if (typeof cur[part] !== 'object' || cur[part] === null) cur[part] = {};
    cur = cur[part] as Json;
  }
  cur[path[path.length - 1]!] = replicas;
  return copy;
}

/** Per-pod samples of a resource: usage from the metrics API, requests from the pod spec (milli-units). */
function samplesOf(
  pods: KubeObject[],
  metrics: KubeObject[],
  resource: string,
  container?: string,
): PodSample[] | string {
  const samples: PodSample[] = [];
  const mine = (c: Json) => container === undefined || c.name === container;
  for (const pod of pods) {
    let request = 0;
    for (const c of (((pod.spec as Json).containers as Json[] | undefined) ?? []).filter(mine)) {
      const value = parseQuantity(((c.resources as Json | undefined)?.requests as Json | undefined)?.[resource]);
      if (value === undefined)
        return `missing request for ${resource} in container ${c.name} of Pod ${pod.metadata.name}`;
      request += value * 1000;
    }
    const metric = metrics.find((m) => m.metadata.name === pod.metadata.name);
    const usage = metric
      ? ((metric.containers as Json[] | undefined) ?? [])
          .filter(mine)
          .reduce((n, c) => n + (parseQuantity((c.usage as Json | undefined)?.[resource]) ?? 0) * 1000, 0)
      : undefined;
    const unready = (pod.status as Json | undefined)?.phase === 'Pending';
    samples.push({
      pod: pod.metadata.name,
      usage: usage === undefined ? undefined : Math.round(usage),
      request,
      unready,
    });
  }
  return samples;
}

function quantity(resource: string, milli: number): string {
  if (resource === 'cpu') return `${Math.round(milli)}m`;
  return Number.isInteger(milli / 1000) ? String(milli / 1000) : `${Math.round(milli)}m`;
}

/** The real controller's name for a metric in events and conditions. */
function metricName(resource: string, utilization: boolean): string {
  return utilization ? `${resource} resource utilization (percentage of request)` : `${resource} resource`;
}

interface Evaluation {
  replicas: number;
  metric: string;
  current: Json[];
  errors: { reason: string; message: string }[];
}

/** The API server defaults an HPA without metrics to 80 % average CPU utilisation; one stored without them is read so. */
const DEFAULT_METRICS: NonNullable<HpaSpec['metrics']> = [
  { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
];

function metricsOf(spec: HpaSpec): NonNullable<HpaSpec['metrics']> {
  return spec.metrics && spec.metrics.length > 0 ? spec.metrics : DEFAULT_METRICS;
}

function evaluate(spec: HpaSpec, current: number, pods: KubeObject[], metrics: KubeObject[]): Evaluation {
  const result: Evaluation = { replicas: -1, metric: '', current: [], errors: [] };
  for (const m of metricsOf(spec)) {
    if (m.type !== 'Resource' && m.type !== 'ContainerResource') {
      const kind = String(m.type);
      const name = String(
        ((m[kind.charAt(0).toLowerCase() + kind.slice(1)] as Json | undefined)?.metric as Json | undefined)?.name ?? '',
      );
      result.errors.push({
        reason: `FailedGet${kind}Metric`,
        message: `unable to get metric ${name}: unable to fetch metrics from custom metrics API: the server could not find the requested resource`,
      });
      continue;
    }
    const source = (m.resource ?? m.containerResource) as { name: string; target: Json; container?: string };
    const utilization = source.target.type === 'Utilization' || source.target.averageUtilization !== undefined;
    const target: MetricTarget = utilization
      ? { averageUtilization: Number(source.target.averageUtilization ?? 80) }
      : { averageValue: (parseQuantity(source.target.averageValue) ?? 0) * 1000 };
    const samples = samplesOf(
      pods,
      metrics,
      source.name,
      m.type === 'ContainerResource' ? source.container : undefined,
    );
    const proposal =
      typeof samples === 'string'
        ? ({ ok: false, error: samples } as const)
        : proposeReplicas(current, samples, target, source.name);
    if (!proposal.ok) {
      result.errors.push({
        reason: 'FailedGetResourceMetric',
        message: `failed to get ${source.name} ${utilization ? 'utilization' : 'usage'}: ${proposal.error}`,
      });
      continue;
    }
    const p: MetricProposal = proposal.value;
    const value = {
      ...(p.utilization !== undefined ? { averageUtilization: p.utilization } : {}),
      averageValue: quantity(source.name, p.averageValue),
    };
    result.current.push(
      m.type === 'ContainerResource'
        ? {
            type: 'ContainerResource',
            containerResource: { name: source.name, container: source.container, current: value },
          }
        : { type: 'Resource', resource: { name: source.name, current: value } },
    );
    if (p.replicas > result.replicas) {
      result.replicas = p.replicas;
      result.metric = metricName(source.name, utilization);
    }
  }
  return result;
}

/**
 * The HorizontalPodAutoscaler controller (autoscaling/v2 semantics): every 15 s of cluster time it reads the target's
 * scale, the usage of its pods from the same metrics the metrics.k8s.io API serves, computes the desired replicas
 * (`ceil(current × usage / target)`, 10 % tolerance, min/max, behavior with the 300 s scale-down stabilization),
 * scales the target and writes status, conditions (AbleToScale, ScalingActive, ScalingLimited) and events
 * (`SuccessfulRescale`, `FailedGetResourceMetric`, …) as the real one does. It remembers recommendations in memory.
 * @see https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/
 */
export function createHpaController(metrics: () => SimHooks): (ctx: ControllerContext) => void {
  const memories = new Map<string, HpaMemory>();
  return (ctx) => {
    const hpaType = ctx.type('HorizontalPodAutoscaler');
    const now = ctx.clock.now().getTime();
    const seen = new Set<string>();
    const perNamespace = new Map<string | undefined, KubeObject[]>();
    const usage = (hooks: SimHooks, ns: string | undefined) => {
      if (!perNamespace.has(ns)) perNamespace.set(ns, hooks.podMetrics(ns));
      return perNamespace.get(ns)!;
    };
    for (const hpa of ctx.store.list(hpaType).items) {
      if (!ctx.begin(hpa)) continue;
      if (hpa.metadata.deletionTimestamp) continue;
      const uid = String(hpa.metadata.uid);
      seen.add(uid);
      const memory = memories.get(uid) ?? { recommendations: [], scaleUps: [], scaleDowns: [] };
      memories.set(uid, memory);
      const changed = (hpa.status as Json | undefined)?.observedGeneration !== hpa.metadata.generation;
      if (!changed && memory.lastSync !== undefined && now - memory.lastSync < HPA_SYNC_MS) {
        ctx.requeueAfter(memory.lastSync + HPA_SYNC_MS - now);
        continue;
      }
      memory.lastSync = now;
      ctx.requeueAfter(HPA_SYNC_MS);
      const hooks = metrics();
      sync(ctx, hpa, memory, (ns) => usage(hooks, ns), now);
    }
    for (const uid of memories.keys()) if (!seen.has(uid)) memories.delete(uid);
  };
}

function sync(
  ctx: ControllerContext,
  hpa: KubeObject,
  memory: HpaMemory,
  podMetrics: (namespace: string | undefined) => KubeObject[],
  now: number,
): void {
  const spec = hpa.spec as unknown as HpaSpec;
  const ns = hpa.metadata.namespace;
  const stamp = ctx.timestamp();
  const previous = (hpa.status ?? {}) as Json;
  const old = previous.conditions as Json[] | undefined;
  const ref = spec.scaleTargetRef;
  const min = spec.minReplicas ?? 1;
  const targetType = ctx.registry.byKind(ref.apiVersion ?? 'apps/v1', ref.kind);
  const target = targetType ? ctx.store.find(targetType, ns, ref.name) : undefined;
  const write = (status: Json) => {
    if (JSON.stringify(status) !== JSON.stringify(previous))
      ctx.store.update(ctx.type('HorizontalPodAutoscaler'), { ...unversioned(hpa), status }, { subresource: 'status' });
  };
  if (!targetType || !target) {
    const plural = targetType ? `${targetType.plural}${targetType.group ? `.${targetType.group}` : ''}` : ref.kind;
    const message = `the HPA controller was unable to get the target's current scale: ${plural} "${ref.name}" not found`;
    eventOnce(ctx, hpa, 'Warning', 'FailedGetScale', `${plural} "${ref.name}" not found`, SOURCE);
    write({
      ...previous,
      observedGeneration: hpa.metadata.generation,
      currentReplicas: Number(previous.currentReplicas ?? 0),
      desiredReplicas: Number(previous.desiredReplicas ?? 0),
      conditions: [condition('AbleToScale', false, 'FailedGetScale', message, stamp, old)],
    });
    return;
  }
  const scale = scaleOf(targetType, target) as { spec: { replicas: number }; status: { selector: string } };
  const current = scale.spec.replicas;
  const pods = ctx.store
    .list(ctx.type('Pod'), { namespace: ns, labelSelector: scale.status.selector || undefined })
    .items.filter(
      (p) => !p.metadata.deletionTimestamp && !['Failed', 'Succeeded'].includes(String((p.status as Json)?.phase)),
    );
  const conditions: Json[] = [];
  let desired = current;
  let reason = '';
  let currentMetrics: Json[] | undefined;
  let limited = condition(
    'ScalingLimited',
    false,
    'DesiredWithinRange',
    'the desired count is within the acceptable range',
    stamp,
    old,
  );
  let able = condition('AbleToScale', true, 'ReadyForNewScale', 'recommended size matches current size', stamp, old);
  let active: Json;
  if (current === 0 && min !== 0) {
    active = condition(
      'ScalingActive',
      false,
      'ScalingDisabled',
      'scaling is disabled since the replica count of the target is zero',
      stamp,
      old,
    );
  } else if (current > spec.maxReplicas) {
    desired = spec.maxReplicas;
    reason = 'Current number of replicas above Spec.MaxReplicas';
    active = condition(
      'ScalingActive',
      true,
      'ValidMetricFound',
      'the HPA was able to successfully calculate a replica count',
      stamp,
      old,
    );
  } else if (current < min) {
    desired = min;
    reason = 'Current number of replicas below Spec.MinReplicas';
    active = condition(
      'ScalingActive',
      true,
      'ValidMetricFound',
      'the HPA was able to successfully calculate a replica count',
      stamp,
      old,
    );
  } else {
    const evaluation = evaluate(spec, current, pods, podMetrics(ns));
    currentMetrics = evaluation.current;
    for (const e of evaluation.errors) eventOnce(ctx, hpa, 'Warning', e.reason, e.message, SOURCE);
    if (evaluation.replicas < 0) {
      const first = evaluation.errors[0] ?? {
        reason: 'FailedComputeMetricsReplicas',
        message: 'no metric produced a replica count',
      };
      eventOnce(
        ctx,
        hpa,
        'Warning',
        'FailedComputeMetricsReplicas',
        `invalid metrics (${evaluation.errors.length} invalid out of ${metricsOf(spec).length}), first error is: ${first.message}`,
        SOURCE,
      );
      active = condition(
        'ScalingActive',
        false,
        first.reason,
        `the HPA was unable to compute the replica count: ${first.message}`,
        stamp,
        old,
      );
      write({
        observedGeneration: hpa.metadata.generation,
        ...(previous.lastScaleTime ? { lastScaleTime: previous.lastScaleTime } : {}),
        currentReplicas: current,
        desiredReplicas: Number(previous.desiredReplicas ?? current),
        currentMetrics: evaluation.current.length > 0 ? evaluation.current : undefined,
        conditions: [able, active],
      });
      return;
    }
    let proposal = evaluation.replicas;
    if (evaluation.errors.length > 0 && proposal < current) proposal = current;
    active = condition(
      'ScalingActive',
      true,
      'ValidMetricFound',
      `the HPA was able to successfully calculate a replica count from ${evaluation.metric}`,
      stamp,
      old,
    );
    const normalized = normalize(current, proposal, { min, max: spec.maxReplicas }, spec.behavior, memory, now);
    desired = normalized.replicas;
    able = condition('AbleToScale', true, normalized.ableReason, normalized.ableMessage, stamp, old);
    limited = condition(
      'ScalingLimited',
      normalized.limitedReason !== 'DesiredWithinRange',
      normalized.limitedReason,
      normalized.limitedMessage,
      stamp,
      old,
    );
    if (desired > current) reason = `${evaluation.metric} above target`;
    if (desired < current) reason = 'All metrics below target';
  }
  let lastScaleTime = previous.lastScaleTime as string | undefined;
  if (desired !== current) {
    ctx.store.update(targetType, setReplicas(targetType, target, desired));
    recordScale(memory, current, desired, now);
    lastScaleTime = stamp;
    able = condition(
      'AbleToScale',
      true,
      'SucceededRescale',
      `the HPA controller was able to update the target scale to ${desired}`,
      stamp,
      old,
    );
    ctx.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`, SOURCE);
  }
  conditions.push(able, active, limited);
  const status: Json = {
    observedGeneration: hpa.metadata.generation,
    ...(lastScaleTime ? { lastScaleTime } : {}),
    currentReplicas: current,
    desiredReplicas: desired,
    ...(currentMetrics && currentMetrics.length > 0 ? { currentMetrics } : {}),
    conditions,
  };
  write(status);
}
