import { Gpu, type GpuProcessType, InputError } from '@opspilot/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { type NvidiaSmiGpuElement, NvidiaSmiLog } from './nvidiaSmiSchema.js';

/** What one `nvidia-smi -q -x` run says about a host's GPUs. */
export interface NvidiaSmiReport {
  driver_version: string;
  cuda_version?: string;
  /** The host's local time as nvidia-smi printed it (no zone), when present. */
  timestamp?: string;
  /** One entry per `<gpu>`, indexed in enumeration order (what `nvidia-smi -i N` and NVML call index N). */
  gpus: (Gpu & { pci_bus_id?: string })[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => name === 'gpu' || name === 'process_info',
});

/** The number in a reading (`81920 MiB` → 81920), or undefined for `N/A`, `[N/A]`, `[Not Supported]` and the like. */
export function readingOf(value: string | number | undefined): number | undefined {
  if (typeof value === 'number') return value;
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*(MiB|%|C|W|MHz)?\s*$/.exec(value ?? '');
  return match ? Number(match[1]) : undefined;
}

const PROCESS_TYPES: Record<string, GpuProcessType> = { C: 'COMPUTE', G: 'GRAPHICS', 'C+G': 'MIXED' };

function toGpu(
  element: NvidiaSmiGpuElement,
  index: number,
  driver: string,
  cuda: string | undefined,
): NvidiaSmiReport['gpus'][number] {
  const percent = (v: string | number | undefined) => {
    const n = readingOf(v);
    return n === undefined ? undefined : Math.round(Math.min(100, Math.max(0, n)));
  };
  const mib = (v: string | number | undefined) => {
    const n = readingOf(v);
    return n === undefined ? undefined : Math.round(n);
  };
  const fb = element.fb_memory_usage;
  const total = mib(fb.total) ?? 0;
  const used = mib(fb.used) ?? 0;
  const free = mib(fb.free) ?? Math.max(0, total - used - (mib(fb.reserved) ?? 0));
  const power = element.gpu_power_readings ?? {};
  const legacy = element.power_readings ?? {};
  const draw = readingOf(power.power_draw) ?? readingOf(power.instant_power_draw) ?? readingOf(legacy.power_draw);
  const limit = readingOf(power.current_power_limit) ?? readingOf(legacy.power_limit);
  const temperature = readingOf(element.temperature?.gpu_temp);
  const fan = percent(element.fan_speed);
  const infos = element.processes === '' || !element.processes ? [] : (element.processes.process_info ?? []);
  return {
    index,
    uuid: element.uuid,
    name: element.product_name,
    driver_version: driver,
    ...(cuda ? { cuda_version: cuda } : {}),
    memory_total_mb: total,
    memory_used_mb: used,
    memory_free_mb: free,
    // MIG-enabled GPUs report utilisation as N/A: 0 then, as nothing is measured on the whole device.
    utilization_gpu_percent: percent(element.utilization?.gpu_util) ?? 0,
    utilization_memory_percent: percent(element.utilization?.memory_util) ?? 0,
    ...(temperature !== undefined ? { temperature_celsius: Math.round(temperature) } : {}),
    ...(draw !== undefined ? { power_draw_watts: draw } : {}),
    ...(limit !== undefined ? { power_limit_watts: limit } : {}),
    ...(fan !== undefined ? { fan_speed_percent: fan } : {}),
    processes: infos.map((p) => ({
      pid: Number(p.pid) || 0,
      process_name: p.process_name ?? '',
      used_memory_mb: mib(p.used_memory) ?? 0,
      type: PROCESS_TYPES[p.type ?? 'C'] ?? 'COMPUTE',
    })),
    ...(element['@_id'] ? { pci_bus_id: element['@_id'] } : {}),
  };
}

/**
 * Parses the XML of `nvidia-smi -q -x` (what an opspilot agent collects on a GPU host) into seed 003 §4.2 GPUs with
 * their processes: both the power elements of drivers from 530 on (`<gpu_power_readings>`) and the older
 * `<power_readings>`, `N/A` readings left out (utilisation 0). Malformed XML, another document, or a GPU without a
 * UUID or product is an InputError naming the problem.
 * @example
 * const report = parseNvidiaSmiXml(execFileSync('nvidia-smi', ['-q', '-x'], { encoding: 'utf8' }));
 * @see https://docs.nvidia.com/deploy/nvidia-smi/index.html
 */
export function parseNvidiaSmiXml(xml: string): NvidiaSmiReport {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new InputError(
      `nvidia-smi output is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`,
      { hint: 'pass the complete output of `nvidia-smi -q -x`' },
    );
  }
  const parsed = NvidiaSmiLog.safeParse(parser.parse(xml));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join('.');
    throw new InputError(`nvidia-smi output: ${path ? `${path}: ` : ''}${issue.message}`, {
      hint: 'pass the output of `nvidia-smi -q -x` (root element <nvidia_smi_log>)',
    });
  }
  const log = parsed.data.nvidia_smi_log;
  return {
    driver_version: log.driver_version,
    ...(log.cuda_version ? { cuda_version: log.cuda_version } : {}),
    ...(log.timestamp ? { timestamp: log.timestamp } : {}),
    // The model's own schema checks what was derived (ranges, whole numbers) before anyone relies on it.
    gpus: log.gpu.map((g, i) => {
      const { pci_bus_id, ...gpu } = toGpu(g, i, log.driver_version, log.cuda_version);
      return { ...Gpu.parse(gpu), ...(pci_bus_id ? { pci_bus_id } : {}) };
    }),
  };
}
