import type { KubeObject } from '../store/kubeObject.js';
import type { ControllerContext } from './controllerContext.js';
import { ensureRevision, ownedRevisions, revisionTemplate, trimRevisions } from './controllerRevisions.js';
import { isOwnedBy, unversioned } from './ownership.js';
import { createPodFromTemplate, phaseOf } from './podFromTemplate.js';
import { isPodReady } from './replicaSetController.js';

type Json = Record<string, unknown>;
interface StatefulSetSpec {
  replicas?: number;
  serviceName?: string;
  podManagementPolicy?: string;
  ordinals?: { start?: number };
  selector?: { matchLabels?: Record<string, string> };
  updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } };
  revisionHistoryLimit?: number;
  volumeClaimTemplates?: { metadata?: { name?: string; labels?: Record<string, string> }; spec?: Json }[];
  persistentVolumeClaimRetentionPolicy?: { whenDeleted?: string };
}

const POD_NAME = 'statefulset.kubernetes.io/pod-name';
const REVISION_LABEL = 'controller-revision-hash';

/** The ordinal of a stateful set's pod from its name (`web-2` → 2), or undefined. */
export function ordinalOf(setName: string, podName: string): number | undefined {
  if (!podName.startsWith(`${setName}-`)) return undefined;
  const rest = podName.slice(setName.length + 1);
  return /^\d+$/.test(rest) ? Number(rest) : undefined;
}

/** The name of the claim a volumeClaimTemplate gives one ordinal: `<template>-<set>-<ordinal>`. */
export function claimName(template: string, setName: string, ordinal: number): string {
  return `${template}-${setName}-${ordinal}`;
}

function ensureClaims(ctx: ControllerContext, sts: KubeObject, spec: StatefulSetSpec, ordinal: number): void {
  const pvcType = ctx.type('PersistentVolumeClaim');
  const podName = `${sts.metadata.name}-${ordinal}`;
  for (const template of spec.volumeClaimTemplates ?? []) {
    const name = claimName(String(template.metadata?.name), sts.metadata.name, ordinal);
    if (ctx.store.find(pvcType, sts.metadata.namespace, name)) continue;
    const deleteWithSet = spec.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete';
    ctx.store.create(pvcType, {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name,
        namespace: sts.metadata.namespace,
        labels: { ...spec.selector?.matchLabels, ...template.metadata?.labels },
        ...(deleteWithSet
          ? {
              ownerReferences: [
                {
                  apiVersion: 'apps/v1',
                  kind: 'StatefulSet',
                  name: sts.metadata.name,
                  uid: sts.metadata.uid!,
                  controller: true,
                  blockOwnerDeletion: true,
                },
              ],
            }
          : {}),
      },
      spec: { volumeMode: 'Filesystem', ...structuredClone(template.spec ?? {}) },
      status: { phase: 'Pending' },
    });
    ctx.event(
      sts,
      'Normal',
      'SuccessfulCreate',
      `create Claim ${name} Pod ${podName} in StatefulSet ${sts.metadata.name} success`,
      'statefulset-controller',
    );
  }
}

function claimVolumes(spec: StatefulSetSpec, setName: string, ordinal: number) {
  return (podSpec: Json) => {
    const templates = spec.volumeClaimTemplates ?? [];
    const names = new Set(templates.map((t) => t.metadata?.name));
    const volumes = ((podSpec.volumes as Json[] | undefined) ?? []).filter((v) => !names.has(String(v.name)));
    for (const t of templates) {
      const name = String(t.metadata?.name);
      volumes.push({ name, persistentVolumeClaim: { claimName: claimName(name, setName, ordinal) } });
    }
    if (volumes.length > 0) podSpec.volumes = volumes;
  };
}

/**
 * Runs StatefulSets: pods `<name>-<ordinal>` with stable hostnames, created in order and each only once the previous
 * is Ready (OrderedReady) or all at once (Parallel), removed from the highest ordinal on scale-down; claims
 * `<template>-<name>-<ordinal>` from volumeClaimTemplates (kept on scale-down); RollingUpdate from the highest ordinal
 * down to the partition, one pod at a time, through ControllerRevisions; and the status `kubectl rollout status` reads.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/
 */
export function reconcileStatefulSets(ctx: ControllerContext): void {
  const stsType = ctx.type('StatefulSet');
  const podType = ctx.type('Pod');
  const sets = ctx.store.list(stsType).items;
  if (sets.length === 0) return;
  const allPods = ctx.store.list(podType).items;
  const allRevisions = ctx.store.list(ctx.type('ControllerRevision')).items;
  for (const sts of sets) {
    if (!ctx.begin(sts)) continue;
    if (sts.metadata.deletionTimestamp) continue;
    const spec = sts.spec as StatefulSetSpec;
    const name = sts.metadata.name;
    const ns = sts.metadata.namespace;
    const replicas = spec.replicas ?? 1;
    const start = spec.ordinals?.start ?? 0;
    const revisions = ownedRevisions(ctx, sts, allRevisions);
    const update = ensureRevision(ctx, sts, revisions);
    const known = revisions.filter((r) => r.metadata.name !== update.metadata.name).concat(update);
    const previous = (sts.status ?? {}) as Json;
    const current = known.find((r) => r.metadata.name === previous.currentRevision) ?? update;
    const rolling = (spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
    const partition = rolling ? (spec.updateStrategy?.rollingUpdate?.partition ?? 0) : 0;
    const parallel = spec.podManagementPolicy === 'Parallel';
    const byOrdinal = new Map<number, KubeObject>();
    for (const pod of allPods) {
      if (pod.metadata.namespace !== ns || !isOwnedBy(pod, sts) || pod.metadata.deletionTimestamp) continue;
      const ordinal = ordinalOf(name, pod.metadata.name);
      if (ordinal !== undefined) byOrdinal.set(ordinal, pod);
    }
    const remove = (ordinal: number) => {
      const pod = byOrdinal.get(ordinal)!;
      ctx.store.delete(podType, ns, pod.metadata.name);
      byOrdinal.delete(ordinal);
      ctx.event(
        sts,
        'Normal',
        'SuccessfulDelete',
        `delete Pod ${pod.metadata.name} in StatefulSet ${name} successful`,
        'statefulset-controller',
      );
    };
    for (const [ordinal, pod] of byOrdinal) {
      const phase = phaseOf(pod);
      if (phase === 'Failed' || phase === 'Succeeded') remove(ordinal);
    }
    let blocked = false;
    for (let ordinal = start; ordinal < start + replicas; ordinal++) {
      const pod = byOrdinal.get(ordinal);
      if (pod) {
        if (!parallel && !isPodReady(pod)) blocked = true;
        continue;
      }
      if (blocked) break;
      const revision = rolling && ordinal < partition ? current : update;
      ensureClaims(ctx, sts, spec, ordinal);
      const podName = `${name}-${ordinal}`;
      const created = createPodFromTemplate(ctx, sts, revisionTemplate(revision), {
        name: podName,
        labels: {
          [POD_NAME]: podName,
          [REVISION_LABEL]: revision.metadata.name,
          'apps.kubernetes.io/pod-index': String(ordinal),
        },
        spec: (podSpec) => {
          podSpec.hostname = podName;
          if (spec.serviceName) podSpec.subdomain = spec.serviceName;
          claimVolumes(spec, name, ordinal)(podSpec);
        },
        source: 'statefulset-controller',
        refusal: (reason) => `create Pod ${podName} in StatefulSet ${name} failed error: ${reason}`,
      });
      if (!created) {
        blocked = true;
        break;
      }
      byOrdinal.set(ordinal, created);
      ctx.event(
        sts,
        'Normal',
        'SuccessfulCreate',
        `create Pod ${podName} in StatefulSet ${name} successful`,
        'statefulset-controller',
      );
      if (!parallel) blocked = true;
    }
    const condemned = [...byOrdinal.keys()].filter((o) => o < start || o >= start + replicas).sort((a, b) => b - a);
    if (parallel) for (const ordinal of condemned) remove(ordinal);
    else if (!blocked && condemned.length > 0) remove(condemned[0]!);
    const wanted = Array.from({ length: replicas }, (_, i) => byOrdinal.get(start + i));
    const healthy = wanted.every((p) => p && isPodReady(p));
    if (rolling && healthy && condemned.length === 0) {
      for (let ordinal = start + replicas - 1; ordinal >= Math.max(start, partition); ordinal--) {
        const pod = byOrdinal.get(ordinal);
        if (pod && pod.metadata.labels?.[REVISION_LABEL] !== update.metadata.name) {
          remove(ordinal);
          break;
        }
      }
    }
    writeStatus(ctx, sts, [...byOrdinal.values()], current, update, rolling);
    const inUse = new Set([current.metadata.name, update.metadata.name]);
    for (const pod of byOrdinal.values()) inUse.add(String(pod.metadata.labels?.[REVISION_LABEL]));
    trimRevisions(ctx, known, inUse, spec.revisionHistoryLimit ?? 10);
  }
}

function writeStatus(
  ctx: ControllerContext,
  sts: KubeObject,
  pods: KubeObject[],
  current: KubeObject,
  update: KubeObject,
  rolling: boolean,
): void {
  const withRevision = (r: KubeObject) => pods.filter((p) => p.metadata.labels?.[REVISION_LABEL] === r.metadata.name);
  const ready = pods.filter(isPodReady).length;
  let currentReplicas = withRevision(current).length;
  const updatedReplicas = withRevision(update).length;
  let currentRevision = current.metadata.name;
  if (rolling && updatedReplicas === pods.length && ready === pods.length) {
    currentReplicas = updatedReplicas;
    currentRevision = update.metadata.name;
  }
  const status: Json = {
    observedGeneration: sts.metadata.generation,
    replicas: pods.length,
    ...(ready > 0 ? { readyReplicas: ready } : {}),
    ...(currentReplicas > 0 ? { currentReplicas } : {}),
    ...(updatedReplicas > 0 ? { updatedReplicas } : {}),
    currentRevision,
    updateRevision: update.metadata.name,
    collisionCount: 0,
    availableReplicas: ready,
  };
  if (JSON.stringify(status) !== JSON.stringify(sts.status ?? {}))
    ctx.store.update(ctx.type('StatefulSet'), { ...unversioned(sts), status }, { subresource: 'status' });
}
