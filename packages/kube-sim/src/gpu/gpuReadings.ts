import type { AnomalySchedule } from '../behaviour/anomalySchedule.js';
import type { ImageProfile } from '../controllers/imageCatalog.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { GpuProfile } from './gpuImages.js';
import type { GpuHolder, SimGpu } from './simGpus.js';

type Json = Record<string, unknown>;

/** What one GPU reports at a moment, in dcgm-exporter's units. */
export interface GpuReading {
  /** Percent of time a kernel ran (`DCGM_FI_DEV_GPU_UTIL`). */
  utilization: number;
  /** Percent of time memory was read or written (`DCGM_FI_DEV_MEM_COPY_UTIL`). */
  memoryCopyUtilization: number;
  /** Framebuffer MiB used, free and reserved by the driver. */
  fbUsed: number;
  fbFree: number;
  fbReserved: number;
  /** Degrees Celsius. */
  temperature: number;
  /** Watts. */
  power: number;
  /** The last XID error that happened (0: none). */
  xid: number;
  /** The container running on it, when one does. */
  holder?: GpuHolder;
}

/** What a GPU-holding container does when its image declares no GPU profile. */
export const DEFAULT_GPU_PROFILE: GpuProfile = { utilizationPercent: 35, memoryFraction: 0.25 };

/** Inference load rises and falls over this period. */
const WAVE_PERIOD_MS = 20 * 60_000;
/** Readings change every 15 seconds, as dcgm-exporter's default collection interval. */
const TICK_MS = 15_000;

/** A deterministic number in [-1, 1] for a seed, a GPU and a moment (FNV-1a over the three). */
export function noise(seed: number, key: string, tick: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (const ch of `${key}/${tick}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  return ((h >>> 0) / 0xffffffff) * 2 - 1;
}

function isRunning(pod: KubeObject, container: string): boolean {
  const statuses = ((pod.status as Json | undefined)?.containerStatuses as Json[] | undefined) ?? [];
  return Boolean((statuses.find((s) => s.name === container)?.state as Json | undefined)?.running);
}

/**
 * The reading of one GPU at `at`: idle when no running container holds it; otherwise the holder's image GPU
 * profile (a wave for inference servers), pushed to 100% while a `cpu-spike` anomaly runs in the pod, with a small
 * noise fixed by the node's seed. Temperature and power follow utilisation; the XID value is the latest scheduled
 * XID error already past.
 */
export function gpuReading(
  gpu: SimGpu,
  holder: GpuHolder | undefined,
  at: Date,
  images: { lookup(image: string): ImageProfile | undefined },
  anomalies: AnomalySchedule,
): GpuReading {
  const t = at.getTime();
  const tick = Math.floor(t / TICK_MS);
  const seed = gpu.facts.seed;
  const jitter = (what: string) => noise(seed, `${gpu.uuid}/${what}`, tick);
  const total = gpu.product.memoryMiB;
  const fbReserved = Math.round(total * 0.0065);
  const running = holder && isRunning(holder.pod, holder.container) ? holder : undefined;
  let utilization = 0;
  let fbUsed = 0;
  if (running) {
    const spec = (((running.pod.spec as Json).containers as Json[] | undefined) ?? []).find(
      (c) => c.name === running.container,
    );
    const profile = images.lookup(String(spec?.image ?? ''))?.gpu ?? DEFAULT_GPU_PROFILE;
    const phase = (noise(seed, gpu.uuid, 0) + 1) * Math.PI;
    const wave = profile.wave
      ? 0.6 * profile.utilizationPercent * Math.sin((2 * Math.PI * t) / WAVE_PERIOD_MS + phase)
      : 0;
    const spiking = anomalies.activeFor(running.pod, at).some((a) => a.type === 'cpu-spike');
    utilization = spiking ? 100 : profile.utilizationPercent + wave + 3 * jitter('util');
    fbUsed = Math.round(total * profile.memoryFraction * (1 + 0.01 * jitter('fb')));
  }
  utilization = Math.round(Math.min(100, Math.max(0, utilization)));
  fbUsed = Math.min(fbUsed, total - fbReserved);
  const load = utilization / 100;
  const { idlePowerW, powerLimitW } = gpu.product;
  const xid = gpu.facts.xidErrors
    .filter((e) => e.gpu === gpu.index && e.at <= t)
    .sort((a, b) => a.at - b.at)
    .at(-1)?.xid;
  return {
    utilization,
    memoryCopyUtilization: Math.round(Math.min(100, utilization * 0.55 + (running ? 2 : 0) * (1 + jitter('mem')))),
    fbUsed,
    fbFree: total - fbReserved - fbUsed,
    fbReserved,
    temperature: Math.round(31 + (seed % 5) + 42 * load + 1.5 * jitter('temp')),
    power:
      Math.round((idlePowerW + (powerLimitW - idlePowerW) * 0.92 * load ** 1.2 + 2 * jitter('power')) * 1000) / 1000,
    xid: xid ?? 0,
    ...(running ? { holder: running } : {}),
  };
}
