import { unreferencedObjects } from '../unreferencedObjects.js';

/**
 * Secrets nothing references (outside system namespaces; service-account tokens, pull secrets and Helm releases
 * excepted).
 * @see https://kubernetes.io/docs/concepts/configuration/secret/
 */
export const secretUnused = unreferencedObjects('Secret');
