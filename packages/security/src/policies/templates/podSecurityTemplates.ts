import { containersOf, podSpecOf } from '@opspilot/manifests';
import { z } from 'zod';
import { defineTemplate } from '../policyTemplate.js';
import { ruleReasons } from './sharedRule.js';
import { POD_KINDS } from './workloadKinds.js';

const NONE = z.object({});

/** Gatekeeper `k8spspprivilegedcontainer` (the validator rule container-privileged). */
export const privilegedContainer = defineTemplate({
  id: 'k8spspprivilegedcontainer',
  title: 'No privileged containers',
  description: 'Containers must not run privileged',
  kinds: POD_KINDS,
  parameters: NONE,
  keywords: ['privileged', 'privilege', 'root access'],
  check: (obj, _p, ctx) => ruleReasons('container-privileged')(obj, ctx),
});

const hostPid = ruleReasons('pod-host-pid');
const hostIpc = ruleReasons('pod-host-ipc');
/** Gatekeeper `k8spsphostnamespace`: no hostPID or hostIPC. */
export const hostNamespace = defineTemplate({
  id: 'k8spsphostnamespace',
  title: 'No host namespaces',
  description: "Pods must not share the node's PID or IPC namespace",
  kinds: POD_KINDS,
  parameters: NONE,
  keywords: ['host namespace', 'hostpid', 'hostipc', 'pid', 'ipc', 'namespaces'],
  check: (obj, _p, ctx) => [...hostPid(obj, ctx), ...hostIpc(obj, ctx)],
});

/** Gatekeeper `k8spsphostnetworkingports`: hostNetwork only when allowed, host ports within [min, max]. */
export const hostNetworkingPorts = defineTemplate({
  id: 'k8spsphostnetworkingports',
  title: 'Host network and ports',
  description: 'Pods must not use the host network (unless allowed) and host ports only within the range',
  kinds: POD_KINDS,
  parameters: z.object({
    hostNetwork: z.boolean().default(false),
    min: z.number().int().default(0),
    max: z.number().int().default(0),
  }),
  keywords: ['hostnetwork', 'host network', 'hostport', 'host port', 'ports', 'network'],
  check: (obj, p) => {
    const pod = podSpecOf(obj);
    const out: string[] = [];
    if (pod?.spec.hostNetwork === true && !p.hostNetwork) out.push("the pod uses the node's network namespace");
    for (const { c, name } of containersOf(obj)) {
      for (const port of Array.isArray(c.ports) ? c.ports : []) {
        const h = port?.hostPort;
        if (typeof h === 'number' && h !== 0 && (h < p.min || h > p.max))
          out.push(`container "${name}" binds host port ${h}, outside ${p.min}–${p.max}`);
      }
    }
    return out;
  },
});

/** Gatekeeper `k8spsphostfilesystem`: hostPath volumes only under allowed prefixes (read-only when required). */
export const hostFilesystem = defineTemplate({
  id: 'k8spsphostfilesystem',
  title: 'Host filesystem',
  description: 'hostPath volumes only under the allowed path prefixes',
  kinds: POD_KINDS,
  parameters: z.object({
    allowedHostPaths: z.array(z.object({ pathPrefix: z.string(), readOnly: z.boolean().default(false) })).default([]),
  }),
  keywords: ['hostpath', 'host path', 'host filesystem', 'node filesystem', 'mount'],
  check: (obj, p) => {
    const pod = podSpecOf(obj);
    const volumes = Array.isArray(pod?.spec.volumes) ? pod.spec.volumes : [];
    return volumes
      .filter((v: { hostPath?: { path?: string } }) => v?.hostPath)
      .filter(
        (v: { hostPath: { path?: string } }) =>
          !p.allowedHostPaths.some((a) => String(v.hostPath.path ?? '').startsWith(a.pathPrefix)),
      )
      .map(
        (v: { name?: string; hostPath: { path?: string } }) => `volume "${v.name}" mounts host path ${v.hostPath.path}`,
      );
  },
});

const ADDED = (c: { securityContext?: { capabilities?: { add?: unknown; drop?: unknown } } }, k: 'add' | 'drop') => {
  const list = c.securityContext?.capabilities?.[k];
  return Array.isArray(list) ? list.map((x) => String(x).toUpperCase().replace(/^CAP_/, '')) : [];
};

/** Gatekeeper `k8spspcapabilities`: only allowed capabilities added, required ones dropped. */
export const capabilities = defineTemplate({
  id: 'k8spspcapabilities',
  title: 'Capabilities',
  description: 'Containers may add only the allowed capabilities and must drop the required ones',
  kinds: POD_KINDS,
  parameters: z.object({
    allowedCapabilities: z.array(z.string()).default([]),
    requiredDropCapabilities: z.array(z.string()).default([]),
  }),
  keywords: ['capability', 'capabilities', 'cap', 'drop', 'sys_admin', 'net_admin', 'net_raw'],
  check: (obj, p) =>
    containersOf(obj).flatMap(({ c, name }) => {
      const add = ADDED(c, 'add');
      const drop = ADDED(c, 'drop');
      const allowed = new Set(p.allowedCapabilities.map((x) => x.toUpperCase()));
      return [
        ...add
          .filter((x) => !allowed.has('*') && !allowed.has(x))
          .map((x) => `container "${name}" adds capability ${x}`),
        ...p.requiredDropCapabilities
          .map((x) => x.toUpperCase())
          .filter((x) => !drop.includes(x) && !drop.includes('ALL'))
          .map((x) => `container "${name}" does not drop ${x}`),
      ];
    }),
});

/** Gatekeeper `k8spspseccomp`: the effective seccomp profile is one of the allowed. */
export const seccomp = defineTemplate({
  id: 'k8spspseccomp',
  title: 'Seccomp profile',
  description: 'Containers must run with one of the allowed seccomp profiles',
  kinds: POD_KINDS,
  parameters: z.object({ allowedProfiles: z.array(z.string()).default(['RuntimeDefault', 'Localhost']) }),
  keywords: ['seccomp', 'syscall', 'system call', 'profile'],
  check: (obj, p) => {
    const podType = podSpecOf(obj)?.spec.securityContext?.seccompProfile?.type;
    return containersOf(obj).flatMap(({ c, name }) => {
      const type = c.securityContext?.seccompProfile?.type ?? podType;
      return p.allowedProfiles.includes(type)
        ? []
        : [`container "${name}" runs with seccomp profile ${type ?? '(none)'}, not ${p.allowedProfiles.join(' or ')}`];
    });
  },
});

/** Gatekeeper `k8spspapparmor`: AppArmor profile annotation or field among the allowed. */
export const appArmor = defineTemplate({
  id: 'k8spspapparmor',
  title: 'AppArmor profile',
  description: 'Containers must run with one of the allowed AppArmor profiles',
  kinds: POD_KINDS,
  parameters: z.object({ allowedProfiles: z.array(z.string()).default(['runtime/default']) }),
  keywords: ['apparmor', 'app armor', 'profile'],
  check: (obj, p) => {
    const pod = podSpecOf(obj);
    const annotations = (pod?.metadata.annotations ?? {}) as Record<string, string>;
    const podType = pod?.spec.securityContext?.appArmorProfile?.type;
    return containersOf(obj).flatMap(({ c, name }) => {
      const field = c.securityContext?.appArmorProfile?.type ?? podType;
      const profile =
        annotations[`container.apparmor.security.beta.kubernetes.io/${name}`] ??
        (field === 'RuntimeDefault' ? 'runtime/default' : field === 'Unconfined' ? 'unconfined' : field);
      return p.allowedProfiles.includes(profile ?? '')
        ? []
        : [`container "${name}" has AppArmor profile ${profile ?? '(none)'}`];
    });
  },
});

/** Gatekeeper `k8spspreadonlyrootfilesystem` (the validator rule container-read-only-root-fs). */
export const readOnlyRootFilesystem = defineTemplate({
  id: 'k8spspreadonlyrootfilesystem',
  title: 'Read-only root filesystem',
  description: 'Containers must run with a read-only root filesystem',
  kinds: POD_KINDS,
  parameters: NONE,
  keywords: ['read-only', 'readonly', 'read only', 'root filesystem', 'writable'],
  check: (obj, _p, ctx) => ruleReasons('container-read-only-root-fs')(obj, ctx),
});

/** Gatekeeper `k8spspallowprivilegeescalationcontainer` (the rule container-privilege-escalation). */
export const allowPrivilegeEscalation = defineTemplate({
  id: 'k8spspallowprivilegeescalationcontainer',
  title: 'No privilege escalation',
  description: 'Containers must set allowPrivilegeEscalation: false',
  kinds: POD_KINDS,
  parameters: NONE,
  keywords: ['escalation', 'escalate', 'allowprivilegeescalation', 'setuid'],
  check: (obj, _p, ctx) => ruleReasons('container-privilege-escalation')(obj, ctx),
});

/** Gatekeeper `k8spspallowedusers` with `MustRunAsNonRoot` (the rules run-as-non-root and run-as-root-user). */
export const runAsNonRoot = defineTemplate({
  id: 'k8spspallowedusers',
  title: 'Run as non-root',
  description: 'Containers must run as a non-root user',
  kinds: POD_KINDS,
  parameters: NONE,
  keywords: ['root', 'non-root', 'nonroot', 'user', 'uid'],
  check: (obj, _p, ctx) => {
    const rootUser = ruleReasons('container-run-as-root-user')(obj, ctx);
    return rootUser.length > 0 ? rootUser : ruleReasons('container-run-as-non-root')(obj, ctx);
  },
});

/** Gatekeeper `k8spspautomountserviceaccounttokenpod`: automountServiceAccountToken: false. */
export const automountToken = defineTemplate({
  id: 'k8spspautomountserviceaccounttokenpod',
  title: 'No automounted service-account token',
  description: 'Pods must set automountServiceAccountToken: false',
  kinds: POD_KINDS,
  parameters: NONE,
  keywords: ['automount', 'token', 'service account', 'serviceaccount', 'credentials'],
  check: (obj) =>
    podSpecOf(obj) && podSpecOf(obj)?.spec.automountServiceAccountToken !== false
      ? ['the pod automounts its service-account token']
      : [],
});
