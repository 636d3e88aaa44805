import { indexSnapshot, topOwner } from '@opspilot/analyzers';
import type { ClusterSnapshot, KubeObject, ObjectRef } from '@opspilot/core';

/** The objects an incident reaches: its workloads, their pods, the nodes they run on and the config they read. */
export interface IncidentScope {
  workloads: KubeObject[];
  pods: KubeObject[];
  nodes: string[];
  configMaps: ObjectRef[];
  secrets: ObjectRef[];
  /** The workload each pod of the scope belongs to, by the pod's key. */
  ownerOfPod: Map<string, ObjectRef>;
  /** Every object of the scope as `Kind/namespace/name`, for matching changes and findings. */
  keys: Set<string>;
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job', 'ReplicaSet']);

/** `Kind/namespace/name` of a reference (cluster-scoped: `Kind//name`). */
export function keyOf(ref: Pick<ObjectRef, 'kind' | 'namespace' | 'name'>): string {
  return `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

// biome-ignore lint/suspicious/noExplicitAny: pod specs are read field by field
type Any = Record<string, any>;

function configOf(spec: Any | undefined): { configMaps: Set<string>; secrets: Set<string> } {
  const configMaps = new Set<string>();
  const secrets = new Set<string>();
  for (const c of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])] as Any[]) {
    for (const e of (c.env ?? []) as Any[]) {
      if (e.valueFrom?.configMapKeyRef?.name) configMaps.add(e.valueFrom.configMapKeyRef.name);
      if (e.valueFrom?.secretKeyRef?.name) secrets.add(e.valueFrom.secretKeyRef.name);
    }
    for (const f of (c.envFrom ?? []) as Any[]) {
      if (f.configMapRef?.name) configMaps.add(f.configMapRef.name);
      if (f.secretRef?.name) secrets.add(f.secretRef.name);
    }
  }
  for (const v of (spec?.volumes ?? []) as Any[]) {
    if (v.configMap?.name) configMaps.add(v.configMap.name);
    if (v.secret?.secretName) secrets.add(v.secret.secretName);
    for (const s of (v.projected?.sources ?? []) as Any[]) {
      if (s.configMap?.name) configMaps.add(s.configMap.name);
      if (s.secret?.name) secrets.add(s.secret.name);
    }
  }
  return { configMaps, secrets };
}

/**
 * The scope of an incident in a snapshot: each affected object's top-level workload (a pod's Deployment through its
 * ReplicaSet), all of those workloads' pods, the nodes they run on (and affected nodes themselves), and the ConfigMaps
 * and Secrets their pod templates read (env, envFrom, volumes).
 */
export function incidentScope(snapshot: ClusterSnapshot, affected: ObjectRef[]): IncidentScope {
  const index = indexSnapshot(snapshot);
  const workloads = new Map<string, KubeObject>();
  const pods = new Map<string, KubeObject>();
  const nodes = new Set<string>();
  const top = (obj: KubeObject) => topOwner(index, obj);
  for (const ref of affected) {
    if (ref.kind === 'Node') {
      nodes.add(ref.name);
      continue;
    }
    const obj = index.get(ref.kind, ref.namespace, ref.name);
    if (!obj) continue;
    if (obj.kind === 'Service') {
      const selector = (obj.spec as Any | undefined)?.selector;
      for (const pod of index.selectPods(obj.metadata.namespace, selector)) {
        const w = top(pod);
        workloads.set(keyOf({ ...w.metadata, kind: w.kind }), w);
      }
      continue;
    }
    const w = WORKLOADS.has(obj.kind) || obj.kind === 'Pod' ? top(obj) : obj;
    workloads.set(keyOf({ ...w.metadata, kind: w.kind }), w);
  }
  const configMaps = new Map<string, ObjectRef>();
  const secrets = new Map<string, ObjectRef>();
  const ownerOfPod = new Map<string, ObjectRef>();
  for (const w of workloads.values()) {
    const owned = w.kind === 'Pod' ? [w] : index.podsOf(w);
    for (const pod of owned) {
      const podKey = keyOf({ ...pod.metadata, kind: 'Pod' });
      pods.set(podKey, pod);
      ownerOfPod.set(podKey, { kind: w.kind, namespace: w.metadata.namespace, name: w.metadata.name });
    }
    const spec = w.kind === 'Pod' ? (w.spec as Any) : (w.spec as Any | undefined)?.template?.spec;
    const config = configOf(spec);
    const ns = w.metadata.namespace;
    for (const name of config.configMaps) configMaps.set(name, { kind: 'ConfigMap', namespace: ns, name });
    for (const name of config.secrets) secrets.set(name, { kind: 'Secret', namespace: ns, name });
  }
  for (const pod of pods.values()) {
    const node = (pod.spec as Any | undefined)?.nodeName;
    if (node) nodes.add(node);
  }
  const keys = new Set<string>();
  for (const o of [...workloads.values(), ...pods.values()]) keys.add(keyOf({ ...o.metadata, kind: o.kind }));
  for (const n of nodes) keys.add(keyOf({ kind: 'Node', name: n }));
  for (const r of [...configMaps.values(), ...secrets.values()]) keys.add(keyOf(r));
  return {
    workloads: [...workloads.values()],
    pods: [...pods.values()],
    nodes: [...nodes],
    configMaps: [...configMaps.values()],
    secrets: [...secrets.values()],
    ownerOfPod,
    keys,
  };
}
