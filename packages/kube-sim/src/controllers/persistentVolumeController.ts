import type { KubeObject } from '../store/kubeObject.js';
import type { ControllerContext } from './controllerContext.js';
import { eventOnce as recordOnce } from './eventOnce.js';
import { unversioned } from './ownership.js';
import { parseQuantity } from './quantity.js';
import { isTerminated } from './scheduler.js';

type Json = Record<string, unknown>;
const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';

/** The default StorageClass (annotated `is-default-class: "true"`), if any. */
export function defaultStorageClass(classes: KubeObject[]): KubeObject | undefined {
  return classes.find((c) => c.metadata.annotations?.[DEFAULT_CLASS] === 'true');
}

function eventOnce(
  ctx: ControllerContext,
  obj: KubeObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
) {
  recordOnce(ctx, obj, type, reason, message, 'persistentvolume-controller');
}

const requested = (claim: KubeObject) =>
  String(
    ((((claim.spec as Json).resources as Json | undefined)?.requests as Json | undefined)?.storage ?? '0') as string,
  );

/** Whether an unclaimed volume satisfies a claim: class, access modes, volume mode, size and label selector. */
export function volumeMatches(pv: KubeObject, claim: KubeObject): boolean {
  const pvSpec = (pv.spec ?? {}) as Json;
  const spec = (claim.spec ?? {}) as Json;
  const ref = pvSpec.claimRef as Json | undefined;
  if (ref && (ref.name !== claim.metadata.name || ref.namespace !== claim.metadata.namespace)) return false;
  if (ref?.uid && ref.uid !== claim.metadata.uid) return false;
  const phase = (pv.status as Json | undefined)?.phase;
  if (!ref && phase !== 'Available' && phase !== 'Pending' && phase !== undefined) return false;
  if ((pvSpec.storageClassName ?? '') !== (spec.storageClassName ?? '')) return false;
  if ((pvSpec.volumeMode ?? 'Filesystem') !== (spec.volumeMode ?? 'Filesystem')) return false;
  const modes = (pvSpec.accessModes as string[] | undefined) ?? [];
  if (!((spec.accessModes as string[] | undefined) ?? []).every((m) => modes.includes(m))) return false;
  const capacity = parseQuantity((pvSpec.capacity as Json | undefined)?.storage) ?? 0;
  if (capacity < (parseQuantity(requested(claim)) ?? 0)) return false;
  const selector = ((spec.selector as Json | undefined)?.matchLabels as Record<string, string> | undefined) ?? {};
  return Object.entries(selector).every(([k, v]) => pv.metadata.labels?.[k] === v);
}

function claimRefOf(claim: KubeObject): Json {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    name: claim.metadata.name,
    namespace: claim.metadata.namespace,
    uid: claim.metadata.uid,
    resourceVersion: claim.metadata.resourceVersion,
  };
}

function bind(ctx: ControllerContext, pv: KubeObject, claim: KubeObject, annotations: Record<string, string>): void {
  const pvType = ctx.type('PersistentVolume');
  const pvcType = ctx.type('PersistentVolumeClaim');
  const boundPv = ctx.store.update(pvType, {
    ...unversioned(pv),
    spec: { ...(pv.spec as Json), claimRef: claimRefOf(claim) },
  });
  ctx.store.update(pvType, { ...unversioned(boundPv), status: { phase: 'Bound' } }, { subresource: 'status' });
  const updated = ctx.store.update(pvcType, {
    ...unversioned(claim),
    metadata: {
      ...unversioned(claim).metadata,
      annotations: { ...claim.metadata.annotations, 'pv.kubernetes.io/bind-completed': 'yes', ...annotations },
    },
    spec: { ...(claim.spec as Json), volumeName: pv.metadata.name },
  });
  const pvSpec = pv.spec as Json;
  ctx.store.update(
    pvcType,
    {
      ...unversioned(updated),
      status: { phase: 'Bound', accessModes: pvSpec.accessModes, capacity: { ...(pvSpec.capacity as Json) } },
    },
    { subresource: 'status' },
  );
}

function provision(ctx: ControllerContext, sc: KubeObject, claim: KubeObject, node: string | undefined): void {
  const spec = claim.spec as Json;
  const ns = claim.metadata.namespace;
  const provisioner = String(sc.provisioner ?? 'kubernetes.io/no-provisioner');
  const name = `pvc-${claim.metadata.uid}`;
  eventOnce(
    ctx,
    claim,
    'Normal',
    'Provisioning',
    `External provisioner is provisioning volume for claim "${ns}/${claim.metadata.name}"`,
  );
  const pv = ctx.store.create(ctx.type('PersistentVolume'), {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, annotations: { 'pv.kubernetes.io/provisioned-by': provisioner } },
    spec: {
      capacity: { storage: requested(claim) },
      accessModes: spec.accessModes ?? ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
      storageClassName: sc.metadata.name,
      volumeMode: spec.volumeMode ?? 'Filesystem',
      hostPath: { path: `/var/local-path-provisioner/${name}_${ns}_${claim.metadata.name}`, type: 'DirectoryOrCreate' },
      ...(node
        ? {
            nodeAffinity: {
              required: {
                nodeSelectorTerms: [
                  { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] },
                ],
              },
            },
          }
        : {}),
    },
    status: { phase: 'Pending' },
  });
  bind(ctx, pv, claim, {
    'volume.beta.kubernetes.io/storage-provisioner': provisioner,
    'volume.kubernetes.io/storage-provisioner': provisioner,
    ...(node ? { 'volume.kubernetes.io/selected-node': node } : {}),
  });
  eventOnce(ctx, claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`);
}

function expand(ctx: ControllerContext, claim: KubeObject, classes: KubeObject[]): void {
  const want = parseQuantity(requested(claim)) ?? 0;
  const capacity = (((claim.status as Json).capacity as Json | undefined)?.storage ?? '0') as string;
  if (want <= (parseQuantity(capacity) ?? 0)) return;
  const sc = classes.find((c) => c.metadata.name === (claim.spec as Json).storageClassName);
  const pvType = ctx.type('PersistentVolume');
  const pv = ctx.store.find(pvType, undefined, String((claim.spec as Json).volumeName));
  if (!pv || sc?.allowVolumeExpansion !== true) {
    eventOnce(
      ctx,
      claim,
      'Warning',
      'VolumeResizeFailed',
      'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    );
    return;
  }
  ctx.event(claim, 'Normal', 'Resizing', `External resizer is resizing volume ${pv.metadata.name}`, 'external-resizer');
  ctx.store.update(pvType, {
    ...unversioned(pv),
    spec: { ...(pv.spec as Json), capacity: { storage: requested(claim) } },
  });
  ctx.store.update(
    ctx.type('PersistentVolumeClaim'),
    { ...unversioned(claim), status: { ...(claim.status as Json), capacity: { storage: requested(claim) } } },
    { subresource: 'status' },
  );
  ctx.event(
    claim,
    'Normal',
    'FileSystemResizeSuccessful',
    `MountVolume.NodeExpandVolume succeeded for volume "${pv.metadata.name}"`,
    'kubelet',
  );
}

/** Volumes whose claim is gone are deleted (reclaim policy Delete) or Released (Retain); new ones become Available. */
function reclaim(ctx: ControllerContext, pvs: KubeObject[], claims: KubeObject[]): void {
  const pvType = ctx.type('PersistentVolume');
  for (const pv of pvs) {
    const ref = (pv.spec as Json).claimRef as Json | undefined;
    const phase = (pv.status as Json | undefined)?.phase;
    if (!ref) {
      if (phase !== 'Available')
        ctx.store.update(pvType, { ...unversioned(pv), status: { phase: 'Available' } }, { subresource: 'status' });
      continue;
    }
    const claim = claims.find((c) => c.metadata.namespace === ref.namespace && c.metadata.name === ref.name);
    if (claim && (!ref.uid || claim.metadata.uid === ref.uid)) continue;
    if (phase !== 'Bound') continue;
    if ((pv.spec as Json).persistentVolumeReclaimPolicy === 'Delete')
      ctx.store.delete(pvType, undefined, pv.metadata.name);
    else ctx.store.update(pvType, { ...unversioned(pv), status: { phase: 'Released' } }, { subresource: 'status' });
  }
}

/**
 * Binds PersistentVolumeClaims as the persistent-volume controller and a provisioner do: to the smallest matching
 * Available PersistentVolume, else by provisioning `pvc-<uid>` from the claim's StorageClass (the default one when
 * none is named, set on the claim as 1.28+ does) — at once, or when a pod using the claim is scheduled under
 * WaitForFirstConsumer. A missing class leaves the claim Pending with `ProvisioningFailed`. Bigger requests on a
 * class allowing expansion resize the volume; volumes of deleted claims are deleted or Released.
 * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/
 */
export function reconcileVolumes(ctx: ControllerContext): void {
  const pvcType = ctx.type('PersistentVolumeClaim');
  const classes = ctx.store.list(ctx.type('StorageClass')).items;
  const fallback = defaultStorageClass(classes);
  const claims = ctx.store.list(pvcType).items;
  reclaim(ctx, ctx.store.list(ctx.type('PersistentVolume')).items, claims);
  let live: KubeObject[] | undefined;
  const pods = () =>
    (live ??= ctx.store.list(ctx.type('Pod')).items.filter((p) => !isTerminated(p) && !p.metadata.deletionTimestamp));
  for (let claim of claims) {
    if (!ctx.begin(claim)) continue;
    if (claim.metadata.deletionTimestamp) continue;
    const spec = claim.spec as Json;
    if (spec.storageClassName === undefined && fallback) {
      claim = ctx.store.update(pvcType, {
        ...unversioned(claim),
        spec: { ...spec, storageClassName: fallback.metadata.name },
      });
    }
    const status = (claim.status ?? {}) as Json;
    if (status.phase === 'Bound') {
      expand(ctx, claim, classes);
      continue;
    }
    if (status.phase !== 'Pending')
      claim = ctx.store.update(
        pvcType,
        { ...unversioned(claim), status: { phase: 'Pending' } },
        { subresource: 'status' },
      );
    const pvs = ctx.store.list(ctx.type('PersistentVolume')).items;
    const named = (claim.spec as Json).volumeName;
    const match = pvs
      .filter((pv) => (named ? pv.metadata.name === named : true) && volumeMatches(pv, claim))
      .sort(
        (a, b) =>
          (parseQuantity(((a.spec as Json).capacity as Json).storage) ?? 0) -
          (parseQuantity(((b.spec as Json).capacity as Json).storage) ?? 0),
      )[0];
    if (match) {
      bind(ctx, match, claim, { 'pv.kubernetes.io/bound-by-controller': 'yes' });
      continue;
    }
    const className = String((claim.spec as Json).storageClassName ?? '');
    if (!className || named) {
      eventOnce(
        ctx,
        claim,
        'Normal',
        'FailedBinding',
        'no persistent volumes available for this claim and no storage class is set',
      );
      continue;
    }
    const sc = classes.find((c) => c.metadata.name === className);
    if (!sc) {
      eventOnce(ctx, claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
      continue;
    }
    let node: string | undefined;
    if (sc.volumeBindingMode === 'WaitForFirstConsumer') {
      const consumer = pods().find(
        (p) =>
          p.metadata.namespace === claim.metadata.namespace &&
          (p.spec as Json).nodeName &&
          (((p.spec as Json).volumes as Json[] | undefined) ?? []).some(
            (v) => (v.persistentVolumeClaim as Json | undefined)?.claimName === claim.metadata.name,
          ),
      );
      if (!consumer) {
        eventOnce(
          ctx,
          claim,
          'Normal',
          'WaitForFirstConsumer',
          'waiting for first consumer to be created before binding',
        );
        continue;
      }
      node = String((consumer.spec as Json).nodeName);
    }
    provision(ctx, sc, claim, node);
  }
}
