import { cpuAutoscaler, deployment, healthy, ingress, type Json, labels, namespace, redis, service, statefulSet } from './plantedObjects.js';

/**
 * A round of failures planted on the simulated cluster from specs alone (no hand-set statuses): the kubelet,
 * scheduler, controllers and admission of the simulator make each one fail as a kind cluster would. Each planted
 * failure names the class that must report it, the object its cause belongs to (`Kind/namespace/name`), and what its
 * fix must mention to answer the evidence. The `catalog` namespace is healthy and must stay silent.
 */

export interface PlantedFailure {
  class: string;
  root: string;
  what: string;
  /** What the proposed fix (description, command or patch) must contain. */
  fix?: RegExp;
}

/** The objects to create, in order, and the failures they plant. */
export function plantedFailures(): { objects: Json[]; planted: PlantedFailure[]; healthyNamespace: string } {
  const objects: Json[] = [];
  const planted: PlantedFailure[] = [];
  const plant = (cls: string, root: string, what: string, fix?: RegExp) =>
    planted.push({ class: cls, root, what, ...(fix ? { fix } : {}) });

  objects.push(...healthy('catalog'));
  objects.push({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name: 'nginx' },
    spec: { controller: 'k8s.io/ingress-nginx' },
  });

  // ledger: two faults behind one Service (its stable track runs out of memory, its canary's tag does not exist).
  const ledger = 'ledger';
  objects.push(
    namespace(ledger),
    deployment(
      ledger,
      'api-stable',
      { image: 'busybox:1.36', command: ['sh', '-c', 'tail /dev/zero'], resources: { limits: { memory: '64Mi' } } },
      { replicas: 2, labels: labels('api', { track: 'stable' }) },
    ),
    deployment(ledger, 'api-canary', { image: 'nginx:1.99.0' }, { labels: labels('api', { track: 'canary' }) }),
    service(ledger, 'api', labels('api')),
  );
  plant('pod-oom-killed', `Deployment/${ledger}/api-stable`, 'the stable track of a Service killed for memory', /memory/);
  plant('pod-image-pull', `Deployment/${ledger}/api-canary`, 'the canary track of the same Service on a missing tag', /image/);
  // A private registry that needs credentials.
  objects.push(deployment(ledger, 'statements', { image: 'ghcr.io/acme-bank/statements:2.3.1' }));
  plant('pod-image-pull', `Deployment/${ledger}/statements`, 'an image on a registry that needs a pull secret', /docker-registry|imagePullSecrets|pull secret/i);
  // A readiness probe on a port nothing listens on.
  objects.push(
    deployment(ledger, 'balances', { readinessProbe: { httpGet: { path: '/', port: 8081 }, periodSeconds: 5 } }),
    service(ledger, 'balances', labels('balances')),
  );
  plant('pod-readiness-probe', `Deployment/${ledger}/balances`, 'a readiness probe on the wrong port', /"port":80\b|port 80\b/);
  // A Service whose named targetPort no container declares.
  objects.push(
    deployment(ledger, 'rates', {}),
    service(ledger, 'rates', labels('rates'), { ports: [{ name: 'http', port: 80, targetPort: 'web' }] }),
  );
  plant('service-target-port', `Service/${ledger}/rates`, 'a named targetPort missing on the pods', /http|80/);

  // vault: stateful workloads.
  const vault = 'vault';
  objects.push(
    namespace(vault),
    statefulSet(vault, 'quorum', 3, redis, {
      pod: {
        affinity: {
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              { labelSelector: { matchLabels: labels('quorum') }, topologyKey: 'kubernetes.io/hostname' },
            ],
          },
        },
      },
    }),
  );
  objects.push(service(vault, 'quorum', labels('quorum'), { clusterIP: 'None', ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }] }));
  plant('pod-unschedulable', `StatefulSet/${vault}/quorum`, "a StatefulSet's third replica with nowhere to go (anti-affinity, two nodes)", /affinity|node/i);
  // A volume claim template on a StorageClass that does not exist.
  objects.push(
    statefulSet(
      vault,
      'audit-log',
      1,
      {
        name: 'app',
        image: 'nginx:1.27',
        ports: [{ containerPort: 80, name: 'http' }],
        volumeMounts: [{ name: 'data', mountPath: '/data' }],
        resources: { requests: { cpu: '50m', memory: '64Mi' } },
      },
      {
        claims: [
          {
            metadata: { name: 'data' },
            spec: {
              accessModes: ['ReadWriteOnce'],
              storageClassName: 'premium-ssd',
              resources: { requests: { storage: '1Gi' } },
            },
          },
        ],
      },
    ),
  );
  objects.push(service(vault, 'audit-log', labels('audit-log'), { clusterIP: 'None' }));
  plant('pvc-storage-class-missing', `PersistentVolumeClaim/${vault}/data-audit-log-0`, 'a volume claim template on a StorageClass that does not exist', /premium-ssd|StorageClass/);
  // A claim on a WaitForFirstConsumer class whose consumer cannot be scheduled: the pod is the cause.
  objects.push(
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'index-data', namespace: vault },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: '2Gi' } } },
    },
    deployment(
      vault,
      'indexer',
      { volumeMounts: [{ name: 'data', mountPath: '/data' }] },
      { pod: { nodeSelector: { 'disktype': 'nvme' }, volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'index-data' } }] } },
    ),
  );
  plant('pod-unschedulable', `Deployment/${vault}/indexer`, 'a WaitForFirstConsumer claim whose pod matches no node', /nodeSelector|disktype/);
  // A Secret volume that does not exist.
  objects.push(
    deployment(
      vault,
      'signer',
      { volumeMounts: [{ name: 'keys', mountPath: '/keys', readOnly: true }] },
      { pod: { volumes: [{ name: 'keys', secret: { secretName: 'signer-keys' } }] } },
    ),
  );
  plant('secret-missing', `Deployment/${vault}/signer`, 'a Secret volume that does not exist', /signer-keys/);

  // nightly: batch work.
  const nightly = 'nightly';
  objects.push(namespace(nightly), {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'statement-export', namespace: nightly },
    spec: {
      schedule: '*/2 * * * *',
      jobTemplate: {
        spec: {
          backoffLimit: 0,
          template: {
            spec: {
              restartPolicy: 'Never',
              containers: [
                { name: 'export', image: 'busybox:1.36', command: ['sh', '-c', 'echo "export: upstream returned 503"; exit 1'] },
              ],
            },
          },
        },
      },
    },
  });
  plant('job-failed', `CronJob/${nightly}/statement-export`, 'a CronJob whose Jobs exit 1 on every run', /log|exit|statement-export/i);
  objects.push({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'schema-migrate', namespace: nightly },
    spec: {
      backoffLimit: 2,
      template: {
        spec: {
          restartPolicy: 'Never',
          containers: [{ name: 'migrate', image: 'python:3.12', command: ['python3', '-c', 'import sys; print("relation users already exists"); sys.exit(3)'] }],
        },
      },
    },
  });
  plant('job-failed', `Job/${nightly}/schema-migrate`, 'a Job that reached its backoffLimit', /log|schema-migrate/i);
  objects.push({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'restore-check', namespace: nightly },
    spec: {
      restartPolicy: 'Never',
      containers: [{ name: 'check', image: 'busybox:1.36', command: ['sh', '-c', 'echo "checksum mismatch"; exit 2'] }],
    },
  });
  plant('pod-failed', `Pod/${nightly}/restore-check`, 'a bare pod that exited 2', /log|restore-check/i);
  objects.push(
    deployment(
      nightly,
      'queue-worker',
      {},
      {
        pod: {
          initContainers: [{ name: 'wait-for-broker', image: 'busybox:1.36', command: ['sh', '-c', 'echo broker not reachable; exit 1'] }],
        },
      },
    ),
  );
  plant('pod-init-container', `Deployment/${nightly}/queue-worker`, 'an init container in a crash loop', /wait-for-broker/);

  // config: configuration references.
  const config = 'config';
  objects.push(
    namespace(config),
    deployment(config, 'billing', { envFrom: [{ configMapRef: { name: 'billing-env' } }] }),
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'pricing', namespace: config }, data: { REGION: 'eu' } },
    deployment(config, 'pricing', {
      env: [
        { name: 'REGION', valueFrom: { configMapKeyRef: { name: 'pricing', key: 'REGION' } } },
        { name: 'CURRENCY', valueFrom: { configMapKeyRef: { name: 'pricing', key: 'CURRENCY' } } },
      ],
    }),
    deployment(config, 'notifier', {}, { pod: { serviceAccountName: 'notifier' } }),
  );
  plant('configmap-missing', `Deployment/${config}/billing`, 'a ConfigMap missing, referenced through envFrom', /billing-env/);
  plant('pod-container-config', `Deployment/${config}/pricing`, 'a ConfigMap key missing, referenced through valueFrom', /CURRENCY/);
  plant('replicaset-create-failed', `Deployment/${config}/notifier`, 'a ServiceAccount that does not exist', /serviceaccount|notifier/i);
  objects.push({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'ci-deployer', namespace: config },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' },
    subjects: [{ kind: 'ServiceAccount', name: 'deployer', namespace: 'ci-system' }],
  });
  plant('rbac-subject-namespace-missing', `RoleBinding/${config}/ci-deployer`, 'a binding to a ServiceAccount of a namespace that does not exist', /namespace/);

  // limits: admission refusing pods.
  const limits = 'limits';
  objects.push(
    namespace(limits),
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'pods', namespace: limits },
      spec: { hard: { pods: '2' } },
    },
    {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'container-max', namespace: limits },
      spec: { limits: [{ type: 'Container', max: { cpu: '500m' } }] },
    },
    deployment(limits, 'renderer', {}, { replicas: 3 }),
    deployment(limits, 'thumbnailer', { resources: { requests: { cpu: '1' }, limits: { cpu: '2', memory: '128Mi' } } }),
  );
  plant('resourcequota-near-limit', `ResourceQuota/${limits}/pods`, 'a ResourceQuota used up: the third pod is refused', /"pods":"3"/);
  plant('replicaset-create-failed', `Deployment/${limits}/thumbnailer`, 'a LimitRange refusing the pods', /cpu|LimitRange|500m/i);

  // edge: traffic.
  const edge = 'edge';
  objects.push(
    namespace(edge),
    namespace('shop'),
    deployment('shop', 'storefront', {}),
    service('shop', 'storefront', labels('storefront')),
    ingress(edge, 'shop', 'storefront'),
  );
  plant('ingress-backend-missing', `Ingress/${edge}/shop`, 'an Ingress to a Service of another namespace', /storefront/);
  objects.push(
    deployment(edge, 'docs', {}, { replicas: 0 }),
    service(edge, 'docs', labels('docs')),
    ingress(edge, 'docs', 'docs'),
  );
  plant('workload-scaled-to-zero', `Deployment/${edge}/docs`, 'a Deployment at 0 replicas behind an Ingress', /replicas=1|scale/);
  objects.push(
    deployment(edge, 'gateway', {}),
    service(edge, 'gateway', labels('gateway'), { type: 'LoadBalancer' }),
  );
  plant('service-loadbalancer-pending', `Service/${edge}/gateway`, 'a LoadBalancer Service nothing provisions', /LoadBalancer|NodePort|controller/i);
  objects.push(
    deployment(edge, 'frontend', { env: [{ name: 'ORDERS_URL', value: 'http://orders:80' }] }),
    service(edge, 'frontend', labels('frontend')),
    deployment(edge, 'orders', {}),
    service(edge, 'orders', labels('orders')),
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'orders-ingress', namespace: edge },
      spec: {
        podSelector: { matchLabels: labels('orders') },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ podSelector: { matchLabels: labels('admin') } }] }],
      },
    },
  );
  plant('networkpolicy-blocks-traffic', `NetworkPolicy/${edge}/orders-ingress`, 'a policy that cuts the frontend off its backend', /frontend/);
  objects.push(ingress(edge, 'status', 'gateway', { ingressClassName: 'haproxy' }));
  plant('ingress-class-missing', `Ingress/${edge}/status`, 'an IngressClass that does not exist', /haproxy|nginx/);

  // scaling: autoscalers, budgets and capacity.
  const scaling = 'scaling';
  objects.push(
    namespace(scaling),
    deployment(scaling, 'search', { resources: { limits: { memory: '128Mi' } } }, { replicas: 2 }),
    cpuAutoscaler(scaling, 'search', 'search', 2, 5, 70),
  );
  plant('hpa-missing-requests', `HorizontalPodAutoscaler/${scaling}/search`, 'an HPA on a Deployment without CPU requests', /requests|cpu/i);
  objects.push(cpuAutoscaler(scaling, 'recommender', 'recommender', 1, 3, 70));
  plant('hpa-scale-target-missing', `HorizontalPodAutoscaler/${scaling}/recommender`, 'an HPA of a Deployment that was never created', /scaleTargetRef/);
  objects.push(deployment(scaling, 'ranker', {}, { replicas: 2 }), {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'ranker', namespace: scaling },
    spec: { minAvailable: 2, selector: { matchLabels: labels('ranker') } },
  });
  plant('pdb-no-disruption', `PodDisruptionBudget/${scaling}/ranker`, 'a PDB whose minAvailable equals the replicas', /minAvailable|maxUnavailable|replicas/);
  objects.push(deployment(scaling, 'trainer', { resources: { requests: { cpu: '16', memory: '64Mi' } } }));
  plant('pod-unschedulable', `Deployment/${scaling}/trainer`, 'CPU requests no node can hold', /cpu/i);
  objects.push(
    deployment(scaling, 'feature-store', {
      livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5, failureThreshold: 2 },
    }),
  );
  plant('pod-liveness-probe', `Deployment/${scaling}/feature-store`, 'an exec liveness probe reading a file the app never writes', /liveness/i);

  // Cluster scope: a second default StorageClass.
  objects.push({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'fast', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'rancher.io/local-path',
    volumeBindingMode: 'WaitForFirstConsumer',
  });
  plant('storageclass-multiple-defaults', 'StorageClass//fast', 'two default StorageClasses', /is-default-class/);

  return { objects, planted, healthyNamespace: 'catalog' };
}
