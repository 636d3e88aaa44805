import { referencedObjectMissing } from '../referencedObjectMissing.js';

/**
 * Pods referencing a Secret that does not exist (env, envFrom, volumes, imagePullSecrets), reported once per
 * workload.
 * @see https://kubernetes.io/docs/concepts/configuration/secret/
 */
export const secretMissing = referencedObjectMissing('Secret');
