import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

const DANGEROUS = new Set([
  'ALL',
  'SYS_ADMIN',
  'NET_ADMIN',
  'SYS_PTRACE',
  'SYS_MODULE',
  'NET_RAW',
  'DAC_READ_SEARCH',
  'BPF',
]);

/**
 * Capabilities such as SYS_ADMIN or NET_ADMIN give a container near-root control over the node.
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
 */
export const containerDangerousCapabilities = kubeRule({
  id: 'container-dangerous-capabilities',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'ERROR',
  description: 'Containers must not add dangerous capabilities (SYS_ADMIN, NET_ADMIN, ALL, ...)',
  fix: 'remove the capability from securityContext.capabilities.add',
  check: (obj) =>
    containersOf(obj).flatMap(({ c, path, name }) => {
      const add = c.securityContext?.capabilities?.add;
      if (!Array.isArray(add)) return [];
      return add
        .map((cap: unknown, i: number) => ({ cap: String(cap).toUpperCase().replace(/^CAP_/, ''), i }))
        .filter(({ cap }: { cap: string }) => DANGEROUS.has(cap))
        .map(({ cap, i }: { cap: string; i: number }) => ({
          message: `container "${name}" adds capability ${cap}`,
          path: `${path}.securityContext.capabilities.add[${i}]`,
        }));
    }),
});
