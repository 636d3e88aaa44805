import { containersOf, kubeRule, podSpecOf, WORKLOAD_KINDS } from '@opspilot/manifests';

/**
 * An explicitly Unconfined seccomp profile breaks PSS baseline ("Seccomp"); an unset one breaks only restricted
 * (which manifests' `pod-seccomp-profile` checks).
 * @see https://kubernetes.io/docs/tutorials/security/seccomp/
 */
export const pssSeccompUnconfined = kubeRule({
  id: 'pss-seccomp-unconfined',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'ERROR',
  description: 'Containers must not set an Unconfined seccomp profile',
  fix: 'set securityContext.seccompProfile.type: RuntimeDefault',
  check: (obj) => {
    const podType = podSpecOf(obj)?.spec.securityContext?.seccompProfile?.type;
    return containersOf(obj)
      .filter(({ c }) => (c.securityContext?.seccompProfile?.type ?? podType) === 'Unconfined')
      .map(({ path, name }) => ({
        message: `container "${name}" runs seccomp-Unconfined`,
        path: `${path}.securityContext`,
      }));
  },
});
