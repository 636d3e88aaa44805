import { z } from 'zod';

/** A reading as nvidia-smi prints it: `81920 MiB`, `97 %`, `67 C`, `351.24 W`, or `N/A` / `[N/A]` / `[Not Supported]`. */
const Reading = z.union([z.string(), z.number()]).optional();

const ProcessInfo = z
  .object({
    pid: z.union([z.string(), z.number()]),
    type: z.string().optional(),
    process_name: z.string().optional(),
    used_memory: Reading,
  })
  .loose();

/** One `<gpu>` element of `nvidia-smi -q -x` (only what opspilot reads; the rest is kept loose). */
export const NvidiaSmiGpuElement = z
  .object({
    '@_id': z.string().optional(),
    product_name: z.string().min(1, 'must name the product'),
    uuid: z.string().regex(/^(GPU|MIG)-[0-9a-fA-F-]+$/, 'must be a GPU UUID (GPU-…)'),
    minor_number: Reading,
    fan_speed: Reading,
    fb_memory_usage: z.object({ total: Reading, reserved: Reading, used: Reading, free: Reading }).loose(),
    utilization: z.object({ gpu_util: Reading, memory_util: Reading }).loose().optional(),
    temperature: z.object({ gpu_temp: Reading }).loose().optional(),
    /** Drivers from 530 on. */
    gpu_power_readings: z
      .object({ power_draw: Reading, instant_power_draw: Reading, current_power_limit: Reading })
      .loose()
      .optional(),
    /** Older drivers. */
    power_readings: z.object({ power_draw: Reading, power_limit: Reading }).loose().optional(),
    processes: z.union([z.literal(''), z.object({ process_info: z.array(ProcessInfo).optional() }).loose()]).optional(),
  })
  .loose();
export type NvidiaSmiGpuElement = z.infer<typeof NvidiaSmiGpuElement>;

/**
 * The document `nvidia-smi -q -x` prints (root `<nvidia_smi_log>`, DTD `nvsmi_device_v11/v12`), as fast-xml-parser
 * reads it with `<gpu>` and `<process_info>` always lists.
 * @see https://docs.nvidia.com/deploy/nvidia-smi/index.html
 */
export const NvidiaSmiLog = z.object({
  nvidia_smi_log: z
    .object({
      timestamp: z.string().optional(),
      driver_version: z.union([z.string(), z.number()]).transform(String),
      cuda_version: z.union([z.string(), z.number()]).transform(String).optional(),
      attached_gpus: z.union([z.string(), z.number()]).optional(),
      gpu: z.array(NvidiaSmiGpuElement).default([]),
    })
    .loose(),
});
export type NvidiaSmiLog = z.infer<typeof NvidiaSmiLog>;
