import type { ClusterCapabilities, ClusterEndpoints, KubeObject } from '@opspilot/core';

/** What {@link detectCapabilities} found: seed 003 §2.3 capabilities, §2.4 endpoints and the extras it saw. */
export interface DetectedCapabilities {
  capabilities: ClusterCapabilities;
  /** Service addresses discovered in the cluster (`http://<service>.<namespace>.svc:<port>`). */
  endpoints: ClusterEndpoints;
  has_alertmanager: boolean;
  /** `istio`, `linkerd`, or undefined. */
  service_mesh?: 'istio' | 'linkerd';
}

type Backend = 'prometheus' | 'alertmanager' | 'loki' | 'tempo' | 'thanos';
const BACKENDS: readonly Backend[] = ['alertmanager', 'thanos', 'loki', 'tempo', 'prometheus'];
const NAME_LABELS = ['app.kubernetes.io/name', 'app', 'k8s-app'];

/** The back end a Service fronts, by its name labels first, then by its own name. */
function backendOf(service: KubeObject): Backend | undefined {
  const labels = service.metadata.labels ?? {};
  const names = [...NAME_LABELS.map((l) => labels[l]).filter((v): v is string => !!v), service.metadata.name];
  for (const name of names) {
    const found = BACKENDS.find((b) => name.toLowerCase().includes(b));
    if (found && !(found === 'prometheus' && /operator|node-exporter|adapter|pushgateway/.test(name))) return found;
  }
  return undefined;
}

function serviceUrl(service: KubeObject): string {
  const ports = (service.spec as { ports?: { port?: number }[] } | undefined)?.ports ?? [];
  const port = ports[0]?.port;
  return `http://${service.metadata.name}.${service.metadata.namespace}.svc${port ? `:${port}` : ''}`;
}

function gpuCount(node: KubeObject): number {
  const allocatable = (node.status as { allocatable?: Record<string, string> } | undefined)?.allocatable ?? {};
  const count = Number.parseInt(allocatable['nvidia.com/gpu'] ?? '0', 10);
  return Number.isFinite(count) ? count : 0;
}

function meshOf(namespaces: KubeObject[], crds: KubeObject[]): 'istio' | 'linkerd' | undefined {
  const names = new Set(namespaces.map((n) => n.metadata.name));
  const groups = crds.map((c) => (c.spec as { group?: string } | undefined)?.group ?? c.metadata.name);
  if (names.has('istio-system') || groups.some((g) => g.endsWith('istio.io'))) return 'istio';
  if (names.has('linkerd') || groups.some((g) => g.endsWith('linkerd.io'))) return 'linkerd';
  return undefined;
}

/**
 * Detects what a cluster offers from its live objects: GPU nodes (allocatable `nvidia.com/gpu`, or the
 * `nvidia.com/gpu.present` label) and their types (`nvidia.com/gpu.product`), Prometheus, Alertmanager, Loki,
 * Tempo and Thanos Services (by their `app.kubernetes.io/name`, `app` or `k8s-app` label, else their name), and a
 * service mesh (Istio or Linkerd CRDs, or their namespaces).
 * @see https://kubernetes.io/docs/tasks/manage-gpus/scheduling-gpus/
 */
export function detectCapabilities(objects: {
  nodes: KubeObject[];
  services: KubeObject[];
  namespaces: KubeObject[];
  crds: KubeObject[];
}): DetectedCapabilities {
  let gpus = 0;
  const types = new Set<string>();
  let gpuNodes = 0;
  for (const node of objects.nodes) {
    const count = gpuCount(node);
    const labels = node.metadata.labels ?? {};
    if (count === 0 && labels['nvidia.com/gpu.present'] !== 'true') continue;
    gpuNodes += 1;
    gpus += count;
    const product = labels['nvidia.com/gpu.product'];
    if (product) types.add(product);
  }
  const found = new Map<Backend, KubeObject>();
  for (const service of objects.services) {
    const backend = backendOf(service);
    if (backend && !found.has(backend)) found.set(backend, service);
  }
  const url = (b: Backend) => {
    const service = found.get(b);
    return service ? serviceUrl(service) : undefined;
  };
  const mesh = meshOf(objects.namespaces, objects.crds);
  const endpoints: ClusterEndpoints = {};
  const prometheus = url('thanos') ?? url('prometheus');
  if (prometheus) endpoints.prometheus_url = prometheus;
  if (url('loki')) endpoints.loki_url = url('loki');
  if (url('tempo')) endpoints.tempo_url = url('tempo');
  if (url('alertmanager')) endpoints.alertmanager_url = url('alertmanager');
  return {
    capabilities: {
      has_gpu_nodes: gpuNodes > 0,
      gpu_count: gpus,
      gpu_types: [...types].sort(),
      has_prometheus: found.has('prometheus') || found.has('thanos'),
      has_thanos: found.has('thanos'),
      has_tempo: found.has('tempo'),
      has_loki: found.has('loki'),
      has_service_mesh: mesh !== undefined,
      has_cnf_workloads: false,
      cnf_types: [],
    },
    endpoints,
    has_alertmanager: found.has('alertmanager'),
    ...(mesh ? { service_mesh: mesh } : {}),
  };
}
