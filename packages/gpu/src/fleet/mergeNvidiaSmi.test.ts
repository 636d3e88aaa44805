import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNvidiaSmiXml } from '../nvidia-smi/parseNvidiaSmiXml.js';
import type { GpuNodeView } from './buildGpuNodes.js';
import { mergeNvidiaSmi } from './mergeNvidiaSmi.js';

const report = parseNvidiaSmiXml(readFileSync(new URL('../__fixtures__/nvidia-smi-a100.xml', import.meta.url), 'utf8'));
const view = (gpus: GpuNodeView['gpus']): GpuNodeView => ({
  cluster_id: '6f1c1f8e-4a4b-4c3e-9d0a-1b2c3d4e5f60',
  cluster_name: 'prod',
  node_name: 'gpu-1',
  gpus,
  last_updated: '2026-01-01T00:00:00.000Z',
  gpu_allocatable: 2,
  gpu_requested: 1,
  metrics: gpus.length > 0 ? 'DCGM' : 'NONE',
  xid_errors: [],
  holders: [],
});

describe('mergeNvidiaSmi', () => {
  it("stands in with the report's GPUs when dcgm said nothing of the node", () => {
    const merged = mergeNvidiaSmi(view([]), report);
    expect(merged.metrics).toBe('NVIDIA_SMI');
    expect(merged.gpus.map((g) => [g.index, g.utilization_gpu_percent, g.processes.length])).toEqual([
      [0, 97, 1],
      [1, 0, 0],
    ]);
    expect(merged.gpus[0]).not.toHaveProperty('pci_bus_id');
    expect(merged.product).toBe('NVIDIA A100-SXM4-80GB');
  });

  it("keeps dcgm's readings and takes the report's real processes, matched by UUID", () => {
    const dcgm = {
      ...report.gpus[0]!,
      utilization_gpu_percent: 88,
      processes: [{ pid: 0, process_name: 'ml/train-0/trainer', used_memory_mb: 70000, type: 'COMPUTE' as const }],
    };
    const { pci_bus_id: _, ...gpu } = dcgm;
    const other = { ...gpu, uuid: 'GPU-00000000-0000-0000-0000-000000000000', index: 3 };
    const merged = mergeNvidiaSmi(view([gpu, other]), report);
    expect(merged.metrics).toBe('DCGM');
    expect(merged.gpus[0]).toMatchObject({
      utilization_gpu_percent: 88,
      processes: [{ pid: 48213, process_name: '/usr/bin/python3', used_memory_mb: 72144, type: 'COMPUTE' }],
    });
    expect(merged.gpus[1]).toEqual(other);
  });
});
