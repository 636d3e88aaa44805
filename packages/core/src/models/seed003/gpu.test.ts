import { describe, expect, it } from 'vitest';
import { Gpu, GpuNode, GpuProcess } from './gpu.js';

const gpu = {
  index: 0,
  uuid: 'GPU-abc123-def456',
  name: 'NVIDIA A100-SXM4-80GB',
  memory_total_mb: 81920,
  memory_used_mb: 1024,
  memory_free_mb: 80896,
  utilization_gpu_percent: 50,
  utilization_memory_percent: 10,
};
const gpuProcess = { pid: 4242, process_name: 'python', used_memory_mb: 1024, type: 'COMPUTE' };

describe('Gpu', () => {
  it('accepts a sample and defaults to no processes', () => {
    expect(Gpu.parse(gpu).processes).toEqual([]);
  });

  it.each(['utilization_gpu_percent', 'utilization_memory_percent', 'fan_speed_percent'])(
    'keeps %s within 0..100',
    (field) => {
      expect(Gpu.safeParse({ ...gpu, [field]: 0 }).success).toBe(true);
      expect(Gpu.safeParse({ ...gpu, [field]: 100 }).success).toBe(true);
      expect(Gpu.safeParse({ ...gpu, [field]: 101 }).success).toBe(false);
      expect(Gpu.safeParse({ ...gpu, [field]: -1 }).success).toBe(false);
    },
  );

  it('refuses negative memory and power', () => {
    expect(Gpu.safeParse({ ...gpu, memory_used_mb: -1 }).success).toBe(false);
    expect(Gpu.safeParse({ ...gpu, power_draw_watts: -0.5 }).success).toBe(false);
    expect(Gpu.safeParse({ ...gpu, power_draw_watts: 312.5, power_limit_watts: 400 }).success).toBe(true);
  });
});

describe('GpuProcess', () => {
  it('accepts a known process type and refuses others', () => {
    expect(GpuProcess.safeParse(gpuProcess).success).toBe(true);
    expect(GpuProcess.safeParse({ ...gpuProcess, type: 'compute' }).success).toBe(false);
    expect(GpuProcess.safeParse({ ...gpuProcess, pid: -1 }).success).toBe(false);
  });
});

describe('GpuNode', () => {
  const node = {
    cluster_id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f',
    cluster_name: 'prod-east-1',
    node_name: 'worker-gpu-01',
    gpus: [{ ...gpu, processes: [gpuProcess] }],
    last_updated: '2026-01-01T00:00:00Z',
  };

  it('accepts a node with its GPUs', () => {
    expect(GpuNode.parse(node).gpus[0]?.processes[0]?.pid).toBe(4242);
  });

  it('refuses a node whose GPU is out of range or whose name is empty', () => {
    expect(GpuNode.safeParse({ ...node, gpus: [{ ...gpu, utilization_gpu_percent: 120 }] }).success).toBe(false);
    expect(GpuNode.safeParse({ ...node, node_name: '' }).success).toBe(false);
  });
});
