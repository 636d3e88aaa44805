import type { NvidiaSmiReport } from '../nvidia-smi/parseNvidiaSmiXml.js';
import type { GpuNodeView } from './buildGpuNodes.js';

/**
 * A node's view with what an agent's `nvidia-smi -q -x` on that node says: without dcgm readings the report's GPUs
 * stand in (`metrics: NVIDIA_SMI`); with them, each GPU keeps the dcgm readings and takes the report's processes
 * (real pids, names and memory, matched by UUID) and its driver and CUDA versions.
 */
export function mergeNvidiaSmi(view: GpuNodeView, report: NvidiaSmiReport): GpuNodeView {
  const strip = ({ pci_bus_id: _, ...gpu }: NvidiaSmiReport['gpus'][number]) => gpu;
  if (view.gpus.length === 0) {
    return {
      ...view,
      gpus: report.gpus.map(strip),
      metrics: 'NVIDIA_SMI',
      product: view.product ?? report.gpus[0]?.name,
    };
  }
  const byUuid = new Map(report.gpus.map((g) => [g.uuid, g]));
  return {
    ...view,
    gpus: view.gpus.map((g) => {
      const seen = byUuid.get(g.uuid);
      if (!seen) return g;
      return {
        ...g,
        processes: seen.processes,
        driver_version: seen.driver_version ?? g.driver_version,
        ...(seen.cuda_version ? { cuda_version: seen.cuda_version } : {}),
        ...(seen.fan_speed_percent !== undefined ? { fan_speed_percent: seen.fan_speed_percent } : {}),
      };
    }),
  };
}
