import type { KubeObject } from '../store/kubeObject.js';

type Json = Record<string, unknown>;
type Converter = (obj: KubeObject) => KubeObject;

/** Fields of a core/v1 Event and the events.k8s.io/v1 names of the same data. */
const EVENT_FIELDS: [core: string, events: string][] = [
  ['involvedObject', 'regarding'],
  ['message', 'note'],
  ['reportingComponent', 'reportingController'],
  ['source', 'deprecatedSource'],
  ['firstTimestamp', 'deprecatedFirstTimestamp'],
  ['lastTimestamp', 'deprecatedLastTimestamp'],
  ['count', 'deprecatedCount'],
];

function renameFields(obj: KubeObject, apiVersion: string, pairs: [string, string][]): KubeObject {
  const out: KubeObject = { ...structuredClone(obj), apiVersion };
  for (const [from, to] of pairs) {
    if (from in out) {
      out[to] = out[from];
      delete out[from];
    }
  }
  return out;
}

/**
 * core/v1 → events.k8s.io/v1. An Event counted more than once also gets the `series` the events API describes
 * repeats with (`count`, `lastObservedTime`), so clients of either version see the aggregation.
 */
function eventToEventsV1(obj: KubeObject): KubeObject {
  const out = renameFields(obj, 'events.k8s.io/v1', EVENT_FIELDS);
  const count = Number(out.deprecatedCount ?? 1);
  if (out.series === undefined && count > 1 && typeof out.deprecatedLastTimestamp === 'string')
    out.series = { count, lastObservedTime: out.deprecatedLastTimestamp.replace(/Z$/, '.000000Z') };
  return out;
}

const METRICS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/metrics';
const CONDITIONS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/conditions';
const CURRENT_METRICS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/current-metrics';
const BEHAVIOR_ANNOTATION = 'autoscaling.alpha.kubernetes.io/behavior';

const isCpuUtilization = (m: Json) =>
  m.type === 'Resource' &&
  (m.resource as Json | undefined)?.name === 'cpu' &&
  ((m.resource as Json).target as Json | undefined)?.type === 'Utilization';

/** autoscaling/v2 → v1: the CPU utilisation target stays a field; everything else rides in annotations. */
function hpaToV1(obj: KubeObject): KubeObject {
  const out: KubeObject = { ...structuredClone(obj), apiVersion: 'autoscaling/v1' };
  const spec = { ...((out.spec ?? {}) as Json) };
  const status = { ...((out.status ?? {}) as Json) };
  const annotations = { ...(out.metadata.annotations ?? {}) };
  const metrics = (spec.metrics as Json[] | undefined) ?? [];
  const cpu = metrics.find(isCpuUtilization);
  const others = metrics.filter((m) => m !== cpu);
  if (cpu) spec.targetCPUUtilizationPercentage = ((cpu.resource as Json).target as Json).averageUtilization;
  if (others.length > 0) annotations[METRICS_ANNOTATION] = JSON.stringify(others);
  if (spec.behavior) annotations[BEHAVIOR_ANNOTATION] = JSON.stringify(spec.behavior);
  delete spec.metrics;
  delete spec.behavior;
  const current = (status.currentMetrics as Json[] | undefined) ?? [];
  const currentCpu = current.find((m) => m.type === 'Resource' && (m.resource as Json | undefined)?.name === 'cpu');
  if (currentCpu)
    status.currentCPUUtilizationPercentage = ((currentCpu.resource as Json).current as Json)?.averageUtilization;
  if (current.length > 0) annotations[CURRENT_METRICS_ANNOTATION] = JSON.stringify(current);
  if (status.conditions) annotations[CONDITIONS_ANNOTATION] = JSON.stringify(status.conditions);
  delete status.currentMetrics;
  delete status.conditions;
  out.spec = spec;
  if (out.status !== undefined) out.status = status;
  if (Object.keys(annotations).length > 0) out.metadata.annotations = annotations;
  return out;
}

function takeJson(annotations: Record<string, string>, key: string): unknown {
  const raw = annotations[key];
  delete annotations[key];
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** autoscaling/v1 → v2: the CPU target becomes a Resource metric; annotations written by {@link hpaToV1} return. */
function hpaToV2(obj: KubeObject): KubeObject {
  const out: KubeObject = { ...structuredClone(obj), apiVersion: 'autoscaling/v2' };
  const spec = { ...((out.spec ?? {}) as Json) };
  const status = { ...((out.status ?? {}) as Json) };
  const annotations = { ...(out.metadata.annotations ?? {}) };
  const metrics = (takeJson(annotations, METRICS_ANNOTATION) as Json[] | undefined) ?? [];
  if (typeof spec.targetCPUUtilizationPercentage === 'number') {
    metrics.unshift({
      type: 'Resource',
      resource: {
        name: 'cpu',
        target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage },
      },
    });
  }
  delete spec.targetCPUUtilizationPercentage;
  if (metrics.length > 0) spec.metrics = metrics;
  const behavior = takeJson(annotations, BEHAVIOR_ANNOTATION);
  if (behavior) spec.behavior = behavior;
  const current = takeJson(annotations, CURRENT_METRICS_ANNOTATION);
  const conditions = takeJson(annotations, CONDITIONS_ANNOTATION);
  if (current) status.currentMetrics = current;
  else if (typeof status.currentCPUUtilizationPercentage === 'number')
    status.currentMetrics = [
      {
        type: 'Resource',
        resource: { name: 'cpu', current: { averageUtilization: status.currentCPUUtilizationPercentage } },
      },
    ];
  if (conditions) status.conditions = conditions;
  delete status.currentCPUUtilizationPercentage;
  out.spec = spec;
  if (out.status !== undefined) out.status = status;
  if (Object.keys(annotations).length > 0) out.metadata.annotations = annotations;
  else delete out.metadata.annotations;
  return out;
}

const CONVERTERS: Record<string, Converter> = {
  'Event v1>events.k8s.io/v1': eventToEventsV1,
  'Event events.k8s.io/v1>v1': (o) =>
    renameFields(
      o,
      'v1',
      EVENT_FIELDS.map(([core, events]) => [events, core]),
    ),
  'HorizontalPodAutoscaler autoscaling/v2>autoscaling/v1': hpaToV1,
  'HorizontalPodAutoscaler autoscaling/v1>autoscaling/v2': hpaToV2,
};

/**
 * Converts an object between two versions of its kind that share storage (core/v1 ↔ events.k8s.io/v1 Events,
 * autoscaling/v2 ↔ v1 HPAs), as the API server converts through its internal version. The input is not changed;
 * a kind without a converter only gets its apiVersion rewritten.
 * @see https://kubernetes.io/docs/reference/using-api/#api-versioning
 */
export function convertObject(obj: KubeObject, toApiVersion: string): KubeObject {
  if (obj.apiVersion === toApiVersion) return obj;
  const converter = CONVERTERS[`${obj.kind} ${obj.apiVersion}>${toApiVersion}`];
  return converter ? converter(obj) : { ...obj, apiVersion: toApiVersion };
}
