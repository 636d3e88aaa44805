import { InputError } from '@opspilot/core';
import { parseDuration } from '../behaviour/parseDuration.js';
import { nodeObject } from '../nodeObject.js';
import type { SimApi } from '../server/simApi.js';
import { gpuFleetOf } from './gpuFleet.js';
import { type GpuNodePool, gfdLabels } from './gpuNodePool.js';

/**
 * Registers a pool's nodes as their kubelets would (Ready, with `nvidia.com/gpu` capacity and allocatable as the
 * device plugin advertises it and GPU feature discovery's labels) and records their GPU facts for the DCGM series.
 * A node name already taken is an InputError.
 * @see https://kubernetes.io/docs/tasks/manage-gpus/scheduling-gpus/
 */
export function addGpuNodePool(api: SimApi, pool: GpuNodePool): number {
  const nodeType = api.registry.find('', 'v1', 'nodes')!;
  const existing = api.store.list(nodeType).items;
  const now = api.now();
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const fleet = gpuFleetOf(api.store);
  const { spec } = pool;
  for (const fault of spec.xidErrors) {
    if (fault.node > spec.nodes || fault.gpu >= spec.gpusPerNode) {
      throw new InputError(`GpuNodePool ${pool.metadata.name}: no GPU ${fault.gpu} on node ${fault.node}`, {
        hint: `nodes count from 1 to ${spec.nodes}, GPUs from 0 to ${spec.gpusPerNode - 1}`,
      });
    }
  }
  for (let n = 1; n <= spec.nodes; n++) {
    const name = `${pool.metadata.name}-${n}`;
    if (existing.some((node) => node.metadata.name === name)) {
      throw new InputError(`GpuNodePool ${pool.metadata.name}: node ${name} exists already`, {
        hint: 'give the pool another name',
      });
    }
    const capacity = { cpu: spec.cpu, memory: spec.memory, pods: '110', 'ephemeral-storage': '500Gi' };
    const gpus = String(spec.gpusPerNode);
    api.write.store.create(nodeType, {
      apiVersion: 'v1',
      kind: 'Node',
      ...nodeObject({
        name,
        index: existing.length + n,
        capacity: { ...capacity, 'nvidia.com/gpu': gpus },
        allocatable: { ...capacity, 'nvidia.com/gpu': gpus },
        labels: { ...gfdLabels(spec, now.getTime()), 'sim.opspilot.dev/gpu-pool': pool.metadata.name },
        ...(spec.taint ? { taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] } : {}),
        now: stamp,
      }),
    } as never);
    fleet.set(name, {
      seed: spec.seed * 1000 + n,
      driverVersion: spec.driverVersion,
      cudaVersion: spec.cudaVersion,
      xidErrors: spec.xidErrors
        .filter((f) => f.node === n)
        .map((f) => ({ gpu: f.gpu, xid: f.xid, at: now.getTime() + parseDuration(f.after)! })),
    });
  }
  return spec.nodes;
}
