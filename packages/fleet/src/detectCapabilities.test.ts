import type { KubeObject } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { detectCapabilities } from './detectCapabilities.js';

const service = (name: string, namespace: string, labels: Record<string, string> = {}, port = 80): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace, labels },
  spec: { ports: [{ port }] },
});

describe('detectCapabilities', () => {
  it('finds nothing on a bare cluster', () => {
    const found = detectCapabilities({ nodes: [], services: [], namespaces: [], crds: [] });
    expect(found.capabilities).toMatchObject({ has_gpu_nodes: false, has_prometheus: false, has_service_mesh: false });
    expect(found.endpoints).toEqual({});
  });

  it('counts GPUs and their types from allocatable and labels', () => {
    const gpuNode: KubeObject = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'gpu-1', labels: { 'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB' } },
      status: { allocatable: { 'nvidia.com/gpu': '8', cpu: '64' } },
    };
    const plain: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'cpu-1' }, status: {} };
    const found = detectCapabilities({ nodes: [gpuNode, plain], services: [], namespaces: [], crds: [] });
    expect(found.capabilities).toMatchObject({
      has_gpu_nodes: true,
      gpu_count: 8,
      gpu_types: ['NVIDIA-A100-SXM4-80GB'],
    });
  });

  it('finds observability back ends by label or name and gives their service addresses', () => {
    const found = detectCapabilities({
      nodes: [],
      services: [
        service('prometheus-operator', 'monitoring'),
        service('kps-server', 'monitoring', { 'app.kubernetes.io/name': 'prometheus' }, 9090),
        service('alertmanager-main', 'monitoring', {}, 9093),
        service('loki-gateway', 'logging', {}, 3100),
        service('tempo', 'tracing', {}, 3200),
      ],
      namespaces: [],
      crds: [],
    });
    expect(found.capabilities).toMatchObject({
      has_prometheus: true,
      has_loki: true,
      has_tempo: true,
      has_thanos: false,
    });
    expect(found.has_alertmanager).toBe(true);
    expect(found.endpoints).toEqual({
      prometheus_url: 'http://kps-server.monitoring.svc:9090',
      alertmanager_url: 'http://alertmanager-main.monitoring.svc:9093',
      loki_url: 'http://loki-gateway.logging.svc:3100',
      tempo_url: 'http://tempo.tracing.svc:3200',
    });
  });

  it('detects Istio by its CRDs and Linkerd by its namespace', () => {
    const crd: KubeObject = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'virtualservices.networking.istio.io' },
      spec: { group: 'networking.istio.io' },
    };
    const linkerd: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'linkerd' } };
    expect(detectCapabilities({ nodes: [], services: [], namespaces: [], crds: [crd] }).service_mesh).toBe('istio');
    const found = detectCapabilities({ nodes: [], services: [], namespaces: [linkerd], crds: [] });
    expect(found.service_mesh).toBe('linkerd');
    expect(found.capabilities.has_service_mesh).toBe(true);
  });
});
