import type { KubeObject } from '@opspilot/core';
import { EARLIER, event, obj, ownedBy } from './cluster.js';

type Json = Record<string, unknown>;

/** One planted failure: the class that must report it and the object the cause belongs to (`Kind/ns/name`). */
export interface Planted {
  class: string;
  root: string;
  /** Where it came from, for test names. */
  what: string;
}

const ready = [
  { type: 'Ready', status: 'True' },
  { type: 'PodScheduled', status: 'True' },
];

function container(name: string, extra: Json = {}): Json {
  return {
    name,
    image: `registry.example.com/${name}:1.4.2`,
    ports: [{ containerPort: 8080, name: 'http' }],
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
    ...extra,
  };
}

function podStatus(name: string, state: Json | undefined): Json {
  if (!state) {
    return {
      phase: 'Running',
      conditions: ready,
      containerStatuses: [{ name, ready: true, restartCount: 0, state: { running: { startedAt: EARLIER } } }],
    };
  }
  return { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }], ...state };
}

interface WorkloadOptions {
  kind?: 'Deployment' | 'DaemonSet' | 'StatefulSet';
  replicas?: number;
  container?: Json;
  podSpec?: Json;
  /** The status of each pod (undefined: running and ready). */
  status?: (i: number) => Json | undefined;
  service?: boolean;
  labels?: Record<string, string>;
}

/** A workload with its ReplicaSet (Deployments), pods and, unless told otherwise, a Service and Endpoints. */
export function workload(ns: string, name: string, o: WorkloadOptions = {}): KubeObject[] {
  const kind = o.kind ?? 'Deployment';
  const replicas = o.replicas ?? 2;
  const labels = o.labels ?? { app: name };
  const c = container(name, o.container);
  const spec = { containers: [c], ...o.podSpec };
  const broken = Array.from({ length: replicas }, (_, i) => o.status?.(i) !== undefined).filter(Boolean).length;
  const available = replicas - broken;
  const controller = obj('apps/v1', kind, name, ns, {
    labels,
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec }, ...(kind === 'StatefulSet' ? { serviceName: name } : {}) },
    status:
      kind === 'DaemonSet'
        ? { desiredNumberScheduled: replicas, currentNumberScheduled: replicas, numberReady: available, numberAvailable: available, numberUnavailable: broken, updatedNumberScheduled: replicas, numberMisscheduled: 0 }
        : {
            replicas,
            readyReplicas: available,
            availableReplicas: available,
            updatedReplicas: replicas,
            conditions: [
              { type: 'Available', status: broken ? 'False' : 'True', reason: broken ? 'MinimumReplicasUnavailable' : 'MinimumReplicasAvailable', lastTransitionTime: EARLIER },
            ],
          },
  });
  const out: KubeObject[] = [controller];
  let podOwner = controller;
  if (kind === 'Deployment') {
    podOwner = obj('apps/v1', 'ReplicaSet', `${name}-7c9d4`, ns, {
      labels: { ...labels, 'pod-template-hash': '7c9d4' },
      ownerReferences: ownedBy(controller),
      spec: { replicas, selector: { matchLabels: { ...labels, 'pod-template-hash': '7c9d4' } }, template: { metadata: { labels }, spec } },
      status: { replicas, readyReplicas: available, availableReplicas: available },
    });
    out.push(podOwner);
  }
  for (let i = 0; i < replicas; i++) {
    const podName = kind === 'StatefulSet' ? `${name}-${i}` : `${name}-7c9d4-${'abcdefghij'[i]}x${i}`;
    out.push(
      obj('v1', 'Pod', podName, ns, {
        labels: kind === 'Deployment' ? { ...labels, 'pod-template-hash': '7c9d4' } : labels,
        ownerReferences: ownedBy(podOwner),
        spec: { nodeName: `node-${(i % 2) + 1}`, ...spec },
        status: { startTime: EARLIER, podIP: `10.1.${ns.length}.${i + 10}`, ...podStatus(name, o.status?.(i)) },
      }),
    );
  }
  if (o.service !== false) {
    out.push(
      obj('v1', 'Service', name, ns, { spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } }),
      obj('v1', 'Endpoints', name, ns, {
        subsets: available > 0 ? [{ addresses: [{ ip: `10.1.${ns.length}.10` }], ports: [{ name: 'http', port: 8080 }] }] : [],
      }),
    );
  }
  return out;
}

const waiting = (name: string, reason: string, message = '', extra: Json = {}) => ({
  containerStatuses: [{ name, image: `registry.example.com/${name}:1.4.2`, ready: false, restartCount: 0, state: { waiting: { reason, message } }, ...extra }],
});
const crashing = (name: string, exitCode = 1, reason = 'Error', message?: string) => ({
  containerStatuses: [
    {
      name,
      ready: false,
      restartCount: 7,
      state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container' } },
      lastState: { terminated: { exitCode, reason, ...(message ? { message } : {}), finishedAt: '2026-01-01T11:58:00Z' } },
    },
  ],
});

function eventsFor(objects: KubeObject[], predicate: (o: KubeObject) => boolean, type: string, reason: string, message: string): KubeObject[] {
  return objects.filter(predicate).map((o) => event(o, type, reason, message));
}

/** The nodes: three workers; node-3 reports disk pressure, node-2 a read-only filesystem from node-problem-detector. */
function nodes(): KubeObject[] {
  const node = (name: string, extra: Json[] = []) =>
    obj('v1', 'Node', name, undefined, {
      labels: { 'kubernetes.io/hostname': name },
      spec: {},
      status: {
        conditions: [
          { type: 'Ready', status: 'True', reason: 'KubeletReady' },
          { type: 'MemoryPressure', status: 'False' },
          { type: 'DiskPressure', status: 'False' },
          { type: 'PIDPressure', status: 'False' },
          ...extra,
        ],
        allocatable: { cpu: '8', memory: '32Gi', pods: '110' },
      },
    });
  const n3 = node('node-3');
  (n3.status as { conditions: Json[] }).conditions[2] = { type: 'DiskPressure', status: 'True', reason: 'KubeletHasDiskPressure', message: 'kubelet has disk pressure' };
  return [
    node('node-1'),
    node('node-2', [{ type: 'ReadonlyFilesystem', status: 'True', reason: 'FilesystemIsReadOnly', message: 'Filesystem is read-only' }]),
    n3,
  ];
}

/**
 * Incident scenarios written for the analyzers' precision suite: six broken namespaces and cluster-scoped failures
 * (47 planted failures, each with the class and root object it must be reported under) and one healthy namespace
 * (`storefront`) that must yield nothing. Shapes follow real incidents: a bad tag rolled out, a DaemonSet crashing on
 * every node, a CronJob failing every run, a default-deny policy, a Service left without pods by a scale-down.
 */
export function incidentScenarios(): { objects: KubeObject[]; planted: Planted[] } {
  const objects: KubeObject[] = [...nodes()];
  const planted: Planted[] = [];
  const plant = (cls: string, root: string, what: string) => planted.push({ class: cls, root, what });
  const ns = (name: string) => obj('v1', 'Namespace', name, undefined, { labels: { team: name } });
  objects.push(...['payments', 'batch', 'storage', 'edge', 'platform', 'ops', 'storefront', 'kube-system'].map(ns));
  objects.push(obj('storage.k8s.io/v1', 'StorageClass', 'standard', undefined, { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' }, provisioner: 'ebs.csi.aws.com' }));
  objects.push(obj('networking.k8s.io/v1', 'IngressClass', 'nginx', undefined, { spec: { controller: 'k8s.io/ingress-nginx' } }));

  // ── payments: the application's workloads ──────────────────────────────────────────────────────────────────
  objects.push(...workload('payments', 'checkout', { status: () => crashing('checkout', 1, 'Error', 'panic: dial tcp 10.0.0.5:5432: connection refused') }));
  plant('pod-crash-loop', 'Deployment/payments/checkout', 'a Deployment whose two pods crash-loop');
  objects.push(...workload('payments', 'ledger', { replicas: 1, status: () => waiting('ledger', 'ImagePullBackOff', 'Back-off pulling image "registry.example.com/ledger:1.4.3"') }));
  plant('pod-image-pull', 'Deployment/payments/ledger', 'a tag that does not exist');
  objects.push(...workload('payments', 'fraud', { replicas: 1, status: () => crashing('fraud', 137, 'OOMKilled') }));
  plant('pod-oom-killed', 'Deployment/payments/fraud', 'an OOM kill');
  const probe404 = workload('payments', 'invoices', {
    replicas: 1,
    container: { readinessProbe: { httpGet: { path: '/healthz/ready', port: 8080 } } },
    status: () => ({ containerStatuses: [{ name: 'invoices', ready: false, restartCount: 0, state: { running: { startedAt: EARLIER } } }] }),
  });
  objects.push(...probe404, ...eventsFor(probe404, (o) => o.kind === 'Pod', 'Warning', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 404'));
  plant('pod-readiness-probe', 'Deployment/payments/invoices', 'a readiness probe answered 404');
  const liveness = workload('payments', 'refunds', {
    replicas: 1,
    container: { livenessProbe: { httpGet: { path: '/live', port: 9090 } } },
    status: () => ({ containerStatuses: [{ name: 'refunds', ready: false, restartCount: 6, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 137, reason: 'Error', message: 'Liveness probe failed: Get "http://10.1.8.10:9090/live": dial tcp 10.1.8.10:9090: connect: connection refused' } } }] }),
  });
  objects.push(...liveness);
  plant('pod-liveness-probe', 'Deployment/payments/refunds', 'a liveness probe on a port nothing declares');
  objects.push(
    ...workload('payments', 'notifier', {
      replicas: 1,
      container: { env: [{ name: 'SMTP_PASSWORD', valueFrom: { secretKeyRef: { name: 'smtp', key: 'password' } } }] },
      status: () => waiting('notifier', 'CreateContainerConfigError', "couldn't find key password in Secret payments/smtp"),
    }),
    obj('v1', 'Secret', 'smtp', 'payments', { type: 'Opaque', data: { user: 'bm90aWZpZXI=' } }),
  );
  plant('pod-container-config', 'Deployment/payments/notifier', 'a Secret key that does not exist');
  objects.push(
    ...workload('payments', 'migrator', {
      replicas: 1,
      service: false,
      podSpec: { initContainers: [{ name: 'wait-db', image: 'busybox:1.36', command: ['sh', '-c', 'until nc -z db 5432; do sleep 1; done'] }] },
      status: () => ({
        phase: 'Pending',
        initContainerStatuses: [{ name: 'wait-db', ready: false, restartCount: 5, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error' } } }],
        containerStatuses: [{ name: 'migrator', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }],
      }),
    }),
  );
  plant('pod-init-container', 'Deployment/payments/migrator', 'an init container that keeps failing');
  objects.push(...workload('payments', 'reports', { replicas: 0 }));
  // The Deployment is at 0 replicas: its pods are gone, the Service selects nothing.
  const reportsIdx = objects.findIndex((o) => o.kind === 'Deployment' && o.metadata.name === 'reports');
  (objects[reportsIdx]!.status as Json) = { replicas: 0 };
  plant('workload-scaled-to-zero', 'Deployment/payments/reports', 'a Deployment left at 0 replicas behind its Service');
  objects.push(...workload('payments', 'pdf', { replicas: 1, service: false, status: () => waiting('pdf', 'ImageInspectError', 'Failed to inspect image: layer does not exist') }));
  plant('pod-image-inspect', 'Deployment/payments/pdf', 'an image the runtime cannot inspect');

  // ── ops: a DaemonSet crashing on every node, a StatefulSet, hooks, pull auth, memory ─────────────────────────
  objects.push(...workload('ops', 'log-agent', { kind: 'DaemonSet', replicas: 3, service: false, status: () => crashing('log-agent', 2, 'Error', 'open /var/log/pods: permission denied') }));
  plant('pod-crash-loop', 'DaemonSet/ops/log-agent', "a DaemonSet's three pods crash-looping");
  const hook = workload('ops', 'cache', { replicas: 1 });
  objects.push(...hook, ...eventsFor(hook, (o) => o.kind === 'Pod', 'Warning', 'FailedPostStartHook', 'PostStartHook failed: exec: "/opt/warm.sh": no such file or directory'));
  plant('pod-lifecycle-hook', 'Deployment/ops/cache', 'a postStart hook that fails');
  const pull = workload('ops', 'vault-sync', { replicas: 1, service: false, podSpec: { imagePullSecrets: [{ name: 'ghcr' }] }, status: () => waiting('vault-sync', 'ErrImagePull', 'failed to pull: 401 Unauthorized') });
  objects.push(...pull, obj('v1', 'Secret', 'ghcr', 'ops', { type: 'Opaque', data: { token: 'dG9rZW4=' } }));
  objects.push(...eventsFor(pull, (o) => o.kind === 'Pod', 'Warning', 'Failed', 'Failed to pull image "registry.example.com/vault-sync:1.4.2": 401 Unauthorized'));
  plant('pod-image-pull', 'Deployment/ops/vault-sync', 'a pull secret of the wrong type');
  objects.push(...workload('ops', 'search', { replicas: 1, podSpec: { nodeSelector: { disktype: 'nvme' } }, status: () => ({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector." }] }) }));
  // Pending pods have no node.
  for (const o of objects) if (o.kind === 'Pod' && o.metadata.name.startsWith('search-')) delete (o.spec as Json).nodeName;
  plant('pod-unschedulable', 'Deployment/ops/search', 'a nodeSelector no node matches');

  // ── batch ───────────────────────────────────────────────────────────────────────────────────────────────────
  const cron = obj('batch/v1', 'CronJob', 'settlement', 'batch', {
    spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { backoffLimit: 0, template: { spec: { containers: [container('settlement')], restartPolicy: 'Never' } } } } },
    status: { lastScheduleTime: '2026-01-01T11:55:00Z' },
  });
  objects.push(cron);
  for (let i = 0; i < 3; i++) {
    const job = obj('batch/v1', 'Job', `settlement-2914${i}`, 'batch', {
      ownerReferences: ownedBy(cron),
      spec: { backoffLimit: 0, template: { spec: { containers: [container('settlement')], restartPolicy: 'Never' } } },
      status: { failed: 1, conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }] },
    });
    objects.push(job, obj('v1', 'Pod', `settlement-2914${i}-q${i}`, 'batch', { ownerReferences: ownedBy(job), spec: { nodeName: 'node-1', containers: [container('settlement')], restartPolicy: 'Never' }, status: { phase: 'Failed', containerStatuses: [{ name: 'settlement', ready: false, restartCount: 0, state: { terminated: { exitCode: 3, reason: 'Error' } } }] } }));
  }
  plant('job-failed', 'CronJob/batch/settlement', "a CronJob failing on every run (three Jobs)");
  objects.push(obj('batch/v1', 'Job', 'reindex', 'batch', { spec: { suspend: true, template: { spec: { containers: [container('reindex')] } } }, status: { conditions: [{ type: 'Suspended', status: 'True', reason: 'JobSuspended' }] } }));
  plant('job-suspended', 'Job/batch/reindex', 'a Job left suspended');
  objects.push(obj('batch/v1', 'CronJob', 'backup', 'batch', { spec: { schedule: '0 2 * * *', suspend: true, jobTemplate: { spec: { template: { spec: { containers: [container('backup')] } } } } } }));
  plant('cronjob-suspended', 'CronJob/batch/backup', 'the nightly backup suspended');
  objects.push(obj('batch/v1', 'CronJob', 'purge', 'batch', { spec: { schedule: '0 25 * * *', jobTemplate: { spec: { template: { spec: { containers: [container('purge')] } } } } } }));
  plant('cronjob-invalid-schedule', 'CronJob/batch/purge', 'an hour of 25');
  objects.push(obj('v1', 'Pod', 'db-restore', 'batch', { spec: { nodeName: 'node-1', containers: [container('restore')], restartPolicy: 'Never' }, status: { phase: 'Failed', containerStatuses: [{ name: 'restore', ready: false, restartCount: 0, state: { terminated: { exitCode: 2, reason: 'Error', message: 'pg_restore: error: could not connect' } } }] } }));
  plant('pod-failed', 'Pod/batch/db-restore', 'a bare pod that exited 2');
  const gated = obj('v1', 'Pod', 'trainer-0', 'batch', { spec: { schedulingGates: [{ name: 'kueue.x-k8s.io/admission' }], containers: [container('trainer')] }, status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' }] } });
  objects.push(gated);
  plant('pod-scheduling-gated', 'Pod/batch/trainer-0', 'a scheduling gate nobody removes');

  // ── storage ─────────────────────────────────────────────────────────────────────────────────────────────────
  objects.push(obj('storage.k8s.io/v1', 'StorageClass', 'gp3', undefined, { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' }, provisioner: 'ebs.csi.aws.com' }));
  objects[objects.length - 1]!.metadata.creationTimestamp = '2026-01-01T11:30:00Z';
  plant('storageclass-multiple-defaults', 'StorageClass//standard', 'two default StorageClasses');
  objects.push(
    obj('v1', 'PersistentVolumeClaim', 'uploads', 'storage', { spec: { storageClassName: 'fast-ssd', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } }, status: { phase: 'Pending' } }),
  );
  plant('pvc-storage-class-missing', 'PersistentVolumeClaim/storage/uploads', 'a StorageClass that does not exist');
  objects.push(obj('v1', 'PersistentVolumeClaim', 'archive', 'storage', { spec: { storageClassName: 'standard', volumeName: 'pvc-0f3a', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '50Gi' } } }, status: { phase: 'Lost' } }));
  plant('pvc-lost', 'PersistentVolumeClaim/storage/archive', 'a claim whose volume vanished');
  objects.push(obj('v1', 'PersistentVolume', 'pv-legacy-01', undefined, { spec: { capacity: { storage: '20Gi' }, persistentVolumeReclaimPolicy: 'Retain', claimRef: { namespace: 'storage', name: 'old-data' } }, status: { phase: 'Released' } }));
  plant('pv-unavailable', 'PersistentVolume//pv-legacy-01', 'a Released volume');
  objects.push(obj('v1', 'PersistentVolume', 'pv-nfs-02', undefined, { spec: { capacity: { storage: '20Gi' }, persistentVolumeReclaimPolicy: 'Delete', claimRef: { namespace: 'storage', name: 'scratch' } }, status: { phase: 'Failed', message: 'error deleting volume: nfs server unreachable' } }));
  plant('pv-unavailable', 'PersistentVolume//pv-nfs-02', 'a volume whose deletion failed');
  objects.push(
    obj('v1', 'ConfigMap', 'geoip', 'storage', { data: { 'GeoLite2-City.csv': 'x'.repeat(1100 * 1024) } }),
    ...workload('storage', 'geo', { replicas: 1, podSpec: { volumes: [{ name: 'db', configMap: { name: 'geoip' } }] } }),
  );
  plant('configmap-oversized', 'ConfigMap/storage/geoip', 'a 1.1 MiB ConfigMap');

  // ── edge: ingresses, gateways, services, policies ────────────────────────────────────────────────────────────
  objects.push(...workload('edge', 'web', { replicas: 2 }));
  objects.push(obj('networking.k8s.io/v1', 'Ingress', 'web', 'edge', { spec: { ingressClassName: 'nginx', rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 8080 } } } }] } }] } }));
  plant('ingress-backend-missing', 'Ingress/edge/web', 'an Ingress on a port the Service does not expose');
  objects.push(obj('networking.k8s.io/v1', 'Ingress', 'admin', 'edge', { spec: { ingressClassName: 'traefik', rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } }));
  plant('ingress-class-missing', 'Ingress/edge/admin', 'an IngressClass that does not exist');
  objects.push(obj('networking.k8s.io/v1', 'Ingress', 'api', 'edge', { spec: { ingressClassName: 'nginx', tls: [{ hosts: ['api.example.com'], secretName: 'api-tls' }], rules: [{ host: 'api.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } }));
  plant('ingress-tls-secret-missing', 'Ingress/edge/api', 'a TLS Secret that does not exist');
  objects.push(obj('v1', 'Service', 'public-lb', 'edge', { spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 443, targetPort: 'http' }] }, status: { loadBalancer: {} } }));
  plant('service-loadbalancer-pending', 'Service/edge/public-lb', 'a LoadBalancer with no controller');
  objects.push(obj('v1', 'Service', 'search', 'edge', { spec: { selector: { app: 'serch' }, ports: [{ port: 80, targetPort: 8080 }] } }));
  plant('service-selector-no-match', 'Service/edge/search', 'a selector with a typo');
  objects.push(obj('v1', 'Service', 'web-metrics', 'edge', { spec: { selector: { app: 'web' }, ports: [{ port: 9100, targetPort: 'metrics' }] } }), obj('v1', 'Endpoints', 'web-metrics', 'edge', { subsets: [] }));
  plant('service-target-port', 'Service/edge/web-metrics', 'a named targetPort no container declares');
  objects.push(obj('gateway.networking.k8s.io/v1', 'GatewayClass', 'envoy', undefined, { spec: { controllerName: 'gateway.envoyproxy.io/gatewayclass-controller' }, status: { conditions: [{ type: 'Accepted', status: 'Unknown', reason: 'Pending', message: 'Waiting for controller' }] } }));
  plant('gatewayclass-not-accepted', 'GatewayClass//envoy', 'a GatewayClass no controller accepts');
  objects.push(obj('gateway.networking.k8s.io/v1', 'Gateway', 'public', 'edge', { spec: { gatewayClassName: 'istio', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] } }));
  plant('gateway-not-programmed', 'Gateway/edge/public', 'a Gateway of a class that does not exist');
  objects.push(obj('gateway.networking.k8s.io/v1', 'HTTPRoute', 'web', 'edge', { spec: { parentRefs: [{ name: 'public' }], rules: [{ backendRefs: [{ name: 'web-v2', port: 80 }] }] } }));
  plant('httproute-broken', 'HTTPRoute/edge/web', 'an HTTPRoute to a Service that does not exist');
  objects.push(
    ...workload('edge', 'storefront-ui', { replicas: 1, container: { env: [{ name: 'API_URL', value: 'http://catalog.edge.svc.cluster.local/v1' }] } }),
    ...workload('edge', 'catalog', { replicas: 1 }),
    obj('networking.k8s.io/v1', 'NetworkPolicy', 'catalog-lockdown', 'edge', { spec: { podSelector: { matchLabels: { app: 'catalog' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] } }),
  );
  plant('networkpolicy-blocks-traffic', 'NetworkPolicy/edge/catalog-lockdown', 'a policy that cuts the storefront off the catalog');

  // ── platform: autoscaling, budgets, RBAC, configuration, admission, quotas ──────────────────────────────────
  objects.push(...workload('platform', 'api', { replicas: 2 }));
  objects.push(obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'api', 'platform', { spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' }, minReplicas: 2, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] }, status: { currentReplicas: 2, desiredReplicas: 2, conditions: [{ type: 'AbleToScale', status: 'True' }, { type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: 'the HPA was unable to compute the replica count: no metrics returned from resource metrics API' }] } }));
  plant('hpa-scaling-inactive', 'HorizontalPodAutoscaler/platform/api', 'an autoscaler without metrics');
  objects.push(obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'worker', 'platform', { spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'worker' }, minReplicas: 1, maxReplicas: 4 }, status: { currentReplicas: 0, desiredReplicas: 0 } }));
  plant('hpa-scale-target-missing', 'HorizontalPodAutoscaler/platform/worker', 'an autoscaler of a deleted Deployment');
  objects.push(obj('policy/v1', 'PodDisruptionBudget', 'api', 'platform', { spec: { minAvailable: 2, selector: { matchLabels: { app: 'api' } } }, status: { currentHealthy: 2, desiredHealthy: 2, disruptionsAllowed: 0, expectedPods: 2 } }));
  plant('pdb-no-disruption', 'PodDisruptionBudget/platform/api', 'a budget that blocks every drain');
  objects.push(obj('v1', 'ServiceAccount', 'default', 'platform'), obj('v1', 'ServiceAccount', 'deployer', 'platform'));
  objects.push(obj('rbac.authorization.k8s.io/v1', 'RoleBinding', 'deployer', 'platform', { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'deployer' }, subjects: [{ kind: 'ServiceAccount', name: 'deployer', namespace: 'platform' }] }));
  plant('rbac-role-missing', 'RoleBinding/platform/deployer', 'a binding to a Role that does not exist');
  objects.push(obj('rbac.authorization.k8s.io/v1', 'ClusterRole', 'metrics-reader', undefined, { rules: [] }));
  objects.push(obj('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'ci-metrics', undefined, { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'metrics-reader' }, subjects: [{ kind: 'ServiceAccount', name: 'ci', namespace: 'ci-system' }] }));
  plant('rbac-subject-namespace-missing', 'ClusterRoleBinding//ci-metrics', 'a binding to a ServiceAccount of a namespace that does not exist');
  objects.push(...workload('platform', 'flags', { replicas: 1, podSpec: { volumes: [{ name: 'flags', configMap: { name: 'feature-flags' } }] } }), obj('v1', 'ConfigMap', 'feature-flags', 'platform', {}));
  plant('configmap-empty', 'ConfigMap/platform/feature-flags', 'an empty ConfigMap the pods mount');
  objects.push(...workload('platform', 'mailer', { replicas: 1, podSpec: { volumes: [{ name: 'tpl', configMap: { name: 'mail-templates' } }] }, status: () => ({ phase: 'Pending', conditions: [{ type: 'Ready', status: 'False' }], containerStatuses: [{ name: 'mailer', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] }) }));
  plant('configmap-missing', 'Deployment/platform/mailer', 'a ConfigMap volume that does not exist');
  objects.push(obj('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'policy-guard', undefined, { webhooks: [{ name: 'guard.platform.example.com', failurePolicy: 'Fail', clientConfig: { service: { name: 'policy-guard', namespace: 'platform', path: '/validate' } } }] }));
  plant('webhook-service-missing', 'ValidatingWebhookConfiguration//policy-guard', 'a fail-closed webhook without its Service');
  objects.push(obj('v1', 'ResourceQuota', 'compute', 'platform', { spec: { hard: { pods: '10' } }, status: { hard: { pods: '10' }, used: { pods: '10' } } }));
  plant('resourcequota-near-limit', 'ResourceQuota/platform/compute', 'a pod quota used up');

  // Cluster-scoped: nodes.
  plant('node-pressure', 'Node//node-3', 'disk pressure');
  plant('node-problem-condition', 'Node//node-2', 'a read-only filesystem reported by node-problem-detector');

  // ── storefront: healthy, with every kind a real application has ──────────────────────────────────────────────
  objects.push(
    ...workload('storefront', 'shop', { replicas: 3, container: { readinessProbe: { httpGet: { path: '/ready', port: 8080 } }, envFrom: [{ configMapRef: { name: 'shop-config' } }] } }),
    ...workload('storefront', 'cart', { kind: 'StatefulSet', replicas: 1 }),
    obj('v1', 'ConfigMap', 'shop-config', 'storefront', { data: { LOG_LEVEL: 'info' } }),
    obj('v1', 'ServiceAccount', 'default', 'storefront'),
    obj('networking.k8s.io/v1', 'Ingress', 'shop', 'storefront', { spec: { ingressClassName: 'nginx', rules: [{ host: 'www.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'shop', port: { number: 80 } } } }] } }] } }),
    obj('policy/v1', 'PodDisruptionBudget', 'shop', 'storefront', { spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'shop' } } }, status: { currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3 } }),
    obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'shop', 'storefront', { spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'shop' }, minReplicas: 3, maxReplicas: 9, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] }, status: { currentReplicas: 3, desiredReplicas: 3, conditions: [{ type: 'ScalingActive', status: 'True' }] } }),
    obj('networking.k8s.io/v1', 'NetworkPolicy', 'shop', 'storefront', { spec: { podSelector: { matchLabels: { app: 'cart' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'shop' } } }] }] } }),
    obj('v1', 'PersistentVolumeClaim', 'cart-data', 'storefront', { spec: { storageClassName: 'standard', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Bound' } }),
  );
  return { objects, planted };
}
