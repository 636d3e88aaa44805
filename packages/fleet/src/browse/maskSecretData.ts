import type { KubeObject } from '@opspilot/core';

/** What a masked Secret value reads as. */
export const MASKED = '********';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * An object safe to show: a Secret's `data` and `stringData` values are replaced by {@link MASKED} (the keys stay)
 * and its last-applied annotation, which repeats them, is masked too. Other kinds are returned as they are.
 */
export function maskSecretData(object: KubeObject): KubeObject {
  if (object.kind !== 'Secret') return object;
  const masked: Record<string, unknown> = { ...object };
  for (const field of ['data', 'stringData']) {
    const values = masked[field];
    if (values && typeof values === 'object') {
      masked[field] = Object.fromEntries(Object.keys(values).map((key) => [key, MASKED]));
    }
  }
  const annotations = object.metadata.annotations;
  if (annotations?.[LAST_APPLIED] !== undefined) {
    masked.metadata = { ...object.metadata, annotations: { ...annotations, [LAST_APPLIED]: MASKED } };
  }
  return masked as KubeObject;
}
