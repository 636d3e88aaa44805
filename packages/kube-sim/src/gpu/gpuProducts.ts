/** What a GPU model reports, as nvidia-smi and GPU feature discovery name it. */
export interface GpuProduct {
  /** The device name, as `nvidia-smi --query-gpu=name` and dcgm-exporter's `modelName` give it. */
  name: string;
  /** Framebuffer size in MiB (`nvidia.com/gpu.memory`, `DCGM_FI_DEV_FB_FREE` + `DCGM_FI_DEV_FB_USED` + reserved). */
  memoryMiB: number;
  /** Board power limit and idle draw in watts. */
  powerLimitW: number;
  idlePowerW: number;
  /** `nvidia.com/gpu.family`. */
  family: string;
  /** CUDA compute capability (`nvidia.com/gpu.compute.major`/`.minor`). */
  compute: [number, number];
  migCapable: boolean;
}

/**
 * The GPU models a simulated GPU node pool can carry, keyed by the short name a scenario uses.
 * @see https://github.com/NVIDIA/k8s-device-plugin/tree/main/docs/gpu-feature-discovery
 */
export const GPU_PRODUCTS = {
  'a100-80gb': {
    name: 'NVIDIA A100-SXM4-80GB',
    memoryMiB: 81920,
    powerLimitW: 400,
    idlePowerW: 62,
    family: 'ampere',
    compute: [8, 0],
    migCapable: true,
  },
  'a100-40gb': {
    name: 'NVIDIA A100-SXM4-40GB',
    memoryMiB: 40960,
    powerLimitW: 400,
    idlePowerW: 55,
    family: 'ampere',
    compute: [8, 0],
    migCapable: true,
  },
  'h100-80gb': {
    name: 'NVIDIA H100 80GB HBM3',
    memoryMiB: 81559,
    powerLimitW: 700,
    idlePowerW: 72,
    family: 'hopper',
    compute: [9, 0],
    migCapable: true,
  },
  l4: {
    name: 'NVIDIA L4',
    memoryMiB: 23034,
    powerLimitW: 72,
    idlePowerW: 16,
    family: 'ada-lovelace',
    compute: [8, 9],
    migCapable: false,
  },
  t4: {
    name: 'Tesla T4',
    memoryMiB: 15360,
    powerLimitW: 70,
    idlePowerW: 10,
    family: 'turing',
    compute: [7, 5],
    migCapable: false,
  },
} as const satisfies Record<string, GpuProduct>;

/** A short GPU product name of {@link GPU_PRODUCTS}. */
export type GpuProductKey = keyof typeof GPU_PRODUCTS;

/** The catalogue entry whose device name is `name` (what a node's labels or an exporter report). */
export function gpuProductByName(name: string): GpuProduct | undefined {
  return Object.values(GPU_PRODUCTS).find((p) => p.name === name || gfdProductLabel(p.name) === name);
}

/** The `nvidia.com/gpu.product` label value: the device name with spaces as dashes, as GPU feature discovery writes it. */
export function gfdProductLabel(name: string): string {
  return name.replace(/\s+/g, '-');
}
