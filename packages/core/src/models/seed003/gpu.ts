import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';

const Percent = z.number().int().min(0).max(100);

/** A process using a GPU (seed 003 §4.3). */
export const GpuProcess = z.object({
  pid: z.number().int().min(0),
  process_name: z.string(),
  used_memory_mb: z.number().int().min(0),
  type: z.enum(['COMPUTE', 'GRAPHICS', 'MIXED']),
});
export type GpuProcess = z.infer<typeof GpuProcess>;

/** One GPU of a node (seed 003 §4.2); percentages 0 to 100. */
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

/** A node with GPUs (seed 003 §4.1). */
export const GpuNode = z.object({
  cluster_id: Uuid,
  cluster_name: z.string(),
  node_name: z.string().min(1),
  gpus: z.array(Gpu),
  last_updated: Timestamp,
});
export type GpuNode = z.infer<typeof GpuNode>;
