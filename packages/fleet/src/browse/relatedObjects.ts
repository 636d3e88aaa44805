import type { KubeObject, ObjectRef } from '@opspilot/core';
import type { LiveModel } from '../liveModel.js';

/** An object related to the one opened in the browser, and how. */
export interface RelatedObject {
  /** `owner` (controls it), `owns` (it controls), `selects` / `selected-by` (label selector), `uses` / `used-by`. */
  relation: 'owner' | 'owns' | 'selects' | 'selected-by' | 'uses' | 'used-by';
  ref: ObjectRef;
}

// biome-ignore lint/suspicious/noExplicitAny: objects from the cluster are read field by field, any field may be missing
type Any = Record<string, any>;
const MAX_RELATED = 100;
const OWNED_KINDS = ['ReplicaSet', 'Pod', 'Job'];
const TEMPLATED = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

function ref(kind: string, o: KubeObject): ObjectRef {
  return { kind, name: o.metadata.name, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}) };
}

function matches(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  const entries = Object.entries(selector ?? {});
  return entries.length > 0 && entries.every(([k, v]) => labels?.[k] === v);
}

/** The labels of the pods an object runs (its own for a Pod, its template's for a workload). */
function podLabels(kind: string, o: KubeObject): Record<string, string> | undefined {
  if (kind === 'Pod') return o.metadata.labels;
  if (TEMPLATED.has(kind)) return (o.spec as Any | undefined)?.template?.metadata?.labels;
  return undefined;
}

function ownedBy(model: LiveModel, owner: KubeObject): { kind: string; object: KubeObject }[] {
  const out: { kind: string; object: KubeObject }[] = [];
  for (const kind of OWNED_KINDS) {
    for (const o of model.objects(kind, owner.metadata.namespace)) {
      const refs = (o.metadata.ownerReferences ?? []) as Any[];
      if (refs.some((r) => (owner.metadata.uid ? r.uid === owner.metadata.uid : r.name === owner.metadata.name))) {
        out.push({ kind, object: o });
      }
    }
  }
  return out;
}

/**
 * What the browser's detail drawer lists beside an object, from the live model: its owners up the chain (a Pod's
 * ReplicaSet and Deployment), what it owns down two levels (a Deployment's ReplicaSets and their Pods, a CronJob's
 * Jobs and Pods), the Services whose selector picks its pods (or for a Service, the pods it picks and the
 * Ingresses routing to it), and the claims a Pod mounts. At most 100 entries.
 */
export function relatedObjects(model: LiveModel, kind: string, object: KubeObject): RelatedObject[] {
  const out: RelatedObject[] = [];
  const ns = object.metadata.namespace;
  // Owners, up the chain.
  let current: KubeObject | undefined = object;
  for (let depth = 0; current && depth < 3; depth++) {
    const owners: { kind: string; name: string; controller?: boolean }[] = current.metadata.ownerReferences ?? [];
    const owner = owners.find((r) => r.controller) ?? owners[0];
    if (!owner) break;
    out.push({ relation: 'owner', ref: { kind: owner.kind, name: owner.name, ...(ns ? { namespace: ns } : {}) } });
    current = model.objects(owner.kind, ns).find((o) => o.metadata.name === owner.name);
  }
  // Owned, two levels down.
  for (const child of ownedBy(model, object)) {
    out.push({ relation: 'owns', ref: ref(child.kind, child.object) });
    for (const grandchild of ownedBy(model, child.object))
      out.push({ relation: 'owns', ref: ref(grandchild.kind, grandchild.object) });
  }
  const labels = podLabels(kind, object);
  if (labels) {
    for (const service of model.objects('Service', ns)) {
      if (matches((service.spec as Any | undefined)?.selector, labels))
        out.push({ relation: 'selected-by', ref: ref('Service', service) });
    }
  }
  if (kind === 'Service') {
    const selector = (object.spec as Any | undefined)?.selector;
    for (const pod of model.objects('Pod', ns)) {
      if (matches(selector, pod.metadata.labels)) out.push({ relation: 'selects', ref: ref('Pod', pod) });
    }
    for (const ingress of model.objects('Ingress', ns)) {
      const paths = (((ingress.spec as Any | undefined)?.rules ?? []) as Any[]).flatMap((r) => r.http?.paths ?? []);
      if (paths.some((p: Any) => p.backend?.service?.name === object.metadata.name))
        out.push({ relation: 'used-by', ref: ref('Ingress', ingress) });
    }
  }
  if (kind === 'Pod') {
    for (const volume of ((object.spec as Any | undefined)?.volumes ?? []) as Any[]) {
      const claim = volume.persistentVolumeClaim?.claimName;
      if (claim)
        out.push({
          relation: 'uses',
          ref: { kind: 'PersistentVolumeClaim', name: claim, ...(ns ? { namespace: ns } : {}) },
        });
    }
  }
  return out.slice(0, MAX_RELATED);
}
