import { containersOf, kubeRule, podSpecOf, WORKLOAD_KINDS } from '@opspilot/manifests';

/**
 * Windows HostProcess containers run with the node's privileges (PSS baseline "HostProcess").
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
 */
export const pssHostProcess = kubeRule({
  id: 'pss-host-process',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'ERROR',
  description: 'Pods must not run Windows HostProcess containers',
  fix: 'remove securityContext.windowsOptions.hostProcess',
  check: (obj) => {
    const podValue = podSpecOf(obj)?.spec.securityContext?.windowsOptions?.hostProcess;
    return containersOf(obj)
      .filter(({ c }) => (c.securityContext?.windowsOptions?.hostProcess ?? podValue) === true)
      .map(({ path, name }) => ({
        message: `container "${name}" is a Windows HostProcess container`,
        path: `${path}.securityContext`,
      }));
  },
});
