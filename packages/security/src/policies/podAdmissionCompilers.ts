import { type Compiled, cel, double, list, type Params, secField, WORKLOADS } from './celText.js';

type Quantities = { cpu?: string; memory?: string };
const RES = ['cpu', 'memory'] as const;
const has = (section: string, res: string) =>
  `has(c.resources) && has(c.resources.${section}) && ${cel(res)} in c.resources.${section}`;
const q = (section: string, res: string) => `quantity(string(c.resources.${section}[${cel(res)}]))`;

function bounded(section: 'limits' | 'requests', max: Quantities): Compiled {
  const noun = section === 'limits' ? 'limit' : 'request';
  return {
    pod: true,
    resources: WORKLOADS,
    validations: RES.map((res) => ({
      expression: `variables.containers.all(c, ${has(section, res)}${
        max[res] ? ` && !${q(section, res)}.isGreaterThan(quantity(${cel(max[res])}))` : ''
      })`,
      message: `containers must set a ${res} ${noun}${max[res] ? ` of at most ${max[res]}` : ''}`,
    })),
  };
}

const APPARMOR_FIELD = secField('appArmorProfile', "''", '.type');
const APPARMOR = `(has(variables.podMeta.annotations) && ('container.apparmor.security.beta.kubernetes.io/' + c.name) in variables.podMeta.annotations ? variables.podMeta.annotations['container.apparmor.security.beta.kubernetes.io/' + c.name] : ${APPARMOR_FIELD} == 'RuntimeDefault' ? 'runtime/default' : ${APPARMOR_FIELD} == 'Unconfined' ? 'unconfined' : ${APPARMOR_FIELD})`;

const capsOf = (k: 'add' | 'drop') =>
  `(has(c.securityContext) && has(c.securityContext.capabilities) && has(c.securityContext.capabilities.${k}) ? c.securityContext.capabilities.${k}.map(x, x.upperAscii()) : [])`;

/** CEL forms of the pod-level templates (host access, capabilities, profiles, users, probes, resources). */
export const POD_COMPILERS: Record<string, (p: Params) => Compiled> = {
  k8spsphostnetworkingports: (p) => ({
    pod: true,
    resources: WORKLOADS,
    validations: [
      ...(p.hostNetwork
        ? []
        : [
            {
              expression: '!has(variables.podSpec.hostNetwork) || variables.podSpec.hostNetwork == false',
              message: "pods must not use the node's network namespace",
            },
          ]),
      {
        expression: `variables.containers.all(c, !has(c.ports) || c.ports.all(p, !has(p.hostPort) || p.hostPort == 0 || (p.hostPort >= ${p.min} && p.hostPort <= ${p.max})))`,
        message: `host ports must be within ${p.min}–${p.max}`,
      },
    ],
  }),
  k8spsphostfilesystem: (p) => {
    const prefixes = (p.allowedHostPaths as { pathPrefix: string }[]).map((a) => a.pathPrefix);
    return {
      pod: true,
      resources: WORKLOADS,
      validations: [
        {
          expression: `!has(variables.podSpec.volumes) || variables.podSpec.volumes.all(v, !has(v.hostPath) || ${list(prefixes)}.exists(p, v.hostPath.path.startsWith(p)))`,
          message: prefixes.length
            ? `hostPath volumes must be under ${prefixes.join(', ')}`
            : 'hostPath volumes are not allowed',
        },
      ],
    };
  },
  k8spspcapabilities: (p) => {
    const allowed = (p.allowedCapabilities as string[]).map((x) => x.toUpperCase().replace(/^CAP_/, ''));
    const drop = (p.requiredDropCapabilities as string[]).map((x) => x.toUpperCase().replace(/^CAP_/, ''));
    return {
      pod: true,
      resources: WORKLOADS,
      validations: [
        ...(allowed.includes('*')
          ? []
          : [
              {
                expression: `variables.containers.all(c, ${capsOf('add')}.all(x, ${list(allowed)}.exists(a, x == a || x == 'CAP_' + a)))`,
                message: allowed.length
                  ? `containers may add only ${allowed.join(', ')}`
                  : 'containers may add no capability',
              },
            ]),
        ...(drop.length
          ? [
              {
                expression: `variables.containers.all(c, 'ALL' in ${capsOf('drop')} || ${list(drop)}.all(r, ${capsOf('drop')}.exists(d, d == r || d == 'CAP_' + r)))`,
                message: `containers must drop ${drop.join(', ')}`,
              },
            ]
          : []),
      ],
    };
  },
  k8spspseccomp: (p) => ({
    pod: true,
    resources: WORKLOADS,
    validations: [
      {
        expression: `variables.containers.all(c, ${secField('seccompProfile', "''", '.type')} in ${list(p.allowedProfiles as string[])})`,
        message: `containers must run with seccomp profile ${(p.allowedProfiles as string[]).join(' or ')}`,
      },
    ],
  }),
  k8spspapparmor: (p) => ({
    pod: true,
    resources: WORKLOADS,
    validations: [
      {
        expression: `variables.containers.all(c, ${APPARMOR} in ${list(p.allowedProfiles as string[])})`,
        message: `containers must run with AppArmor profile ${(p.allowedProfiles as string[]).join(' or ')}`,
      },
    ],
  }),
  k8spspallowedusers: () => ({
    pod: true,
    resources: WORKLOADS,
    validations: [
      {
        expression: `variables.containers.all(c, ${secField('runAsUser', '-1')} != 0 && ${secField('runAsNonRoot', 'false')} == true)`,
        message: 'containers must set runAsNonRoot: true and must not run as uid 0',
      },
    ],
  }),
  k8spspautomountserviceaccounttokenpod: () => ({
    pod: true,
    resources: WORKLOADS,
    validations: [
      {
        expression:
          'has(variables.podSpec.automountServiceAccountToken) && variables.podSpec.automountServiceAccountToken == false',
        message: 'pods must set automountServiceAccountToken: false',
      },
    ],
  }),
  k8srequiredprobes: (p) => ({
    pod: true,
    resources: WORKLOADS,
    validations: (p.probes as string[]).map((probe) => ({
      expression: `variables.podSpec.containers.all(c, has(c.${probe}) && (${(p.probeTypes as string[])
        .map((t) => `has(c.${probe}.${t})`)
        .join(' || ')}))`,
      message: `containers must define a ${probe}`,
    })),
  }),
  k8scontainerlimits: (p) => bounded('limits', p as Quantities),
  k8scontainerrequests: (p) => bounded('requests', p as Quantities),
  k8scontainerratios: (p) => ({
    pod: true,
    resources: WORKLOADS,
    validations: RES.map((res) => {
      const max = res === 'cpu' ? ((p.cpuRatio as number | undefined) ?? (p.ratio as number)) : (p.ratio as number);
      return {
        expression: `variables.containers.all(c, !(${has('limits', res)} && ${has('requests', res)}) || ${q('requests', res)}.asApproximateFloat() == 0.0 || ${q('limits', res)}.asApproximateFloat() <= ${double(max)} * ${q('requests', res)}.asApproximateFloat())`,
        message: `a container's ${res} limit must be at most ${max}× its request`,
      };
    }),
  }),
  k8srequiredresources: (p) => ({
    pod: true,
    resources: WORKLOADS,
    validations: [
      ...(p.limits as string[]).map((r) => ({
        expression: `variables.containers.all(c, ${has('limits', r)})`,
        message: `containers must set a ${r} limit`,
      })),
      ...(p.requests as string[]).map((r) => ({
        expression: `variables.containers.all(c, ${has('requests', r)})`,
        message: `containers must set a ${r} request`,
      })),
    ],
  }),
};
