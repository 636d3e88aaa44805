/**
 * Posture scan of a 10,000-pod cluster with every check, timed from the moment the lists have arrived (the objects
 * are built in memory, as a snapshot would hand them over). Two shapes: (a) pods owned by ReplicaSets owned by
 * Deployments (each problem reported once, on the Deployment) and (b) 10,000 bare pods, every check running on every
 * pod. Also times a policy audit of every library template over shape (a). Prints wall and CPU time per run (best of
 * three) and the load average.
 *
 *   npx tsx bench/securityScan.ts
 */
import { loadavg } from 'node:os';
import type { KubeObject } from '@opspilot/core';
import {
  auditPolicies,
  mapPolicySentence,
  POLICY_TEMPLATES,
  type SecurityPolicy,
  scanResources,
  snapshotResources,
} from '@opspilot/security';

const NAMESPACES = 100;
const PODS = 10_000;

function podSpec(i: number): Record<string, unknown> {
  const risky = i % 7 === 0;
  return {
    ...(risky ? { hostNetwork: true } : { automountServiceAccountToken: false }),
    securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [
      {
        name: 'app',
        image: i % 5 === 0 ? 'nginx:latest' : `ghcr.io/acme/app-${i % 50}:1.${i % 9}.0`,
        env: i % 11 === 0 ? [{ name: 'API_TOKEN', value: 'x' }] : [],
        securityContext: risky
          ? { privileged: true }
          : { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
        resources: { limits: { cpu: '200m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
      },
    ],
  };
}

function cluster(owned: boolean): Record<string, KubeObject[]> {
  const objects: Record<string, KubeObject[]> = {
    Namespace: [],
    Pod: [],
    Deployment: [],
    ReplicaSet: [],
    Service: [],
    NetworkPolicy: [],
    Role: [],
    RoleBinding: [],
    ServiceAccount: [],
    Secret: [],
    ConfigMap: [],
    Ingress: [],
  };
  const push = (kind: string, o: Record<string, unknown>) =>
    objects[kind]?.push({ kind, apiVersion: 'v1', ...o } as KubeObject);
  for (let n = 0; n < NAMESPACES; n++) {
    const ns = `team-${n}`;
    push('Namespace', { metadata: { name: ns } });
    if (n % 2 === 0) push('NetworkPolicy', { metadata: { name: 'deny', namespace: ns }, spec: { podSelector: {} } });
    push('ServiceAccount', { metadata: { name: 'app', namespace: ns } });
    push('Role', {
      metadata: { name: 'dev', namespace: ns },
      rules: [{ apiGroups: [''], resources: ['pods/exec', 'secrets'], verbs: ['create', 'get'] }],
    });
    push('RoleBinding', {
      metadata: { name: 'dev', namespace: ns },
      roleRef: { kind: 'Role', name: 'dev' },
      subjects: [{ kind: 'ServiceAccount', name: n % 3 === 0 ? 'ghost' : 'app', namespace: ns }],
    });
    push('Secret', { metadata: { name: 'db', namespace: ns }, type: 'Opaque' });
    push('ConfigMap', { metadata: { name: 'cfg', namespace: ns }, data: { db_password: n % 4 === 0 ? 'x' : '' } });
    push('Ingress', { metadata: { name: 'web', namespace: ns }, spec: { rules: [{ host: `${ns}.example.com` }] } });
  }
  const perDeployment = 10;
  for (let i = 0; i < PODS; i++) {
    const d = Math.floor(i / perDeployment);
    const ns = `team-${(owned ? d : i) % NAMESPACES}`;
    const name = `app-${d}`;
    if (owned && i % perDeployment === 0) {
      push('Deployment', {
        metadata: { name, namespace: ns },
        spec: {
          replicas: perDeployment,
          selector: { matchLabels: { app: name } },
          template: { metadata: { labels: { app: name } }, spec: podSpec(d) },
        },
      });
      push('ReplicaSet', {
        metadata: {
          name: `${name}-1`,
          namespace: ns,
          ownerReferences: [{ kind: 'Deployment', name, controller: true }],
        },
        spec: { template: { metadata: { labels: { app: name } }, spec: podSpec(d) } },
      });
      push('Service', {
        metadata: { name, namespace: ns },
        spec: { type: d % 13 === 0 ? 'LoadBalancer' : 'ClusterIP', selector: { app: name } },
      });
    }
    push('Pod', {
      metadata: {
        name: `${name}-${i}`,
        namespace: ns,
        labels: { app: name },
        ...(owned ? { ownerReferences: [{ kind: 'ReplicaSet', name: `${name}-1`, controller: true }] } : {}),
      },
      spec: podSpec(owned ? d : i),
    });
  }
  return objects;
}

function time<T>(fn: () => T): { result: T; wallMs: number; cpuMs: number } {
  let best = { result: undefined as T, wallMs: Number.POSITIVE_INFINITY, cpuMs: 0 };
  for (let run = 0; run < 3; run++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = fn();
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (wallMs < best.wallMs) best = { result, wallMs, cpuMs: (used.user + used.system) / 1000 };
  }
  return best;
}

const at = new Date();
for (const owned of [true, false]) {
  const objects = cluster(owned);
  const count = Object.values(objects).reduce((n, l) => n + l.length, 0);
  const { result, wallMs, cpuMs } = time(() =>
    scanResources(snapshotResources(objects, 'cluster:bench'), { target: 'cluster:bench', startedAt: at, id: 'bench' }),
  );
  console.log(
    `${owned ? '(a) owned pods ' : '(b) bare pods  '} ${PODS} pods, ${count} objects: ${result.findings.length} findings, score ${result.score}, ${result.namespaces.length} namespaces — wall ${wallMs.toFixed(0)} ms, CPU ${cpuMs.toFixed(0)} ms`,
  );
}

const sentences = [
  'images must come from ghcr.io/acme',
  'containers must not use the latest tag',
  'every container needs a readiness probe',
];
const policies: SecurityPolicy[] = [
  ...POLICY_TEMPLATES.filter((t) => t.parameters.safeParse({}).success).map((t) => ({
    id: t.id,
    name: t.id,
    template: t.id,
    parameters: {},
    match: {},
    enforcement: 'audit' as const,
    enabled: true,
  })),
  ...sentences.map((s) => {
    const m = mapPolicySentence(s);
    if (!m.ok) throw new Error(s);
    return {
      id: s,
      name: s,
      template: m.template,
      parameters: m.parameters,
      match: m.match,
      enforcement: 'audit' as const,
      enabled: true,
    };
  }),
];
const resources = snapshotResources(cluster(true), 'cluster:bench');
const audit = time(() => auditPolicies(policies, resources));
console.log(
  `policy audit: ${policies.length} policies over ${resources.length} objects: ${audit.result.length} violations — wall ${audit.wallMs.toFixed(0)} ms, CPU ${audit.cpuMs.toFixed(0)} ms`,
);
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (goal: posture scan ≤ 2000 ms after the lists arrive)`,
);
