import { removedApiOf } from './removedApis.js';

/**
 * The Kubernetes minor version from which each built-in apiVersion (or apiVersion/kind) is served, for the API
 * versions introduced in 1.16 or later (every other one of {@link BUILT_IN_KINDS} is served by every version this
 * table speaks of: 1.16 and later). With {@link REMOVED_APIS} (the last version that serves one is the one before
 * `removedIn`) it makes the served set of each version, which `opspilot validate --kube-version` checks against.
 * Sources: the Deprecated API Migration Guide ("available since v1.x" of each replacement) and the release notes
 * of each minor version.
 * @see https://kubernetes.io/docs/reference/using-api/deprecation-guide/
 * @see https://kubernetes.io/releases/
 */
export const SERVED_SINCE: Readonly<Record<string, string>> = {
  'admissionregistration.k8s.io/v1/MutatingWebhookConfiguration': '1.16',
  'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration': '1.16',
  'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy': '1.30',
  'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding': '1.30',
  'apiextensions.k8s.io/v1/*': '1.16',
  'authentication.k8s.io/v1/SelfSubjectReview': '1.28',
  'autoscaling/v2/*': '1.23',
  'batch/v1/CronJob': '1.21',
  'certificates.k8s.io/v1/*': '1.19',
  'discovery.k8s.io/v1beta1/*': '1.17',
  'discovery.k8s.io/v1/*': '1.21',
  'events.k8s.io/v1/*': '1.19',
  'flowcontrol.apiserver.k8s.io/v1beta1/*': '1.20',
  'flowcontrol.apiserver.k8s.io/v1beta2/*': '1.23',
  'flowcontrol.apiserver.k8s.io/v1beta3/*': '1.26',
  'flowcontrol.apiserver.k8s.io/v1/*': '1.29',
  'networking.k8s.io/v1/Ingress': '1.19',
  'networking.k8s.io/v1/IngressClass': '1.19',
  'networking.k8s.io/v1/IPAddress': '1.33',
  'networking.k8s.io/v1/ServiceCIDR': '1.33',
  'networking.k8s.io/v1beta1/IngressClass': '1.18',
  'node.k8s.io/v1/*': '1.20',
  'policy/v1/PodDisruptionBudget': '1.21',
  'policy/v1/Eviction': '1.22',
  'storage.k8s.io/v1/CSIDriver': '1.18',
  'storage.k8s.io/v1/CSINode': '1.17',
  'storage.k8s.io/v1/CSIStorageCapacity': '1.24',
  'storage.k8s.io/v1beta1/CSIStorageCapacity': '1.21',
};

/** The oldest version the table above describes: an API version it does not list is served by every later one. */
export const OLDEST_DESCRIBED = '1.16';

/** `1.24`, `v1.24.3` → [1, 24]; undefined when it is not a Kubernetes version. */
export function parseKubeVersion(version: string): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Compares two Kubernetes versions by major and minor (`1.9` < `1.16`). */
export function compareKubeVersions(a: string, b: string): number {
  const [x1, y1] = parseKubeVersion(a) ?? [0, 0];
  const [x2, y2] = parseKubeVersion(b) ?? [0, 0];
  return x1 - x2 || y1 - y2;
}

/** The version from which `apiVersion` `kind` is served, when it is one introduced after {@link OLDEST_DESCRIBED}. */
export function servedSince(apiVersion: string, kind: string): string | undefined {
  return SERVED_SINCE[`${apiVersion}/${kind}`] ?? SERVED_SINCE[`${apiVersion}/*`];
}

/** Whether Kubernetes `version` serves a built-in `apiVersion` `kind`, and if not, why. */
export type ServedState =
  | { served: true }
  | { served: false; reason: 'not-yet'; since: string }
  | { served: false; reason: 'removed'; removedIn: string };

/** Whether the Kubernetes minor `version` serves the built-in `apiVersion` `kind` (by the tables above). */
export function servedIn(apiVersion: string, kind: string, version: string): ServedState {
  const since = servedSince(apiVersion, kind);
  if (since && compareKubeVersions(version, since) < 0) return { served: false, reason: 'not-yet', since };
  const removed = removedApiOf(apiVersion, kind);
  if (removed && compareKubeVersions(version, removed.removedIn) >= 0) {
    return { served: false, reason: 'removed', removedIn: removed.removedIn };
  }
  return { served: true };
}
