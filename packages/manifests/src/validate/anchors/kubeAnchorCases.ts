// biome-ignore-all lint/suspicious/noAssignInExpressions: each fixture mutation is one assignment, written inline.
/**
 * The documented verdicts of Polaris's and kube-linter's checks, for each check opspilot claims to cover, written
 * here as fixtures (never copied): a hardened Deployment (and its companions) mutated into each check's must-fail
 * and must-pass shapes. Used by anchorComparison.test.ts to measure how often the matching rule agrees.
 */

// biome-ignore lint/suspicious/noExplicitAny: fixtures are mutated freely.
type Obj = any;

/** One anchor case: the anchor's check, the opspilot rule that covers it, the anchor's verdict and the objects. */
export interface KubeAnchorCase {
  anchor: 'polaris' | 'kube-linter';
  check: string;
  rule: string;
  verdict: 'fail' | 'pass';
  objects: Obj[];
}

/** A Deployment every covered check passes: 3 replicas, probes, resources, a locked-down security context. */
export function hardened(): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop', labels: { 'app.kubernetes.io/name': 'web' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web', 'app.kubernetes.io/name': 'web' } },
        spec: {
          serviceAccountName: 'web',
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                {
                  weight: 100,
                  podAffinityTerm: {
                    topologyKey: 'kubernetes.io/hostname',
                    labelSelector: { matchLabels: { app: 'web' } },
                  },
                },
              ],
            },
          },
          containers: [
            {
              name: 'web',
              image: 'registry.example.com/shop/web:1.4.2',
              imagePullPolicy: 'Always',
              ports: [{ name: 'http', containerPort: 8080 }],
              resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
              readinessProbe: { httpGet: { path: '/ready', port: 'http' } },
              livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 20 },
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
                runAsUser: 10001,
                capabilities: { drop: ['ALL'] },
              },
            },
          ],
        },
      },
    },
  };
}

const service = (selector: Obj = { app: 'web' }): Obj => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { selector, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
});
const pdb = (extra: Obj = { minAvailable: 1 }): Obj => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { selector: { matchLabels: { app: 'web' } }, ...extra },
});
const networkPolicy = (matchLabels: Obj): Obj => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { podSelector: { matchLabels }, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 8080 }] }] },
});
const ingress = (backend: string): Obj => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
    rules: [
      {
        host: 'shop.example.com',
        http: {
          paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: backend, port: { number: 80 } } } }],
        },
      },
    ],
  },
});

const serviceAccount = (name: string): Obj => ({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: { name, namespace: 'shop' },
});
/** The node's /var/log mounted into the container, read-only or not. */
const hostLogs = (pod: Obj, c: Obj, readOnly: boolean | undefined): void => {
  pod.volumes = [{ name: 'logs', hostPath: { path: '/var/log' } }];
  c.volumeMounts = [{ name: 'logs', mountPath: '/host/log', ...(readOnly === undefined ? {} : { readOnly }) }];
};

/** Changes the hardened objects in place; may return extra objects deployed with them. */
type Mutation = (d: Obj, pod: Obj, c: Obj) => unknown;

/** A case from a mutation of {@link hardened} (which may return extra objects deployed with it). */
function make(anchor: KubeAnchorCase['anchor'], check: string, rule: string, verdict: 'fail' | 'pass', m: Mutation) {
  const d = hardened();
  const pod = d.spec.template.spec;
  const returned = m(d, pod, pod.containers[0]);
  const extra: Obj[] = Array.isArray(returned) ? returned : [];
  return { anchor, check, rule, verdict, objects: [d, service(), pdb(), ...extra] };
}

const P = (check: string, rule: string, fails: Mutation[], passes: Mutation[]) => [
  ...fails.map((m) => make('polaris', check, rule, 'fail', m)),
  ...passes.map((m) => make('polaris', check, rule, 'pass', m)),
];
const L = (check: string, rule: string, fails: Mutation[], passes: Mutation[]) => [
  ...fails.map((m) => make('kube-linter', check, rule, 'fail', m)),
  ...passes.map((m) => make('kube-linter', check, rule, 'pass', m)),
];
const keep: Mutation = () => undefined;

/** Polaris's checks (https://polaris.docs.fairwinds.com/checks/) with the verdicts its documentation gives. */
export const POLARIS_CASES: KubeAnchorCase[] = [
  ...P('hostIPCSet', 'pod-host-ipc', [(_, p) => void (p.hostIPC = true)], [keep, (_, p) => void (p.hostIPC = false)]),
  ...P('hostPIDSet', 'pod-host-pid', [(_, p) => void (p.hostPID = true)], [keep, (_, p) => void (p.hostPID = false)]),
  ...P('hostNetworkSet', 'pod-host-network', [(_, p) => void (p.hostNetwork = true)], [keep]),
  ...P('hostPortSet', 'container-host-port', [(_, _p, c) => void (c.ports[0].hostPort = 8080)], [keep]),
  ...P(
    'runAsPrivileged',
    'container-privileged',
    [(_, _p, c) => void (c.securityContext.privileged = true)],
    [keep, (_, _p, c) => void (c.securityContext.privileged = false)],
  ),
  ...P(
    'privilegeEscalationAllowed',
    'container-privilege-escalation',
    [
      (_, _p, c) => void (c.securityContext.allowPrivilegeEscalation = true),
      (_, _p, c) => void delete c.securityContext.allowPrivilegeEscalation,
    ],
    [keep],
  ),
  ...P(
    'notReadOnlyRootFilesystem',
    'container-read-only-root-fs',
    [
      (_, _p, c) => void (c.securityContext.readOnlyRootFilesystem = false),
      (_, _p, c) => void delete c.securityContext.readOnlyRootFilesystem,
    ],
    [keep],
  ),
  ...P(
    'runAsRootAllowed',
    'container-run-as-non-root',
    [
      (_, p, c) => {
        delete p.securityContext.runAsNonRoot;
        delete c.securityContext.runAsNonRoot;
        delete c.securityContext.runAsUser;
      },
      (_, p, c) => {
        p.securityContext.runAsNonRoot = false;
        delete c.securityContext.runAsNonRoot;
        delete c.securityContext.runAsUser;
      },
    ],
    [keep, (_, _p, c) => void delete c.securityContext.runAsNonRoot],
  ),
  ...P(
    'dangerousCapabilities',
    'container-dangerous-capabilities',
    [
      (_, _p, c) => void (c.securityContext.capabilities.add = ['SYS_ADMIN']),
      (_, _p, c) => void (c.securityContext.capabilities.add = ['ALL']),
    ],
    [keep, (_, _p, c) => void (c.securityContext.capabilities.add = ['NET_BIND_SERVICE'])],
  ),
  ...P(
    'insecureCapabilities',
    'container-drop-all-capabilities',
    [(_, _p, c) => void delete c.securityContext.capabilities],
    [keep],
  ),
  ...P('cpuRequestsMissing', 'container-cpu-requests', [(_, _p, c) => void delete c.resources.requests.cpu], [keep]),
  ...P('cpuLimitsMissing', 'container-cpu-limits', [(_, _p, c) => void delete c.resources.limits.cpu], [keep]),
  ...P(
    'memoryRequestsMissing',
    'container-memory-requests',
    [(_, _p, c) => void delete c.resources.requests.memory],
    [keep],
  ),
  ...P('memoryLimitsMissing', 'container-memory-limits', [(_, _p, c) => void delete c.resources.limits.memory], [keep]),
  ...P('readinessProbeMissing', 'container-readiness-probe', [(_, _p, c) => void delete c.readinessProbe], [keep]),
  ...P('livenessProbeMissing', 'container-liveness-probe', [(_, _p, c) => void delete c.livenessProbe], [keep]),
  ...P(
    'tagNotSpecified',
    'image-latest-tag',
    [(_, _p, c) => void (c.image = 'nginx'), (_, _p, c) => void (c.image = 'nginx:latest')],
    [keep, (_, _p, c) => void (c.image = 'nginx:1.27.3')],
  ),
  ...P('deploymentMissingReplicas', 'deployment-replicas', [(d) => void (d.spec.replicas = 1)], [keep]),
  ...P(
    'hostPathSet',
    'pod-host-path-volume',
    [(_, p) => void (p.volumes = [{ name: 'data', hostPath: { path: '/data' } }])],
    [keep, (_, p) => void (p.volumes = [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }])],
  ),
  ...P(
    'procMount',
    'container-proc-mount',
    [(_, _p, c) => void (c.securityContext.procMount = 'Unmasked')],
    [keep, (_, _p, c) => void (c.securityContext.procMount = 'Default')],
  ),
  // Polaris also fails a pod on a named service account that mounts its token; opspilot presumes such a pod calls
  // the API (a deliberate difference), so the cases here are the default service account's.
  ...P(
    'automountServiceAccountToken',
    'pod-automount-service-account-token',
    [
      (_, p) => {
        delete p.automountServiceAccountToken;
        delete p.serviceAccountName;
      },
    ],
    [keep],
  ),
  ...P('missingPodDisruptionBudget', 'pdb-for-multi-replica', [(d) => void (d.metadata.name = 'web')], [keep]).map(
    (c) => (c.verdict === 'fail' ? { ...c, objects: c.objects.filter((o) => o.kind !== 'PodDisruptionBudget') } : c),
  ),
  ...P(
    'sensitiveContainerEnvVar',
    'secret-env-literal',
    [(_, _p, c) => void (c.env = [{ name: 'DB_PASSWORD', value: 'hunter2-s3cret' }])],
    [
      keep,
      (_, _p, c) =>
        void (c.env = [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }]),
    ],
  ),
  ...P('pdbDisruptionsIsZero', 'pdb-blocks-eviction', [() => undefined], [keep]).map((c) =>
    c.verdict === 'fail'
      ? { ...c, objects: [...c.objects.filter((o) => o.kind !== 'PodDisruptionBudget'), pdb({ maxUnavailable: 0 })] }
      : c,
  ),
  ...P('linuxHardening', 'pod-seccomp-profile', [(_, p) => void delete p.securityContext.seccompProfile], [keep]),
  ...P('priorityClassNotSet', 'pod-priority-class', [keep], [(_, p) => void (p.priorityClassName = 'shop-standard')]),
  // Polaris also fails a workload without the instance label (left to label-recommended here) and a Helm-style
  // `<release>-<chart>` name; the cases here are the label set to another object's name, and set to its own.
  ...P(
    'metadataAndInstanceMismatched',
    'label-instance-matches-name',
    [
      (d) => void (d.metadata.labels['app.kubernetes.io/instance'] = 'billing'),
      (d) => void (d.metadata.labels['app.kubernetes.io/instance'] = 'web-canary'),
    ],
    [(d) => void (d.metadata.labels['app.kubernetes.io/instance'] = 'web')],
  ),
];

/** kube-linter's checks (https://docs.kubelinter.io/#/generated/checks) with their documented verdicts. */
export const KUBE_LINTER_CASES: KubeAnchorCase[] = [
  ...L(
    'dangling-service',
    'service-selector-matches',
    [() => [{ ...service({ app: 'nothing' }), metadata: { name: 'orphan', namespace: 'shop' } }]],
    [keep],
  ),
  ...L('dangling-ingress', 'ingress-backend-service', [() => [ingress('missing')]], [() => [ingress('web')]]),
  ...L(
    'env-var-secret',
    'secret-env-literal',
    [(_, _p, c) => void (c.env = [{ name: 'API_TOKEN', value: 'tok-123abc' }])],
    [(_, _p, c) => void (c.env = [{ name: 'POSTGRES_PASSWORD_FILE', value: '/run/secrets/pg' }])],
  ),
  ...L(
    'sensitive-host-mounts',
    'pod-sensitive-host-mount',
    [
      (_, p) => void (p.volumes = [{ name: 'etc', hostPath: { path: '/etc' } }]),
      (_, p) => void (p.volumes = [{ name: 'k', hostPath: { path: '/var/lib/kubelet' } }]),
    ],
    [keep, (_, p) => void (p.volumes = [{ name: 'logs', hostPath: { path: '/var/log/app' } }])],
  ),
  ...L(
    'unsafe-sysctls',
    'pod-unsafe-sysctls',
    [(_, p) => void (p.securityContext.sysctls = [{ name: 'kernel.msgmax', value: '65536' }])],
    [keep, (_, p) => void (p.securityContext.sysctls = [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }])],
  ),
  ...L(
    'privileged-ports',
    'container-privileged-port',
    [(_, _p, c) => void c.ports.push({ containerPort: 80 })],
    [keep],
  ),
  ...L(
    'deprecated-service-account-field',
    'pod-service-account-field',
    [(_, p) => void (p.serviceAccount = 'web')],
    [keep],
  ),
  ...L('pdb-unhealthy-pod-eviction-policy', 'pdb-unhealthy-eviction-policy', [keep], [keep]).map((c) =>
    c.verdict === 'pass'
      ? {
          ...c,
          objects: [
            ...c.objects.filter((o) => o.kind !== 'PodDisruptionBudget'),
            pdb({ minAvailable: 1, unhealthyPodEvictionPolicy: 'AlwaysAllow' }),
          ],
        }
      : c,
  ),
  ...L(
    'dangling-networkpolicy',
    'network-policy-dangling',
    [() => [networkPolicy({ app: 'nothing' })]],
    [() => [networkPolicy({ app: 'web' })], () => [networkPolicy({})]],
  ),
  ...L('ssh-port', 'container-ssh-port', [(_, _p, c) => void c.ports.push({ name: 'ssh', containerPort: 22 })], [keep]),
  ...L(
    'no-anti-affinity',
    'anti-affinity-multi-replica',
    [(_, p) => void delete p.affinity],
    [
      keep,
      (d, p) => {
        d.spec.replicas = 1;
        delete p.affinity;
      },
    ],
  ),
  ...L('pdb-max-unavailable', 'pdb-blocks-eviction', [() => undefined], [keep]).map((c) =>
    c.verdict === 'fail'
      ? { ...c, objects: [...c.objects.filter((o) => o.kind !== 'PodDisruptionBudget'), pdb({ maxUnavailable: 0 })] }
      : c,
  ),
  ...L(
    'docker-sock',
    'pod-runtime-socket',
    [(_, p) => void (p.volumes = [{ name: 's', hostPath: { path: '/var/run/docker.sock' } }])],
    [keep],
  ),
  ...L(
    'privileged-container',
    'container-privileged',
    [(_, _p, c) => void (c.securityContext.privileged = true)],
    [keep],
  ),
  ...L('host-network', 'pod-host-network', [(_, p) => void (p.hostNetwork = true)], [keep]),
  ...L('host-pid', 'pod-host-pid', [(_, p) => void (p.hostPID = true)], [keep]),
  ...L('host-ipc', 'pod-host-ipc', [(_, p) => void (p.hostIPC = true)], [keep]),
  ...L('latest-tag', 'image-latest-tag', [(_, _p, c) => void (c.image = 'redis:latest')], [keep]),
  ...L(
    'no-read-only-root-fs',
    'container-read-only-root-fs',
    [(_, _p, c) => void delete c.securityContext.readOnlyRootFilesystem],
    [keep],
  ),
  ...L(
    'unset-cpu-requirements',
    'container-cpu-requests',
    [(_, _p, c) => void delete c.resources.requests.cpu],
    [keep],
  ),
  ...L(
    'unset-memory-requirements',
    'container-memory-limits',
    [(_, _p, c) => void delete c.resources.limits.memory],
    [keep],
  ),
  ...L('no-liveness-probe', 'container-liveness-probe', [(_, _p, c) => void delete c.livenessProbe], [keep]),
  ...L('no-readiness-probe', 'container-readiness-probe', [(_, _p, c) => void delete c.readinessProbe], [keep]),
  ...L(
    'mismatching-selector',
    'selector-template-labels',
    [(d) => void (d.spec.template.metadata.labels = { app: 'other' })],
    [keep],
  ),
  ...L('default-service-account', 'pod-default-service-account', [(_, p) => void delete p.serviceAccountName], [keep]),
  // kube-linter also fails a pod whose account the input does not define at all (created by another chart) and an
  // unset strategy (the API server defaults it to RollingUpdate); opspilot judges neither (no false alarm).
  ...L(
    'non-existent-service-account',
    'pod-service-account-exists',
    [
      () => [serviceAccount('worker')],
      (_, p) => {
        p.serviceAccountName = 'wbe';
        return [serviceAccount('web')];
      },
    ],
    [
      () => [serviceAccount('web')],
      (_, p) => {
        p.serviceAccountName = 'default';
        return [serviceAccount('web')];
      },
    ],
  ),
  ...L(
    'no-rolling-update-strategy',
    'workload-rolling-update',
    [(d) => void (d.spec.strategy = { type: 'Recreate' })],
    [(d) => void (d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } })],
  ),
  ...L(
    'writable-host-mount',
    'pod-writable-host-mount',
    [(_, p, c) => hostLogs(p, c, false), (_, p, c) => hostLogs(p, c, undefined)],
    [keep, (_, p, c) => hostLogs(p, c, true)],
  ),
  ...L(
    'env-var-secret-from-configmap',
    'secret-env-from-configmap',
    [
      (_, _p, c) =>
        void (c.env = [
          { name: 'DB_PASSWORD', valueFrom: { configMapKeyRef: { name: 'settings', key: 'db-password' } } },
        ]),
    ],
    [
      (_, _p, c) =>
        void (c.env = [{ name: 'LOG_LEVEL', valueFrom: { configMapKeyRef: { name: 'settings', key: 'log-level' } } }]),
    ],
  ),
];
