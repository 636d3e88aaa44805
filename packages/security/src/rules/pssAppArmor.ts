import { containersOf, kubeRule, podSpecOf, WORKLOAD_KINDS } from '@opspilot/manifests';

const ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

function allowedAnnotation(value: unknown): boolean {
  return (
    value === undefined || value === 'runtime/default' || (typeof value === 'string' && value.startsWith('localhost/'))
  );
}

/**
 * An Unconfined AppArmor profile lifts the default confinement (PSS baseline "AppArmor"), by field or annotation.
 * @see https://kubernetes.io/docs/tutorials/security/apparmor/
 */
export const pssAppArmor = kubeRule({
  id: 'pss-apparmor',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'ERROR',
  description: 'Containers must not run with an Unconfined AppArmor profile',
  fix: 'remove the Unconfined AppArmor profile (RuntimeDefault or Localhost only)',
  check: (obj) => {
    const pod = podSpecOf(obj);
    if (!pod) return [];
    const podType = pod.spec.securityContext?.appArmorProfile?.type;
    const annotations = (pod.metadata.annotations ?? {}) as Record<string, unknown>;
    return containersOf(obj)
      .filter(
        ({ c, name }) =>
          (c.securityContext?.appArmorProfile?.type ?? podType) === 'Unconfined' ||
          !allowedAnnotation(annotations[`${ANNOTATION}${name}`]),
      )
      .map(({ path, name }) => ({
        message: `container "${name}" runs AppArmor-unconfined`,
        path: `${path}.securityContext`,
      }));
  },
});
