import { z } from 'zod';
import { parseDuration } from '../behaviour/parseDuration.js';
import { GPU_PRODUCTS, type GpuProductKey, gfdProductLabel } from './gpuProducts.js';

const Duration = z.string().refine((v) => parseDuration(v) !== undefined, {
  message: 'expected a duration such as 30s, 5m or 1h30m',
});
const Version = (shape: RegExp, example: string) => z.string().regex(shape, `expected a version such as ${example}`);

/**
 * A pool of simulated GPU nodes, written as a document of a scenario file: `nodes` Ready nodes named
 * `<name>-<n>`, each with `gpusPerNode` GPUs of `product` as allocatable `nvidia.com/gpu`, the labels GPU feature
 * discovery writes, and the DCGM exporter series at `/metrics/dcgm`. `seed` fixes the GPUs' UUIDs and the noise of
 * their readings; `xidErrors` schedules XID errors on given GPUs.
 * @example
 * apiVersion: sim.opspilot.dev/v1
 * kind: GpuNodePool
 * metadata: { name: gpu-a100 }
 * spec: { product: a100-80gb, nodes: 2, gpusPerNode: 4, seed: 7, xidErrors: [{ node: 1, gpu: 2, xid: 79, after: 20m }] }
 * @see https://github.com/NVIDIA/k8s-device-plugin/tree/main/docs/gpu-feature-discovery
 */
export const GpuNodePool = z
  .object({
    apiVersion: z.literal('sim.opspilot.dev/v1'),
    kind: z.literal('GpuNodePool'),
    metadata: z
      .object({
        name: z.string().regex(/^[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?$/, 'must be a DNS label of at most 42 characters'),
      })
      .loose(),
    spec: z
      .object({
        product: z.enum(Object.keys(GPU_PRODUCTS) as [GpuProductKey, ...GpuProductKey[]]),
        nodes: z.int().min(1).max(64).default(1),
        gpusPerNode: z.int().min(1).max(16).default(1),
        driverVersion: Version(/^\d+\.\d+(\.\d+)?$/, '535.104.12').default('535.104.12'),
        cudaVersion: Version(/^\d+\.\d+$/, '12.2').default('12.2'),
        seed: z.int().min(0).default(1),
        /** Taint the nodes `nvidia.com/gpu=present:NoSchedule`, as GKE and the GPU operator guides do. */
        taint: z.boolean().default(false),
        /** Node CPU and memory (defaults: 16 cores, 64Gi). */
        cpu: z.string().default('16'),
        memory: z.string().default('64Gi'),
        xidErrors: z
          .array(
            z
              .object({
                /** 1-based node of the pool. */
                node: z.int().min(1),
                gpu: z.int().min(0),
                /** The XID code (e.g. 79: fallen off the bus; 48: double-bit ECC error; 13: graphics engine exception). */
                xid: z.int().min(1),
                after: Duration,
              })
              .strict(),
          )
          .default([]),
      })
      .strict(),
  })
  .strict();
export type GpuNodePool = z.infer<typeof GpuNodePool>;

/** Whether a scenario document is meant as a GPU node pool (so it is not sent to the API). */
export function isGpuNodePoolDocument(value: unknown): boolean {
  const v = value as { apiVersion?: unknown; kind?: unknown };
  return v?.apiVersion === 'sim.opspilot.dev/v1' && v?.kind === 'GpuNodePool';
}

/** What the simulation knows of one GPU node beyond its Node object. */
export interface GpuNodeFacts {
  seed: number;
  driverVersion: string;
  cudaVersion: string;
  /** XID errors as `{ gpu, xid, at }` (unix ms). */
  xidErrors: { gpu: number; xid: number; at: number }[];
}

/**
 * The labels GPU feature discovery (and the GPU operator's node feature rules) put on a node with these GPUs.
 * @see https://github.com/NVIDIA/k8s-device-plugin/tree/main/docs/gpu-feature-discovery#generated-labels
 */
export function gfdLabels(pool: GpuNodePool['spec'], timestamp: number): Record<string, string> {
  const product = GPU_PRODUCTS[pool.product];
  const [major, minor, rev] = pool.driverVersion.split('.');
  const [cudaMajor, cudaMinor] = pool.cudaVersion.split('.');
  return {
    'nvidia.com/gpu.present': 'true',
    'nvidia.com/gpu.product': gfdProductLabel(product.name),
    'nvidia.com/gpu.memory': String(product.memoryMiB),
    'nvidia.com/gpu.count': String(pool.gpusPerNode),
    'nvidia.com/gpu.family': product.family,
    'nvidia.com/gpu.compute.major': String(product.compute[0]),
    'nvidia.com/gpu.compute.minor': String(product.compute[1]),
    'nvidia.com/gpu.replicas': '1',
    'nvidia.com/gpu.mode': 'compute',
    'nvidia.com/gpu.sharing-strategy': 'none',
    'nvidia.com/mig.capable': String(product.migCapable),
    'nvidia.com/cuda.driver.major': major!,
    'nvidia.com/cuda.driver.minor': minor!,
    'nvidia.com/cuda.driver.rev': rev ?? '',
    'nvidia.com/cuda.runtime.major': cudaMajor!,
    'nvidia.com/cuda.runtime.minor': cudaMinor!,
    'nvidia.com/gfd.timestamp': String(Math.floor(timestamp / 1000)),
  };
}
