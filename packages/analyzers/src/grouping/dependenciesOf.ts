import type { Finding, KubeObject, ObjectRef } from '@opspilot/core';
import { scaleTargetOf } from '../hpaHelpers.js';
import { ingressBackends } from '../ingressHelpers.js';
import { type LabelSelector, podSpecOf } from '../kubeTypes.js';
import type { SnapshotIndex } from '../snapshotIndex.js';
import { topOwner } from '../workloads.js';

/** The map key of an object or reference: `Kind/namespace/name`. */
export function refKey(ref: ObjectRef): string {
  return `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

function keyOf(obj: KubeObject): string {
  return refKey({ kind: obj.kind, name: obj.metadata.name, namespace: obj.metadata.namespace });
}

/** Objects one step down from another; `lookOnly` ones contribute their own findings but are not followed further. */
export interface Dependencies {
  follow: string[];
  /** Objects whose configuration findings (layer 0) apply, such as the workload whose template a pod runs. */
  lookOnly: string[];
}

/**
 * The objects an object's health depends on, one step down: a workload's ReplicaSets, Jobs and pods (through
 * ownerReferences), a Service's Endpoints and selected pods, a budget's selected pods (through selectors), an
 * Ingress's and a webhook's Services, an autoscaler's target, a claim's volume and StorageClass, and a pod's node,
 * claims, the workload whose template it runs, its ServiceAccount, ConfigMap and Secret volumes and pull secrets.
 */
export function dependenciesOf(index: SnapshotIndex, obj: KubeObject): Dependencies {
  const ns = obj.metadata.namespace;
  const deps: string[] = [];
  const lookOnly: string[] = [];
  switch (obj.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
    case 'CronJob':
      for (const child of index.ownedBy(obj)) deps.push(keyOf(child));
      break;
    case 'Service': {
      const selector = (obj.spec as { selector?: Record<string, string> } | undefined)?.selector;
      deps.push(refKey({ kind: 'Endpoints', namespace: ns, name: obj.metadata.name }));
      for (const pod of index.selectPods(ns, selector)) deps.push(keyOf(pod));
      break;
    }
    case 'PersistentVolumeClaim': {
      const spec = (obj.spec ?? {}) as { volumeName?: string; storageClassName?: string };
      if (spec.volumeName) deps.push(refKey({ kind: 'PersistentVolume', name: spec.volumeName }));
      if (spec.storageClassName) deps.push(refKey({ kind: 'StorageClass', name: spec.storageClassName }));
      break;
    }
    case 'PodDisruptionBudget': {
      const selector = (obj.spec as { selector?: LabelSelector } | undefined)?.selector;
      for (const pod of index.selectPods(ns, selector, true)) deps.push(keyOf(pod));
      break;
    }
    case 'Ingress':
      for (const b of ingressBackends(obj)) deps.push(refKey({ kind: 'Service', namespace: ns, name: b.service }));
      break;
    case 'ValidatingWebhookConfiguration':
    case 'MutatingWebhookConfiguration':
      for (const hook of (
        obj as { webhooks?: { clientConfig?: { service?: { name?: string; namespace?: string } } }[] }
      ).webhooks ?? []) {
        const svc = hook.clientConfig?.service;
        if (svc?.name) deps.push(refKey({ kind: 'Service', namespace: svc.namespace, name: svc.name }));
      }
      break;
    case 'HorizontalPodAutoscaler': {
      const target = scaleTargetOf(index, obj);
      if (target) deps.push(keyOf(target));
      break;
    }
    case 'Pod': {
      const spec = podSpecOf(obj);
      if (spec.nodeName) deps.push(refKey({ kind: 'Node', name: spec.nodeName }));
      for (const v of spec.volumes ?? []) {
        if (v.persistentVolumeClaim)
          deps.push(refKey({ kind: 'PersistentVolumeClaim', namespace: ns, name: v.persistentVolumeClaim.claimName }));
        if (v.configMap) lookOnly.push(refKey({ kind: 'ConfigMap', namespace: ns, name: v.configMap.name }));
        if (v.secret) lookOnly.push(refKey({ kind: 'Secret', namespace: ns, name: v.secret.secretName }));
      }
      lookOnly.push(refKey({ kind: 'ServiceAccount', namespace: ns, name: spec.serviceAccountName ?? 'default' }));
      for (const s of spec.imagePullSecrets ?? [])
        lookOnly.push(refKey({ kind: 'Secret', namespace: ns, name: s.name }));
      const owner = topOwner(index, obj);
      if (owner !== obj) lookOnly.push(keyOf(owner));
      break;
    }
  }
  return { follow: deps, lookOnly };
}

/** Extra dependencies a finding's own text reveals: a pod creation refused by a quota depends on the quotas. */
export function findingDependencies(index: SnapshotIndex, finding: Finding): string[] {
  if (!/exceeded quota/i.test(finding.message)) return [];
  return index
    .of('ResourceQuota')
    .filter((q) => q.metadata.namespace === finding.resource.namespace)
    .map(keyOf);
}
