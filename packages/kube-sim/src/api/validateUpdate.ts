import { parseQuantity } from '../controllers/quantity.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ResourceType } from './resourceTypes.js';
import { invalid, type StatusCause } from './statusError.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
/** JSON with object keys sorted: maps are unordered in the API, so `{a,b}` and `{b,a}` are the same value. */
const canonical = (v: unknown): string =>
  JSON.stringify(v ?? null, (_k, x: unknown) =>
    isObject(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
const immutable = (field: string, value: unknown): StatusCause => ({
  reason: 'FieldValueInvalid',
  message: `Invalid value: ${JSON.stringify(value)}: field is immutable`,
  field,
});
const forbidden = (field: string, message: string): StatusCause => ({
  reason: 'FieldValueForbidden',
  message: `Forbidden: ${message}`,
  field,
});

/** A pod spec with the fields a pod update may change blanked out. */
function frozenPodSpec(spec: Json): Json {
  const copy = structuredClone(spec);
  for (const key of ['containers', 'initContainers'] as const) {
    if (Array.isArray(copy[key])) copy[key] = (copy[key] as Json[]).map((c) => ({ ...c, image: undefined }));
  }
  delete copy.activeDeadlineSeconds;
  delete copy.tolerations;
  delete copy.terminationGracePeriodSeconds;
  if (!spec.nodeName) delete copy.nodeName;
  return copy;
}

const POD_UPDATE_MESSAGE =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';
const STS_UPDATE_MESSAGE =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

function specCauses(kind: string, spec: Json, old: Json, status: Json): StatusCause[] {
  switch (kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
      return same(spec.selector, old.selector) ? [] : [immutable('spec.selector', spec.selector)];
    case 'StatefulSet': {
      const mutable = [
        'replicas',
        'ordinals',
        'template',
        'updateStrategy',
        'persistentVolumeClaimRetentionPolicy',
        'minReadySeconds',
      ];
      const strip = (s: Json) => Object.fromEntries(Object.entries(s).filter(([k]) => !mutable.includes(k)));
      return same(strip(spec), strip(old)) ? [] : [forbidden('spec', STS_UPDATE_MESSAGE)];
    }
    case 'Job': {
      const causes = same(spec.selector, old.selector) ? [] : [immutable('spec.selector', spec.selector)];
      if (old.suspend !== true && !same(spec.template, old.template))
        causes.push(immutable('spec.template', spec.template));
      if (!same(spec.completions, old.completions)) causes.push(immutable('spec.completions', spec.completions));
      return causes;
    }
    case 'Service':
      if (old.clusterIP && old.clusterIP !== spec.clusterIP && spec.type !== 'ExternalName') {
        return [immutable('spec.clusterIP', spec.clusterIP)];
      }
      return [];
    case 'Pod': {
      if (old.nodeName && spec.nodeName !== old.nodeName) return [immutable('spec.nodeName', spec.nodeName)];
      return same(frozenPodSpec(spec), frozenPodSpec({ ...old, nodeName: spec.nodeName ?? old.nodeName }))
        ? []
        : [forbidden('spec', POD_UPDATE_MESSAGE)];
    }
    case 'PersistentVolumeClaim': {
      const strip = (s: Json) => ({
        ...s,
        resources: undefined,
        volumeAttributesClassName: undefined,
        volumeName: undefined,
      });
      const causes = same(strip(spec), strip(old))
        ? []
        : [
            forbidden(
              'spec',
              'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
            ),
          ];
      return [...causes, ...claimShrinkCauses(spec, old, status)];
    }
  }
  return [];
}

/**
 * A bound claim may not ask for less storage than it has: with RecoverVolumeExpansionFailure (on by default since
 * 1.32) a smaller request is allowed only while it stays above `status.capacity`.
 */
function claimShrinkCauses(spec: Json, old: Json, status: Json): StatusCause[] {
  const storage = (s: Json) =>
    parseQuantity(((s.resources as Json | undefined)?.requests as Json | undefined)?.storage);
  const wanted = storage(spec);
  const before = storage(old);
  if (wanted === undefined || before === undefined || wanted >= before) return [];
  const capacity = parseQuantity((status.capacity as Json | undefined)?.storage);
  if (capacity !== undefined && wanted > capacity) return [];
  return [forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity')];
}

/**
 * Checks an update against the stored object as the real server does for the fields that cannot change:
 * workload selectors, stateful set and job specs, a service's cluster IP, everything in a pod spec but images,
 * tolerations and deadlines, claim specs, and the data of immutable ConfigMaps and Secrets. Throws 422 Invalid.
 * @see https://kubernetes.io/docs/concepts/workloads/pods/#pod-update-and-replacement
 */
export function validateUpdate(resource: ResourceType, obj: KubeObject, old: KubeObject): void {
  const causes: StatusCause[] = [];
  if (resource.group === '' || ['apps', 'batch'].includes(resource.group)) {
    const spec = isObject(obj.spec) ? obj.spec : {};
    const oldSpec = isObject(old.spec) ? old.spec : {};
    causes.push(...specCauses(resource.kind, spec, oldSpec, isObject(old.status) ? old.status : {}));
  }
  if (
    (resource.kind === 'ConfigMap' || resource.kind === 'Secret') &&
    resource.group === '' &&
    old.immutable === true
  ) {
    if (!same(obj.data, old.data)) causes.push(forbidden('data', 'field is immutable when `immutable` is set'));
    if (!same(obj.binaryData, old.binaryData) && resource.kind === 'ConfigMap') {
      causes.push(forbidden('binaryData', 'field is immutable when `immutable` is set'));
    }
    if (obj.immutable !== true) causes.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
  }
  if (causes.length > 0) throw invalid(resource.kind, obj.metadata.name, causes, resource.group);
}
