import type { ClusterGateway, KubeObject } from '@opspilot/core';

/**
 * One failure of the catalogue, planted on a simulated cluster: the healthy objects (applied first, the clock then
 * moves 20 s so a working revision exists), what breaks them, the finding class it shows, the default healing rule
 * and remediation that repair it, and what the repaired cluster looks like. Shared by the healing end-to-end tests and
 * `bench/remediation.ts`.
 */
export interface FailureScenario {
  /** Short name, also the namespace suffix. */
  key: string;
  finding: string;
  /** The default healing rule ({@link DEFAULT_HEALING_RULES}) that repairs it. */
  rule: string;
  remediation: string;
  healthy(ns: string): KubeObject[];
  breaks(gateway: ClusterGateway, ns: string): Promise<unknown>;
  /** The object whose state {@link FailureScenario.observe} reads, for the test's message. */
  observe(gateway: ClusterGateway, ns: string): Promise<string>;
  /** What {@link FailureScenario.observe} reads once repaired. */
  repaired: RegExp;
}

const app = (ns: string, name: string, container: Record<string, unknown>, pod: Record<string, unknown> = {}) =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80 }], ...container }],
          ...pod,
        },
      },
    },
  }) as KubeObject;

const template = (container: Record<string, unknown>) => ({
  spec: { template: { spec: { containers: [{ name: 'app', ...container }] } } },
});

type PodSpec = { containers: Record<string, unknown>[]; nodeSelector?: Record<string, string> };
const web = (ns: string) => ({ kind: 'Deployment', name: 'web', namespace: ns });
const specOf = async (gateway: ClusterGateway, ns: string) => {
  const d = (await gateway.get(web(ns))) as { spec?: { replicas?: number; template: { spec: PodSpec } } } | undefined;
  return { replicas: d?.spec?.replicas, pod: d?.spec?.template.spec, container: d?.spec?.template.spec.containers[0] };
};
const applyAll = async (gateway: ClusterGateway, objects: KubeObject[]) => {
  for (const o of objects) await gateway.apply(o);
};

const denied = (ns: string) =>
  `Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:${ns}:lister" cannot list resource "pods" in API group "" in the namespace "${ns}"`;
const rbac = (ns: string, kind: string, body: Record<string, unknown>) =>
  ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind,
    metadata: { name: 'lister', namespace: ns },
    ...body,
  }) as KubeObject;

/** The failure classes issue 17 names, each with the default rule that repairs it. */
export const FAILURE_SCENARIOS: readonly FailureScenario[] = [
  {
    key: 'image',
    finding: 'pod-image-pull',
    rule: 'bad-image-tag',
    remediation: 'image-pull:previous-image',
    healthy: (ns) => [app(ns, 'web', {})],
    breaks: (gw, ns) => gw.patch(web(ns), template({ image: 'nginx:9.9.9' })),
    observe: async (gw, ns) => `image ${(await specOf(gw, ns)).container?.image}`,
    repaired: /^image nginx:1\.27$/,
  },
  {
    key: 'crash',
    finding: 'pod-crash-loop',
    rule: 'crash-loop-after-rollout',
    remediation: 'deployment:restore-last-working-revision',
    healthy: (ns) => [app(ns, 'web', {})],
    breaks: (gw, ns) => gw.patch(web(ns), template({ command: ['python3', '-c', 'import sys; sys.exit(1)'] })),
    observe: async (gw, ns) => `command ${JSON.stringify((await specOf(gw, ns)).container?.command ?? null)}`,
    repaired: /^command null$/,
  },
  {
    key: 'key',
    finding: 'pod-container-config',
    rule: 'missing-config-key',
    remediation: 'deployment:restore-last-working-revision',
    healthy: (ns) => [
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'settings', namespace: ns },
        data: { mode: 'fast' },
      } as KubeObject,
      app(ns, 'web', { env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'mode' } } }] }),
    ],
    breaks: (gw, ns) =>
      gw.patch(
        web(ns),
        template({ env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'modes' } } }] }),
      ),
    observe: async (gw, ns) => `env ${JSON.stringify((await specOf(gw, ns)).container?.env)}`,
    repaired: /"key":"mode"}/,
  },
  {
    key: 'oom',
    finding: 'pod-oom-killed',
    rule: 'oom-killed',
    remediation: 'oom:raise-memory-limit',
    healthy: () => [],
    breaks: (gw, ns) =>
      applyAll(gw, [app(ns, 'web', { image: 'opspilot/memory-hog:1.0', resources: { limits: { memory: '512Mi' } } })]),
    observe: async (gw, ns) => `resources ${JSON.stringify((await specOf(gw, ns)).container?.resources)}`,
    repaired: /"memory":"1Gi"/,
  },
  {
    key: 'probe',
    finding: 'pod-readiness-probe',
    rule: 'probe-wrong-target',
    remediation: 'probe:fix-target',
    healthy: () => [],
    breaks: (gw, ns) =>
      applyAll(gw, [
        app(ns, 'web', {
          readinessProbe: { httpGet: { path: '/ready', port: 80 }, periodSeconds: 5 },
          livenessProbe: { httpGet: { path: '/healthz', port: 80 } },
        }),
      ]),
    observe: async (gw, ns) => `readinessProbe ${JSON.stringify((await specOf(gw, ns)).container?.readinessProbe)}`,
    repaired: /"path":"\/healthz"/,
  },
  {
    key: 'selector',
    finding: 'pod-unschedulable',
    rule: 'pending-unschedulable',
    remediation: 'scheduling:fix-node-selector',
    healthy: () => [],
    breaks: (gw, ns) => applyAll(gw, [app(ns, 'web', {}, { nodeSelector: { 'kubernetes.io/os': 'linx' } })]),
    observe: async (gw, ns) => `nodeSelector ${JSON.stringify((await specOf(gw, ns)).pod?.nodeSelector)}`,
    repaired: /^nodeSelector {"kubernetes.io\/os":"linux"}$/,
  },
  {
    // Three replicas that repel each other per node, on two schedulable workers: the third stays Pending.
    key: 'spread',
    finding: 'pod-unschedulable',
    rule: 'pending-unschedulable',
    remediation: 'scheduling:fix-pod-affinity',
    healthy: () => [],
    breaks: (gw, ns) => {
      const spread = app(
        ns,
        'web',
        {},
        {
          affinity: {
            podAntiAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: [
                { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' },
              ],
            },
          },
        },
      );
      (spread.spec as { replicas: number }).replicas = 3;
      return applyAll(gw, [spread]);
    },
    observe: async (gw, ns) => `replicas ${(await specOf(gw, ns)).replicas}`,
    repaired: /^replicas 2$/,
  },
  {
    key: 'pvc',
    finding: 'pvc-storage-class-missing',
    rule: 'missing-storage-class',
    remediation: 'storage:create-missing-class',
    healthy: () => [],
    breaks: (gw, ns) =>
      applyAll(gw, [
        {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name: 'data', namespace: ns },
          spec: {
            storageClassName: `fast-${ns}`,
            accessModes: ['ReadWriteOnce'],
            resources: { requests: { storage: '1Gi' } },
          },
        } as KubeObject,
        app(
          ns,
          'web',
          { volumeMounts: [{ name: 'data', mountPath: '/data' }] },
          { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] },
        ),
      ]),
    observe: async (gw, ns) => {
      const claim = await gw.get({ kind: 'PersistentVolumeClaim', name: 'data', namespace: ns });
      const cls = await gw.get({ kind: 'StorageClass', name: `fast-${ns}` });
      return `claim ${(claim?.status as { phase?: string } | undefined)?.phase}, class ${cls ? 'exists' : 'missing'}`;
    },
    repaired: /^claim Bound, class exists$/,
  },
  {
    key: 'svc',
    finding: 'service-selector-no-match',
    rule: 'service-selector-typo',
    remediation: 'service:fix-selector',
    healthy: () => [],
    breaks: (gw, ns) =>
      applyAll(gw, [
        app(ns, 'web', {}),
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'web', namespace: ns },
          spec: { selector: { app: 'wbe' }, ports: [{ port: 80 }] },
        } as KubeObject,
      ]),
    observe: async (gw, ns) => {
      const svc = await gw.get({ kind: 'Service', name: 'web', namespace: ns });
      return `selector ${JSON.stringify((svc?.spec as { selector?: unknown } | undefined)?.selector)}`;
    },
    repaired: /^selector {"app":"web"}$/,
  },
  {
    // The account's Role grants `pod` (a typo) instead of `pods`: the container's list is denied and it exits.
    key: 'rbac',
    finding: 'pod-crash-loop',
    rule: 'rbac-denied',
    remediation: 'rbac:grant-denied-rule',
    healthy: () => [],
    breaks: (gw, ns) =>
      applyAll(gw, [
        { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'lister', namespace: ns } } as KubeObject,
        rbac(ns, 'Role', { rules: [{ apiGroups: [''], resources: ['pod'], verbs: ['list'] }] }),
        rbac(ns, 'RoleBinding', {
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'lister' },
          subjects: [{ kind: 'ServiceAccount', name: 'lister', namespace: ns }],
        }),
        {
          ...app(
            ns,
            'web',
            { image: 'busybox:1.36', ports: [], command: ['sh', '-c', `echo '${denied(ns)}'; exit 1`] },
            { serviceAccountName: 'lister' },
          ),
        },
      ]),
    observe: async (gw, ns) => {
      const role = await gw.get({ kind: 'Role', name: 'lister', namespace: ns });
      const rules = (role as { rules?: { resources?: string[]; verbs?: string[] }[] } | undefined)?.rules ?? [];
      return `role grants ${rules.map((r) => `${r.verbs?.join(',')} ${r.resources?.join(',')}`).join('; ')}`;
    },
    repaired: /list pods/,
  },
];
