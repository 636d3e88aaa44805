import type { KubeObject } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { buildGpuNodes } from './buildGpuNodes.js';
import type { DcgmSamples } from './dcgmFields.js';

const node = (name: string, gpus?: number, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels },
  status: { allocatable: { cpu: '16', ...(gpus ? { 'nvidia.com/gpu': String(gpus) } : {}) } },
});
const pod = (name: string, nodeName: string, gpus: number, phase = 'Running'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'ml' },
  spec: { nodeName, containers: [{ name: 'c', image: 'x', resources: { limits: { 'nvidia.com/gpu': gpus } } }] },
  status: { phase },
});
const gpuLabels = (host: string, gpu: number, holder?: string) => ({
  Hostname: host,
  gpu: String(gpu),
  UUID: `GPU-0000000${gpu}-aaaa-bbbb-cccc-dddddddddddd`,
  modelName: 'NVIDIA A100-SXM4-80GB',
  DCGM_FI_DRIVER_VERSION: '535.104.12',
  ...(holder ? { namespace: 'ml', pod: holder, container: 'trainer' } : {}),
});
const samples = (
  field: number[],
  holders: (string | undefined)[] = [],
): { labels: Record<string, string>; value: number }[] =>
  field.map((value, gpu) => ({ labels: gpuLabels('gpu-1', gpu, holders[gpu]), value }));

const cluster = { id: '6f1c1f8e-4a4b-4c3e-9d0a-1b2c3d4e5f60', name: 'prod' };
const now = new Date('2026-01-01T00:00:00Z');
const a100 = { 'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB', 'nvidia.com/gpu.memory': '81920' };

describe('buildGpuNodes', () => {
  it('builds one GPUNode per GPU node from the dcgm samples naming it, holders as processes', () => {
    const holders = ['train-0', undefined];
    const dcgm: DcgmSamples = {
      utilization: samples([97, 0], holders),
      memoryUtilization: samples([41, 0], holders),
      memoryUsed: samples([72000, 0], holders),
      memoryFree: samples([9388, 81388], holders),
      temperature: samples([70, 33], holders),
      power: samples([351.5, 61.9], holders),
      powerLimit: samples([400, 400], holders),
      xid: samples([0, 79], holders),
    };
    const [view, ...rest] = buildGpuNodes({
      cluster,
      nodes: [node('gpu-1', 2, a100), node('cpu-1')],
      pods: [pod('train-0', 'gpu-1', 1), pod('done', 'gpu-1', 1, 'Succeeded'), pod('elsewhere', 'cpu-1', 0)],
      samples: dcgm,
      now,
    });
    expect(rest).toEqual([]);
    expect(view).toMatchObject({
      cluster_id: cluster.id,
      cluster_name: 'prod',
      node_name: 'gpu-1',
      last_updated: '2026-01-01T00:00:00.000Z',
      product: 'NVIDIA-A100-SXM4-80GB',
      gpu_allocatable: 2,
      gpu_requested: 1,
      metrics: 'DCGM',
      xid_errors: [{ index: 1, uuid: 'GPU-00000001-aaaa-bbbb-cccc-dddddddddddd', xid: 79 }],
      holders: [{ index: 0, namespace: 'ml', pod: 'train-0', container: 'trainer' }],
    });
    expect(view!.gpus[0]).toEqual({
      index: 0,
      uuid: 'GPU-00000000-aaaa-bbbb-cccc-dddddddddddd',
      name: 'NVIDIA A100-SXM4-80GB',
      driver_version: '535.104.12',
      memory_total_mb: 81920,
      memory_used_mb: 72000,
      memory_free_mb: 9388,
      utilization_gpu_percent: 97,
      utilization_memory_percent: 41,
      temperature_celsius: 70,
      power_draw_watts: 351.5,
      power_limit_watts: 400,
      processes: [{ pid: 0, process_name: 'ml/train-0/trainer', used_memory_mb: 72000, type: 'COMPUTE' }],
    });
    expect(view!.gpus[1]).toMatchObject({ index: 1, utilization_gpu_percent: 0, processes: [] });
  });

  it('lists a GPU node nobody samples with metrics NONE, and ignores series of other nodes', () => {
    const views = buildGpuNodes({
      cluster,
      nodes: [node('gpu-2', 4, a100), node('present', undefined, { 'nvidia.com/gpu.present': 'true' })],
      pods: [],
      samples: { utilization: samples([50]) },
      now,
    });
    expect(views.map((v) => [v.node_name, v.metrics, v.gpus.length, v.gpu_allocatable])).toEqual([
      ['gpu-2', 'NONE', 0, 4],
      ['present', 'NONE', 0, 0],
    ]);
  });

  it('keeps percentages within 0-100 and whole, whatever an exporter reports', () => {
    const [view] = buildGpuNodes({
      cluster,
      nodes: [node('gpu-1', 1)],
      pods: [],
      samples: { utilization: samples([101.7]), memoryUtilization: samples([-3]) },
      now,
    });
    expect(view!.gpus[0]).toMatchObject({ utilization_gpu_percent: 100, utilization_memory_percent: 0 });
  });
});
