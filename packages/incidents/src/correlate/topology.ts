import { dependenciesOf, indexSnapshot, topOwner } from '@opspilot/analyzers';
import type { ClusterSnapshot, KubeObject, ObjectRef } from '@opspilot/core';
import type { Signal } from './signal.js';

/**
 * Where a signal sits in the cluster, for correlation. `strong` anchors (a workload, a Service, a node for a Node's
 * own signal) join signals into one incident; `weak` ones (the node a pod runs on) join a signal only to an incident
 * that already holds that node's own signal, so two unrelated workloads sharing a node stay apart until the node
 * itself is in trouble.
 */
export interface Anchors {
  strong: string[];
  weak: string[];
  /**
   * For a signal of CPU contention, its role and the nodes its pod runs on: a CPU hog's signal (`cpu-pressure`) and a
   * starved pod's (`cpu-starved`: throttling, latency) join one incident when they share a node — causally linked by
   * co-location, not merely close in time.
   */
  colocated?: { role: ContentionRole; nodes: string[] };
}

/** The part a signal plays in CPU contention on a node: the hog's pressure, or a neighbour's starvation. */
export type ContentionRole = 'cpu-pressure' | 'cpu-starved';

const STARVED_ALERTS = /^(CPUThrottlingHigh|KubeCPUThrottling|.*Latency.*|.*Slow.*)$/i;

/**
 * The contention role of a signal: a pod's CPU rising (a `pod-cpu` anomaly other than a drop, or a CPU hog alert) is
 * pressure; CPU throttling or rising latency (kube-prometheus's `CPUThrottlingHigh`, a latency alert, a
 * `workload-latency-p95` anomaly) is starvation.
 */
export function contentionRole(signal: Signal): ContentionRole | undefined {
  const l = signal.labels;
  if (l.signal === 'pod-cpu' && l.anomaly_type !== 'DROP') return 'cpu-pressure';
  if (l.alertname && /^(CPUHog|PodCPUHigh|HighCPUUsage)$/i.test(l.alertname)) return 'cpu-pressure';
  if (l.signal === 'workload-latency-p95' && l.anomaly_type !== 'DROP') return 'cpu-starved';
  if (l.alertname && STARVED_ALERTS.test(l.alertname)) return 'cpu-starved';
  return undefined;
}

/** Resolves the anchors of a signal; the cluster's topology when known, else what the signal's labels say. */
export interface Topology {
  anchorsOf(signal: Signal): Anchors;
  /**
   * The object a signal's cause belongs to when it is not the signal's own resource: a pod's top-level workload (from
   * the snapshot, or the workload labels), so a cause keeps its identity as pods are replaced. Undefined: the resource.
   */
  rootOf?(signal: Signal): ObjectRef | undefined;
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job', 'ReplicaSet']);
const WORKLOAD_LABELS: [string, string][] = [
  ['deployment', 'Deployment'],
  ['workload', 'Deployment'],
  ['statefulset', 'StatefulSet'],
  ['daemonset', 'DaemonSet'],
  ['cronjob', 'CronJob'],
  ['job_name', 'Job'],
];

/** The anchor key of an object: `Kind/namespace/name` (cluster-scoped: `Kind//name`), prefixed by its cluster. */
export function anchorKey(cluster: string | undefined, ref: Pick<ObjectRef, 'kind' | 'namespace' | 'name'>): string {
  return `${cluster ?? ''}:${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

/** Anchors from labels alone: the workload labels name the owner, `node` the node, else the object itself. */
function labelAnchors(signal: Signal): Anchors {
  const c = signal.cluster_id;
  const ns = signal.labels.namespace ?? signal.resource?.namespace;
  const strong: string[] = [];
  const weak: string[] = [];
  for (const [label, kind] of WORKLOAD_LABELS) {
    const name = signal.labels[label];
    if (name && ns) strong.push(anchorKey(c, { kind, namespace: ns, name }));
  }
  const node = signal.labels.node;
  if (signal.resource?.kind === 'Node') strong.push(anchorKey(c, signal.resource));
  else if (node) weak.push(anchorKey(c, { kind: 'Node', name: node }));
  if (strong.length === 0 && signal.resource) strong.push(anchorKey(c, signal.resource));
  if (strong.length === 0) {
    // Nothing names an object: signals of the same rule (or analyzer) in the same namespace belong together.
    const rule = signal.labels.alertname ?? signal.labels.analyzer ?? signal.labels.metric ?? signal.title;
    strong.push(`${c ?? ''}:rule/${ns ?? ''}/${rule}`);
  }
  const role = contentionRole(signal);
  return {
    strong,
    weak,
    ...(role && node ? { colocated: { role, nodes: [anchorKey(c, { kind: 'Node', name: node })] } } : {}),
  };
}

/** The workload a pod's signal names by its labels (`deployment`, `statefulset`…), for a pod's signal only. */
function labelRoot(signal: Signal): ObjectRef | undefined {
  if (signal.resource?.kind !== 'Pod') return undefined;
  const namespace = signal.labels.namespace ?? signal.resource.namespace;
  for (const [label, kind] of WORKLOAD_LABELS) {
    const name = signal.labels[label];
    if (name && namespace) return { kind, namespace, name };
  }
  return undefined;
}

/** Anchors from labels alone, for signals of clusters whose objects are not at hand. */
export const labelTopology: Topology = { anchorsOf: labelAnchors, rootOf: labelRoot };

function ref(obj: KubeObject): ObjectRef {
  return { kind: obj.kind, name: obj.metadata.name, namespace: obj.metadata.namespace };
}

/**
 * Anchors from a snapshot of the cluster, following the same relations the analyzers group findings by: a pod
 * belongs to its top-level workload (through ReplicaSets and Jobs) and to the Services selecting it, and runs on its
 * node; a Service reaches the workloads of the pods it selects; an autoscaler its scale target. Objects not in the
 * snapshot fall back to their labels.
 */
export function snapshotTopology(snapshot: ClusterSnapshot): Topology {
  const index = indexSnapshot(snapshot);
  const servicesOf = (ns: string | undefined, labels: Record<string, string> | undefined) =>
    index
      .of('Service')
      .filter((s) => s.metadata.namespace === ns)
      .filter((s) => {
        const selector = (s.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {};
        const entries = Object.entries(selector);
        return entries.length > 0 && entries.every(([k, v]) => labels?.[k] === v);
      });
  return {
    rootOf(signal) {
      const r = signal.resource;
      const obj = r && index.get(r.kind, r.kind === 'Node' ? undefined : r.namespace, r.name);
      if (!obj) return labelRoot(signal);
      const top = topOwner(index, obj);
      return top === obj ? undefined : ref(top);
    },
    anchorsOf(signal) {
      const fallback = labelAnchors(signal);
      const r = signal.resource;
      if (!r) return fallback;
      const obj = index.get(r.kind, r.kind === 'Node' ? undefined : r.namespace, r.name);
      if (!obj) return fallback;
      const c = signal.cluster_id;
      const strong = new Set<string>();
      const weak = new Set<string>(fallback.weak);
      const colocatedNodes = new Set<string>();
      const addPod = (pod: KubeObject) => {
        strong.add(anchorKey(c, ref(topOwner(index, pod))));
        // The node it runs on, from the analyzers' dependency graph (a pod depends on its node).
        for (const dep of dependenciesOf(index, pod).follow) {
          if (!dep.startsWith('Node//')) continue;
          const node = anchorKey(c, { kind: 'Node', name: dep.slice('Node//'.length) });
          weak.add(node);
          colocatedNodes.add(node);
        }
      };
      switch (obj.kind) {
        case 'Pod':
          addPod(obj);
          for (const s of servicesOf(obj.metadata.namespace, obj.metadata.labels)) strong.add(anchorKey(c, ref(s)));
          break;
        case 'Service': {
          strong.add(anchorKey(c, ref(obj)));
          const selector = (obj.spec as { selector?: Record<string, string> } | undefined)?.selector;
          for (const pod of index.selectPods(obj.metadata.namespace, selector)) addPod(pod);
          break;
        }
        case 'HorizontalPodAutoscaler': {
          const target = (obj.spec as { scaleTargetRef?: { kind: string; name: string } } | undefined)?.scaleTargetRef;
          strong.add(anchorKey(c, target ? { ...target, namespace: obj.metadata.namespace } : ref(obj)));
          break;
        }
        default: {
          const top = WORKLOAD_KINDS.has(obj.kind) ? topOwner(index, obj) : obj;
          strong.add(anchorKey(c, ref(top)));
          const template = (top.spec as { template?: { metadata?: { labels?: Record<string, string> } } } | undefined)
            ?.template?.metadata?.labels;
          if (template) for (const s of servicesOf(top.metadata.namespace, template)) strong.add(anchorKey(c, ref(s)));
        }
      }
      const role = contentionRole(signal);
      return {
        strong: [...strong],
        weak: [...weak].filter((w) => !strong.has(w)),
        ...(role && colocatedNodes.size ? { colocated: { role, nodes: [...colocatedNodes] } } : {}),
      };
    },
  };
}
