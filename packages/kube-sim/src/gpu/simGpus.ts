import { createHash } from 'node:crypto';
import { parseQuantity } from '../controllers/quantity.js';
import { isTerminated } from '../controllers/scheduler.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { GpuNodeFacts } from './gpuNodePool.js';
import { type GpuProduct, gpuProductByName } from './gpuProducts.js';

type Json = Record<string, unknown>;

/** One GPU of a simulated node, with the identity nvidia-smi and dcgm-exporter report. */
export interface SimGpu {
  node: string;
  index: number;
  /** `GPU-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, fixed by the node's seed. */
  uuid: string;
  pciBusId: string;
  product: GpuProduct;
  facts: GpuNodeFacts;
}

/** Where a GPU is allocated: the container the device plugin gave it to. */
export interface GpuHolder {
  pod: KubeObject;
  container: string;
}

const UNKNOWN_PRODUCT: GpuProduct = {
  name: 'NVIDIA GPU',
  memoryMiB: 16384,
  powerLimitW: 250,
  idlePowerW: 30,
  family: 'unknown',
  compute: [8, 0],
  migCapable: false,
};

/** The `nvidia.com/gpu` count of a resource list (0 when absent or not a whole number). */
export function gpuQuantity(list: Json | undefined): number {
  const value = parseQuantity(list?.['nvidia.com/gpu']);
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : 0;
}

/**
 * The GPUs of a node: `status.capacity["nvidia.com/gpu"]` devices of the product its `nvidia.com/gpu.product` label
 * names, their UUIDs and PCI bus ids derived from `facts.seed` (or the node name when the node was not made by a
 * GpuNodePool).
 */
export function simGpus(node: KubeObject, facts: GpuNodeFacts | undefined): SimGpu[] {
  const count = gpuQuantity((node.status as Json | undefined)?.capacity as Json | undefined);
  const labels = node.metadata.labels ?? {};
  const product = gpuProductByName(labels['nvidia.com/gpu.product'] ?? '') ?? {
    ...UNKNOWN_PRODUCT,
    ...(labels['nvidia.com/gpu.memory'] ? { memoryMiB: Number(labels['nvidia.com/gpu.memory']) || 16384 } : {}),
  };
  const driver = [labels['nvidia.com/cuda.driver.major'], labels['nvidia.com/cuda.driver.minor']];
  const known: GpuNodeFacts = facts ?? {
    seed: seedOf(node.metadata.name),
    driverVersion: driver.every(Boolean)
      ? [...driver, labels['nvidia.com/cuda.driver.rev']].filter(Boolean).join('.')
      : '535.104.12',
    cudaVersion: `${labels['nvidia.com/cuda.runtime.major'] ?? '12'}.${labels['nvidia.com/cuda.runtime.minor'] ?? '2'}`,
    xidErrors: [],
  };
  return Array.from({ length: count }, (_, index) => {
    const hex = createHash('sha256').update(`${known.seed}/${node.metadata.name}/${index}`).digest('hex');
    return {
      node: node.metadata.name,
      index,
      uuid: `GPU-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`,
      pciBusId: `00000000:${(0x07 + index * 0x10).toString(16).toUpperCase().padStart(2, '0')}:00.0`,
      product,
      facts: known,
    };
  });
}

/** A stable number from a name, for nodes without a seed. */
export function seedOf(text: string): number {
  return Number.parseInt(createHash('sha256').update(text).digest('hex').slice(0, 8), 16);
}

/**
 * Which container holds each GPU of a node, as the device plugin hands them out: the node's bound pods that have
 * not finished, oldest first, each container taking the lowest free indices for its `nvidia.com/gpu` limit (the
 * request equals the limit for extended resources). GPUs beyond the node's count stay unassigned.
 * @see https://kubernetes.io/docs/tasks/manage-gpus/scheduling-gpus/
 */
export function gpuHolders(nodeName: string, gpuCount: number, pods: KubeObject[]): Map<number, GpuHolder> {
  const holders = new Map<number, GpuHolder>();
  const onNode = pods
    .filter((p) => (p.spec as Json | undefined)?.nodeName === nodeName && !isTerminated(p))
    .sort(
      (a, b) =>
        String(a.metadata.creationTimestamp ?? '').localeCompare(String(b.metadata.creationTimestamp ?? '')) ||
        a.metadata.name.localeCompare(b.metadata.name),
    );
  let next = 0;
  for (const pod of onNode) {
    for (const c of ((pod.spec as Json).containers as Json[] | undefined) ?? []) {
      const resources = c.resources as Json | undefined;
      const wanted = gpuQuantity((resources?.limits ?? resources?.requests) as Json | undefined);
      for (let i = 0; i < wanted && next < gpuCount; i++) holders.set(next++, { pod, container: String(c.name) });
    }
  }
  return holders;
}
