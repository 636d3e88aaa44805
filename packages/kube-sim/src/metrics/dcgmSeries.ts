import type { Registry } from 'prom-client';
import { imageRegistryOf } from '../controllers/imageRegistry.js';
import { gpuFleetOf } from '../gpu/gpuFleet.js';
import { gpuReading } from '../gpu/gpuReadings.js';
import { gpuHolders, simGpus } from '../gpu/simGpus.js';
import { gaugeFamily } from './metricFamilies.js';
import { listKind, type ScrapeContext } from './scrapeContext.js';

/**
 * GPU series as NVIDIA's dcgm-exporter names them (its default counters), one per GPU of every node with
 * `nvidia.com/gpu` capacity, labelled `gpu`, `UUID`, `pci_bus_id`, `device`, `modelName`, `Hostname` and
 * `DCGM_FI_DRIVER_VERSION`, plus `namespace`, `pod` and `container` of the container the GPU is allocated to (what the
 * exporter reads from the kubelet's pod-resources API). dcgm-exporter has no per-process series: a GPU's framebuffer
 * use is its holder's.
 * @see https://github.com/NVIDIA/dcgm-exporter/blob/main/etc/default-counters.csv
 */
export function dcgmSeries(registry: Registry, ctx: ScrapeContext): void {
  const labels = [
    'gpu',
    'UUID',
    'pci_bus_id',
    'device',
    'modelName',
    'Hostname',
    'DCGM_FI_DRIVER_VERSION',
    'container',
    'namespace',
    'pod',
  ];
  const family = (name: string, help: string) => gaugeFamily(registry, name, help, labels);
  const util = family('DCGM_FI_DEV_GPU_UTIL', 'GPU utilization (in %).');
  const copy = family('DCGM_FI_DEV_MEM_COPY_UTIL', 'Memory utilization (in %).');
  const free = family('DCGM_FI_DEV_FB_FREE', 'Framebuffer memory free (in MiB).');
  const used = family('DCGM_FI_DEV_FB_USED', 'Framebuffer memory used (in MiB).');
  const reserved = family('DCGM_FI_DEV_FB_RESERVED', 'Framebuffer memory reserved (in MiB).');
  const temp = family('DCGM_FI_DEV_GPU_TEMP', 'GPU temperature (in C).');
  const power = family('DCGM_FI_DEV_POWER_USAGE', 'Power draw (in W).');
  const limit = family('DCGM_FI_DEV_POWER_MGMT_LIMIT', 'Power management limit (in W).');
  const xid = family('DCGM_FI_DEV_XID_ERRORS', 'Value of the last XID error encountered.');
  const pods = listKind(ctx, '', 'v1', 'pods');
  const fleet = gpuFleetOf(ctx.store);
  const images = imageRegistryOf(ctx.store);
  for (const node of listKind(ctx, '', 'v1', 'nodes')) {
    const gpus = simGpus(node, fleet.get(node.metadata.name));
    if (gpus.length === 0) continue;
    const holders = gpuHolders(node.metadata.name, gpus.length, pods);
    for (const gpu of gpus) {
      const r = gpuReading(gpu, holders.get(gpu.index), ctx.now, images, ctx.anomalies);
      const l = {
        gpu: gpu.index,
        UUID: gpu.uuid,
        pci_bus_id: gpu.pciBusId,
        device: `nvidia${gpu.index}`,
        modelName: gpu.product.name,
        Hostname: node.metadata.name,
        DCGM_FI_DRIVER_VERSION: gpu.facts.driverVersion,
        ...(r.holder
          ? {
              container: r.holder.container,
              namespace: r.holder.pod.metadata.namespace ?? '',
              pod: r.holder.pod.metadata.name,
            }
          : {}),
      };
      util(l, r.utilization);
      copy(l, r.memoryCopyUtilization);
      free(l, r.fbFree);
      used(l, r.fbUsed);
      reserved(l, r.fbReserved);
      temp(l, r.temperature);
      power(l, r.power);
      limit(l, gpu.product.powerLimitW);
      xid(l, r.xid);
    }
  }
}
