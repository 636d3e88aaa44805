/** One API version Kubernetes removed, with what replaces it (`null` when the kind itself is gone). */
export interface RemovedApi {
  removedIn: string;
  replacement: string | null;
  note?: string;
}

const apps = { removedIn: '1.16', replacement: 'apps/v1' };

/**
 * Removed `apiVersion`/`kind` pairs, keyed `apiVersion/kind` (`*` for every kind of that apiVersion).
 * @see https://kubernetes.io/docs/reference/using-api/deprecation-guide/
 */
export const REMOVED_APIS: Record<string, RemovedApi> = {
  'extensions/v1beta1/Ingress': { removedIn: '1.22', replacement: 'networking.k8s.io/v1' },
  'extensions/v1beta1/Deployment': apps,
  'extensions/v1beta1/DaemonSet': apps,
  'extensions/v1beta1/ReplicaSet': apps,
  'extensions/v1beta1/NetworkPolicy': { removedIn: '1.16', replacement: 'networking.k8s.io/v1' },
  // Moved to policy/v1beta1 in 1.16, itself removed in 1.25 (https://kubernetes.io/blog/2019/07/18/api-deprecations-in-1-16/).
  'extensions/v1beta1/PodSecurityPolicy': {
    removedIn: '1.16',
    replacement: null,
    note: 'use Pod Security Admission (namespace labels pod-security.kubernetes.io/enforce)',
  },
  'apps/v1beta1/*': apps,
  'apps/v1beta2/*': apps,
  'networking.k8s.io/v1beta1/*': { removedIn: '1.22', replacement: 'networking.k8s.io/v1' },
  'policy/v1beta1/PodDisruptionBudget': { removedIn: '1.25', replacement: 'policy/v1' },
  'policy/v1beta1/PodSecurityPolicy': {
    removedIn: '1.25',
    replacement: null,
    note: 'use Pod Security Admission (namespace labels pod-security.kubernetes.io/enforce)',
  },
  'batch/v1beta1/CronJob': { removedIn: '1.25', replacement: 'batch/v1' },
  'batch/v2alpha1/CronJob': { removedIn: '1.21', replacement: 'batch/v1' },
  'autoscaling/v2beta1/HorizontalPodAutoscaler': { removedIn: '1.25', replacement: 'autoscaling/v2' },
  'autoscaling/v2beta2/HorizontalPodAutoscaler': { removedIn: '1.26', replacement: 'autoscaling/v2' },
  'rbac.authorization.k8s.io/v1beta1/*': { removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1' },
  'rbac.authorization.k8s.io/v1alpha1/*': { removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1' },
  'apiextensions.k8s.io/v1beta1/*': { removedIn: '1.22', replacement: 'apiextensions.k8s.io/v1' },
  'admissionregistration.k8s.io/v1beta1/*': { removedIn: '1.22', replacement: 'admissionregistration.k8s.io/v1' },
  'apiregistration.k8s.io/v1beta1/*': { removedIn: '1.22', replacement: 'apiregistration.k8s.io/v1' },
  'certificates.k8s.io/v1beta1/*': { removedIn: '1.22', replacement: 'certificates.k8s.io/v1' },
  'coordination.k8s.io/v1beta1/*': { removedIn: '1.22', replacement: 'coordination.k8s.io/v1' },
  'scheduling.k8s.io/v1beta1/*': { removedIn: '1.22', replacement: 'scheduling.k8s.io/v1' },
  'storage.k8s.io/v1beta1/CSIStorageCapacity': { removedIn: '1.27', replacement: 'storage.k8s.io/v1' },
  'storage.k8s.io/v1beta1/*': { removedIn: '1.22', replacement: 'storage.k8s.io/v1' },
  'discovery.k8s.io/v1beta1/*': { removedIn: '1.25', replacement: 'discovery.k8s.io/v1' },
  'events.k8s.io/v1beta1/*': { removedIn: '1.25', replacement: 'events.k8s.io/v1' },
  'node.k8s.io/v1beta1/*': { removedIn: '1.25', replacement: 'node.k8s.io/v1' },
  'flowcontrol.apiserver.k8s.io/v1beta1/*': { removedIn: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  'flowcontrol.apiserver.k8s.io/v1beta2/*': { removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  'flowcontrol.apiserver.k8s.io/v1beta3/*': { removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1' },
};

/** The removal record of an object's apiVersion and kind, if Kubernetes removed it. */
export function removedApiOf(apiVersion: string, kind: string): RemovedApi | undefined {
  return REMOVED_APIS[`${apiVersion}/${kind}`] ?? REMOVED_APIS[`${apiVersion}/*`];
}
