import type { KubeObject } from '@opspilot/core';

type Json = Record<string, any>; // biome-ignore-line

/** A pod spec that passes every posture check: PSS restricted, no token, pinned image, limits. */
export function hardenedPodSpec(): Json {
  return {
    automountServiceAccountToken: false,
    securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [
      {
        name: 'app',
        image: 'ghcr.io/acme/app:1.2.3@sha256:0d6b6b2e0c3f5f5b9b2a4f6c8e1d3a5b7c9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a',
        ports: [{ containerPort: 8080 }],
        securityContext: {
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        },
        resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
      },
    ],
  };
}

/** A Deployment of {@link hardenedPodSpec}, changed by `mutate` (pod spec, pod metadata). */
export function deployment(namespace: string, name: string, mutate: (pod: Json, meta: Json) => void = () => {}): KubeObject {
  const pod = hardenedPodSpec();
  const meta: Json = { labels: { app: name } };
  mutate(pod, meta);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { app: name, owner: 'team-a' } },
    spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: meta, spec: pod } },
  } as KubeObject;
}

const c0 = (pod: Json) => pod.containers[0];

/** Planted workload violations: [name, mutation, the one check expected to report it]. */
export const PLANTED_WORKLOADS: [string, (pod: Json, meta: Json) => void, string][] = [
  ['privileged', (p) => { c0(p).securityContext.privileged = true; }, 'container-privileged'],
  ['host-network', (p) => { p.hostNetwork = true; }, 'pod-host-network'],
  ['host-pid', (p) => { p.hostPID = true; }, 'pod-host-pid'],
  ['host-ipc', (p) => { p.hostIPC = true; }, 'pod-host-ipc'],
  ['host-path', (p) => { p.volumes = [{ name: 'logs', hostPath: { path: '/var/log' } }]; }, 'pod-host-path-volume'],
  ['docker-socket', (p) => { p.volumes = [{ name: 'sock', hostPath: { path: '/var/run/docker.sock' } }]; }, 'pod-runtime-socket'],
  ['host-port', (p) => { c0(p).ports[0].hostPort = 8080; }, 'container-host-port'],
  ['sys-admin', (p) => { c0(p).securityContext.capabilities.add = ['SYS_ADMIN']; }, 'container-dangerous-capabilities'],
  ['net-raw', (p) => { c0(p).securityContext.capabilities.add = ['NET_RAW']; }, 'container-dangerous-capabilities'],
  ['sys-time', (p) => { c0(p).securityContext.capabilities.add = ['SYS_TIME']; }, 'pss-baseline-capabilities'],
  ['apparmor', (_p, m) => { m.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' }; }, 'pss-apparmor'],
  ['apparmor-field', (p) => { c0(p).securityContext.appArmorProfile = { type: 'Unconfined' }; }, 'pss-apparmor'],
  ['selinux', (p) => { c0(p).securityContext.seLinuxOptions = { user: 'system_u' }; }, 'pss-selinux'],
  ['proc-mount', (p) => { c0(p).securityContext.procMount = 'Unmasked'; }, 'container-proc-mount'],
  ['seccomp-unconfined', (p) => { p.securityContext.seccompProfile = { type: 'Unconfined' }; }, 'pss-seccomp-unconfined'],
  ['sysctl', (p) => { p.securityContext.sysctls = [{ name: 'kernel.msgmax', value: '65536' }]; }, 'pod-unsafe-sysctls'],
  ['host-process', (p) => { c0(p).securityContext.windowsOptions = { hostProcess: true }; }, 'pss-host-process'],
  ['nfs-volume', (p) => { p.volumes = [{ name: 'data', nfs: { server: 'nfs', path: '/x' } }]; }, 'pss-volume-types'],
  ['escalation', (p) => { c0(p).securityContext.allowPrivilegeEscalation = true; }, 'container-privilege-escalation'],
  ['maybe-root', (p) => { p.securityContext.runAsNonRoot = false; }, 'container-run-as-non-root'],
  ['root-uid', (p) => { c0(p).securityContext.runAsUser = 0; }, 'container-run-as-root-user'],
  ['no-seccomp', (p) => { delete p.securityContext.seccompProfile; }, 'pod-seccomp-profile'],
  ['keeps-caps', (p) => { c0(p).securityContext.capabilities = {}; }, 'container-drop-all-capabilities'],
  ['adds-chown', (p) => { c0(p).securityContext.capabilities.add = ['CHOWN']; }, 'pss-restricted-capabilities'],
  ['env-password', (p) => { c0(p).env = [{ name: 'DB_PASSWORD', value: 'hunter2' }]; }, 'secret-env-literal'],
  ['token', (p) => { delete p.automountServiceAccountToken; }, 'pod-automount-service-account-token'],
  ['latest', (p) => { c0(p).image = 'nginx:latest'; }, 'image-latest-tag'],
  ['untagged', (p) => { c0(p).image = 'nginx'; }, 'image-latest-tag'],
  ['no-digest', (p) => { c0(p).image = 'ghcr.io/acme/app:1.2.3'; }, 'image-digest'],
  ['writable-root', (p) => { c0(p).securityContext.readOnlyRootFilesystem = false; }, 'container-read-only-root-fs'],
  ['shared-pid', (p) => { p.shareProcessNamespace = true; }, 'pod-share-process-namespace'],
  ['no-memory-limit', (p) => { delete c0(p).resources.limits.memory; }, 'container-memory-limits'],
];

const defaultDeny = (namespace: string): KubeObject =>
  ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'default-deny', namespace },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  }) as KubeObject;

const ns = (name: string, labels: Record<string, string> = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } }) as KubeObject;

const sa = (namespace: string, name: string): KubeObject =>
  ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } }) as KubeObject;

const role = (namespace: string, name: string, rules: Json[]): KubeObject =>
  ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name, namespace }, rules }) as KubeObject;

const binding = (namespace: string, name: string, roleName: string, account: string): KubeObject =>
  ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name, namespace },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: roleName },
    subjects: [{ kind: 'ServiceAccount', name: account, namespace }],
  }) as KubeObject;

const service = (namespace: string, name: string, spec: Json = {}): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }], ...spec },
  }) as KubeObject;

const ingress = (namespace: string, name: string, host: string | undefined, tls: boolean): KubeObject =>
  ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace },
    spec: {
      ...(tls ? { tls: [{ hosts: [host], secretName: 'web-tls' }] } : {}),
      rules: [
        {
          ...(host ? { host } : {}),
          http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] },
        },
      ],
    },
  }) as KubeObject;

/** The compliant namespace `secure`: every check passes on every object. */
export function secureNamespace(): KubeObject[] {
  const web = deployment('secure', 'web', (p) => {
    p.serviceAccountName = 'web';
    p.volumes = [{ name: 'tls', secret: { secretName: 'web-tls' } }];
    c0(p).volumeMounts = [{ name: 'tls', mountPath: '/tls', readOnly: true }];
  });
  return [
    ns('secure', { 'pod-security.kubernetes.io/enforce': 'restricted' }),
    defaultDeny('secure'),
    sa('secure', 'web'),
    web,
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'web-tls', namespace: 'secure' }, type: 'kubernetes.io/tls' } as KubeObject,
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config', namespace: 'secure' }, data: { LOG_LEVEL: 'info' } } as KubeObject,
    service('secure', 'web'),
    ingress('secure', 'web', 'shop.example.com', true),
    role('secure', 'reader', [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }]),
    binding('secure', 'web-reader', 'reader', 'web'),
  ];
}

/** Planted non-workload violations in namespace `planted`: [kind/name, object, the one check expected]. */
export function plantedObjects(): [string, KubeObject, string][] {
  const N = 'planted';
  return [
    ['Service/lb', service(N, 'lb', { type: 'LoadBalancer' }), 'service-load-balancer'],
    ['Service/np', service(N, 'np', { type: 'NodePort' }), 'service-node-port'],
    ['Ingress/plain', ingress(N, 'plain', 'plain.example.com', false), 'ingress-tls'],
    ['Ingress/wild', ingress(N, 'wild', '*.example.com', true), 'ingress-wildcard-host'],
    [
      'ConfigMap/creds',
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'creds', namespace: N }, data: { db_password: 'x' } } as KubeObject,
      'configmap-secrets',
    ],
    ['Secret/orphan', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'orphan', namespace: N }, type: 'Opaque' } as KubeObject, 'secret-unused'],
    ['Role/star', role(N, 'star', [{ apiGroups: [''], resources: ['configmaps'], verbs: ['*'] }]), 'rbac-wildcard'],
    ['Role/escalator', role(N, 'escalator', [{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['escalate'] }]), 'rbac-escalation'],
    ['Role/shell', role(N, 'shell', [{ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }]), 'rbac-pod-exec'],
    ['Role/peek', role(N, 'peek', [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }]), 'rbac-secrets-access'],
    ['RoleBinding/ghost', binding(N, 'ghost', 'peek', 'nobody'), 'rbac-missing-subject'],
    [
      'ClusterRoleBinding/root',
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'root' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
        subjects: [{ kind: 'ServiceAccount', name: 'ops', namespace: N }],
      } as KubeObject,
      'rbac-cluster-admin-binding',
    ],
  ];
}

/** The planted namespace (default-deny present, the `ops` account) plus an `open` namespace with no NetworkPolicy. */
export function plantedNamespaces(): KubeObject[] {
  return [ns('planted'), defaultDeny('planted'), sa('planted', 'ops'), ns('open'), deployment('open', 'exposed')];
}

/** Everything: secure, planted workloads and objects, the open namespace. */
export function plantedCluster(): KubeObject[] {
  return [
    ...secureNamespace(),
    ...plantedNamespaces(),
    ...PLANTED_WORKLOADS.map(([name, mutate]) => deployment('planted', name, mutate)),
    ...plantedObjects().map(([, o]) => o),
  ];
}
