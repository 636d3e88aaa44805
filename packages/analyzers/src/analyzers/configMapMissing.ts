import { referencedObjectMissing } from '../referencedObjectMissing.js';

/**
 * Pods referencing a ConfigMap that does not exist (env, envFrom, volumes), reported once per workload.
 * @see https://kubernetes.io/docs/concepts/configuration/configmap/
 */
export const configMapMissing = referencedObjectMissing('ConfigMap');
