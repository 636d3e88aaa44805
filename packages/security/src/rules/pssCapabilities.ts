import { containersOf, kubeRule, WORKLOAD_KINDS } from '@opspilot/manifests';

/** Capabilities PSS baseline allows a container to add. */
const BASELINE = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

function added(c: { securityContext?: { capabilities?: { add?: unknown } } }): { cap: string; i: number }[] {
  const add = c.securityContext?.capabilities?.add;
  return Array.isArray(add) ? add.map((cap, i) => ({ cap: String(cap).toUpperCase().replace(/^CAP_/, ''), i })) : [];
}

/**
 * Capabilities outside the PSS baseline default set (PSS baseline "Capabilities").
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
 */
export const pssBaselineCapabilities = kubeRule({
  id: 'pss-baseline-capabilities',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'ERROR',
  description: 'Containers may add only the capabilities of the PSS baseline default set',
  fix: 'remove the capability from securityContext.capabilities.add',
  check: (obj) =>
    containersOf(obj).flatMap(({ c, path, name }) =>
      added(c)
        .filter(({ cap }) => !BASELINE.has(cap))
        .map(({ cap, i }) => ({
          message: `container "${name}" adds capability ${cap}`,
          path: `${path}.securityContext.capabilities.add[${i}]`,
        })),
    ),
});

/**
 * PSS restricted lets a container add NET_BIND_SERVICE only (the baseline set's others are refused).
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */
export const pssRestrictedCapabilities = kubeRule({
  id: 'pss-restricted-capabilities',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'WARNING',
  description: 'Containers may add only NET_BIND_SERVICE under PSS restricted',
  fix: 'remove the capability from securityContext.capabilities.add',
  check: (obj) =>
    containersOf(obj).flatMap(({ c, path, name }) =>
      added(c)
        .filter(({ cap }) => BASELINE.has(cap) && cap !== 'NET_BIND_SERVICE')
        .map(({ cap, i }) => ({
          message: `container "${name}" adds capability ${cap}`,
          path: `${path}.securityContext.capabilities.add[${i}]`,
        })),
    ),
});
