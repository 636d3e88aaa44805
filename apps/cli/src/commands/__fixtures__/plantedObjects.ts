/**
 * The objects the planted failures are made of: workloads, Services, Ingresses and autoscalers as teams write them,
 * and the healthy namespace that must stay silent.
 */
export type Json = Record<string, unknown>;

export const labels = (app: string, extra: Record<string, string> = {}) => ({ app, ...extra });

export function deployment(ns: string, name: string, container: Json, o: { replicas?: number; pod?: Json; labels?: Record<string, string> } = {}): Json {
  const l = o.labels ?? labels(name);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns, labels: l },
    spec: {
      replicas: o.replicas ?? 1,
      selector: { matchLabels: l },
      template: {
        metadata: { labels: l },
        spec: {
          containers: [
            {
              name: 'app',
              image: 'nginx:1.27',
              ports: [{ containerPort: 80, name: 'http' }],
              resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } },
              ...container,
            },
          ],
          ...o.pod,
        },
      },
    },
  };
}

export const redis = {
  name: 'redis',
  image: 'redis:7.2',
  ports: [{ containerPort: 6379, name: 'redis' }],
  resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '256Mi' } },
};

export function statefulSet(ns: string, name: string, replicas: number, container: Json, extra: { pod?: Json; claims?: Json[] } = {}): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: ns },
    spec: {
      serviceName: name,
      replicas,
      selector: { matchLabels: labels(name) },
      template: { metadata: { labels: labels(name) }, spec: { containers: [container], ...extra.pod } },
      ...(extra.claims ? { volumeClaimTemplates: extra.claims } : {}),
    },
  };
}

export const service = (ns: string, name: string, selector: Record<string, string>, extra: Json = {}): Json => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: ns },
  spec: { selector, ports: [{ name: 'http', port: 80, targetPort: 'http' }], ...extra },
});

export const ingress = (ns: string, name: string, backend: string, extra: Json = {}): Json => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name, namespace: ns },
  spec: {
    ingressClassName: 'nginx',
    rules: [
      {
        host: `${name}.example.com`,
        http: {
          paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: backend, port: { number: 80 } } } }],
        },
      },
    ],
    ...extra,
  },
});

/** An autoscaler of a Deployment on CPU utilization. */
export const cpuAutoscaler = (ns: string, name: string, target: string, min: number, max: number, utilization: number): Json => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name, namespace: ns },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: target },
    minReplicas: min,
    maxReplicas: max,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: utilization } } }],
  },
});

export const namespace = (name: string): Json => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

/** The healthy namespace: a web tier, a cache, a cron job that succeeds, an autoscaler and budget that fit. */
export function healthy(ns: string): Json[] {
  return [
    namespace(ns),
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'web-settings', namespace: ns },
      data: { LOG_LEVEL: 'info' },
    },
    deployment(
      ns,
      'web',
      {
        envFrom: [{ configMapRef: { name: 'web-settings' } }],
        readinessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 5 },
        livenessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 10 },
      },
      { replicas: 2 },
    ),
    service(ns, 'web', labels('web')),
    ingress(ns, 'web', 'web'),
    cpuAutoscaler(ns, 'web', 'web', 2, 6, 80),
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'web', namespace: ns },
      spec: { minAvailable: 1, selector: { matchLabels: labels('web') } },
    },
    statefulSet(ns, 'cache', 2, redis),
    service(ns, 'cache', labels('cache'), { clusterIP: 'None', ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }] }),
    {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'sitemap', namespace: ns },
      spec: {
        schedule: '*/5 * * * *',
        jobTemplate: {
          spec: {
            backoffLimit: 1,
            template: {
              spec: {
                restartPolicy: 'Never',
                containers: [{ name: 'job', image: 'busybox:1.36', command: ['sh', '-c', 'echo sitemap written; exit 0'] }],
              },
            },
          },
        },
      },
    },
  ];
}
