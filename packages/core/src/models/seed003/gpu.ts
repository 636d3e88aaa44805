import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';

/** A whole percentage, 0 to 100, as nvidia-smi and DCGM report it. */
const Percent = z.number().int().min(0, 'must be at least 0').max(100, 'must be at most 100');

/** What a process uses a GPU for (seed 003 §4.3). */
export const GpuProcessType = z.enum(['COMPUTE', 'GRAPHICS', 'MIXED']);
export type GpuProcessType = z.infer<typeof GpuProcessType>;

/** A process holding memory on a GPU (seed 003 §4.3). */
export const GpuProcess = z.object({
  pid: z.number().int().min(0),
  process_name: z.string(),
  used_memory_mb: z.number().int().min(0),
  type: GpuProcessType,
});
export type GpuProcess = z.infer<typeof GpuProcess>;

/**
 * One GPU of a node (seed 003 §4.2), as sampled by the GPU collector; utilisation and fan speed are
 * percentages from 0 to 100.
 */
export const Gpu = z.object({
  index: z.number().int().min(0),
  uuid: z.string().min(1),
  name: z.string(),
  driver_version: z.string().optional(),
  cuda_version: z.string().optional(),
  memory_total_mb: z.number().int().min(0),
  memory_used_mb: z.number().int().min(0),
  memory_free_mb: z.number().int().min(0),
  utilization_gpu_percent: Percent,
  utilization_memory_percent: Percent,
  temperature_celsius: z.number().int().optional(),
  power_draw_watts: z.number().min(0).optional(),
  power_limit_watts: z.number().min(0).optional(),
  fan_speed_percent: Percent.optional(),
  processes: z.array(GpuProcess).default([]),
});
export type Gpu = z.infer<typeof Gpu>;

/** A node with GPUs and their latest sample (seed 003 §4.1), the unit of the GPU fleet view. */
export const GpuNode = z.object({
  cluster_id: Uuid,
  cluster_name: z.string(),
  node_name: z.string().min(1),
  gpus: z.array(Gpu),
  last_updated: Timestamp,
});
export type GpuNode = z.infer<typeof GpuNode>;
