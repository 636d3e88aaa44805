import { unreferencedObjects } from '../unreferencedObjects.js';

/**
 * ConfigMaps nothing references (outside system namespaces; `kube-root-ca.crt` excepted).
 * @see https://kubernetes.io/docs/concepts/configuration/configmap/
 */
export const configMapUnused = unreferencedObjects('ConfigMap');
