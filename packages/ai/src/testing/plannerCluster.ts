import type { KubeObject } from '@opspilot/core';

const ns = (name: string, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } },
});

/** A Deployment with one container, labels `app=<name>` (plus `extra`), and `replicas`. */
export function deployment(
  name: string,
  namespace: string,
  image: string,
  replicas = 2,
  extra: Record<string, string> = {},
  port = 8000,
): KubeObject {
  const labels = { app: name, ...extra };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name, image, ports: [{ containerPort: port }] }] } },
    },
  };
}

/** A Pod in `phase`, labelled `app=<app>`. */
export function pod(name: string, namespace: string, app: string, phase: string, image: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: { app } },
    spec: { containers: [{ name: app, image }] },
    status: { phase },
  };
}

const service = (name: string, namespace: string, selector: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace },
  spec: { selector, ports: [{ port: 80, targetPort: 8000 }] },
});

const node = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: {} });

/**
 * The objects the planner tests resolve names against: the demo scenario's `todo` and `monitoring` apps plus
 * ambiguous names (`backend-api`, `api-gateway`), a blue/green pair, a claim, a production namespace and nodes.
 */
export function plannerCluster(): KubeObject[] {
  return [
    ns('default'),
    ns('kube-system'),
    ns('todo'),
    ns('monitoring'),
    ns('shop', { env: 'production' }),
    ns('payments'),
    deployment('backend', 'todo', 'todo/backend:1.0'),
    deployment('frontend', 'todo', 'todo/frontend:1.0', 2, {}, 3000),
    deployment('prometheus', 'monitoring', 'prom/prometheus:v2.53.0', 1, {}, 9090),
    deployment('coredns', 'kube-system', 'registry.k8s.io/coredns/coredns:v1.11.1'),
    deployment('backend-api', 'shop', 'shop/backend-api:3.1', 3),
    deployment('api-gateway', 'shop', 'shop/api-gateway:2.0', 2),
    deployment('web-blue', 'shop', 'shop/web:1.0', 2, { app: 'web', version: 'blue' }),
    deployment('web-green', 'shop', 'shop/web:1.1', 2, { app: 'web', version: 'green' }),
    deployment('checkout', 'payments', 'payments/checkout:4.2', 2),
    deployment('checkout', 'shop', 'shop/checkout:1.9', 1),
    service('backend', 'todo', { app: 'backend' }),
    service('frontend', 'todo', { app: 'frontend' }),
    service('web', 'shop', { app: 'web', version: 'blue' }),
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'orders-db', namespace: 'shop', labels: { app: 'orders-db' } },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'orders-db' } },
        template: {
          metadata: { labels: { app: 'orders-db' } },
          spec: { containers: [{ name: 'postgres', image: 'postgres:16' }] },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data-orders-db-0', namespace: 'shop' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'todo-config', namespace: 'todo' },
      data: { LOG_LEVEL: 'info' },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'todo-secrets', namespace: 'todo' },
      data: { OPENAI_API_KEY: 'c2stdGVzdA==' },
    },
    pod('backend-7d9f8-abcde', 'todo', 'backend', 'Running', 'todo/backend:1.0'),
    pod('backend-7d9f8-fghij', 'todo', 'backend', 'Running', 'todo/backend:1.0'),
    pod('frontend-5c6b7-klmno', 'todo', 'frontend', 'Pending', 'todo/frontend:1.0'),
    node('sim-control-plane'),
    node('sim-worker-1'),
    node('sim-worker-2'),
  ];
}
