import type { Gpu, GpuNode, GpuProcess, KubeObject } from '@opspilot/core';
import type { DcgmSample, DcgmSamples } from './dcgmFields.js';

/** A seed 003 §4.1 GPUNode with what the node itself says besides the samples. */
export type GpuNodeView = GpuNode & {
  /** `nvidia.com/gpu.product` of the node (GPU feature discovery), or the samples' model name. */
  product?: string;
  /** `status.allocatable["nvidia.com/gpu"]`. */
  gpu_allocatable: number;
  /** GPUs requested by the node's pods that have not finished. */
  gpu_requested: number;
  /**
   * `DCGM` when the node's GPUs were sampled, `NVIDIA_SMI` when only an agent's `nvidia-smi` report describes them,
   * `NONE` when nothing did.
   */
  metrics: 'DCGM' | 'NVIDIA_SMI' | 'NONE';
  /** GPUs whose last XID error is not 0, with that code. */
  xid_errors: { index: number; uuid: string; xid: number }[];
  /** Each GPU's holder (the container the device plugin gave it to), by GPU index. */
  holders: { index: number; namespace: string; pod: string; container: string }[];
};

/** What {@link buildGpuNodes} works from: one cluster's live objects and the latest dcgm-exporter samples. */
export interface GpuNodeInputs {
  cluster: { id: string; name: string };
  nodes: KubeObject[];
  pods: KubeObject[];
  samples: DcgmSamples;
  now: Date;
}

type Json = Record<string, unknown>;

const count = (value: unknown): number => {
  const n = Number.parseInt(String(value ?? '0'), 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
};

/** Whether a node has GPUs: allocatable `nvidia.com/gpu`, or the GPU operator's `nvidia.com/gpu.present` label. */
export function isGpuNode(node: KubeObject): boolean {
  const allocatable = ((node.status as Json | undefined)?.allocatable as Json | undefined) ?? {};
  return count(allocatable['nvidia.com/gpu']) > 0 || node.metadata.labels?.['nvidia.com/gpu.present'] === 'true';
}

function requestedGpus(pod: KubeObject): number {
  const phase = (pod.status as Json | undefined)?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return 0;
  return (((pod.spec as Json | undefined)?.containers as Json[] | undefined) ?? []).reduce((sum, c) => {
    const resources = (c.resources as Json | undefined) ?? {};
    const list = ((resources.limits ?? resources.requests) as Json | undefined) ?? {};
    return sum + count(list['nvidia.com/gpu']);
  }, 0);
}

const clampPercent = (v: number | undefined) => Math.round(Math.min(100, Math.max(0, v ?? 0)));

/**
 * Builds the GPU fleet view of one cluster (seed 003 §4): one GPUNode per node with GPUs, each GPU from the
 * dcgm-exporter series naming that node (`Hostname`) and index (`gpu`), with its memory (framebuffer used + free,
 * or the node's `nvidia.com/gpu.memory` label when larger), utilisation, temperature and power; its processes are
 * the container holding it (dcgm-exporter attributes GPUs to pods, not to processes: `pid` is 0 and the name is
 * `namespace/pod/container`, using the GPU's framebuffer). Nodes with GPUs but no series are listed with
 * `metrics: NONE` and no GPUs. Sorted by node name; GPUs by index.
 * @see https://kubernetes.io/docs/tasks/manage-gpus/scheduling-gpus/
 */
export function buildGpuNodes(inputs: GpuNodeInputs): GpuNodeView[] {
  const byGpu = new Map<string, Partial<Record<keyof DcgmSamples, DcgmSample>>>();
  for (const [field, samples] of Object.entries(inputs.samples) as [keyof DcgmSamples, DcgmSample[]][]) {
    for (const s of samples) {
      const key = `${s.labels.Hostname ?? ''}/${s.labels.gpu ?? ''}`;
      const entry = byGpu.get(key) ?? {};
      entry[field] = s;
      byGpu.set(key, entry);
    }
  }
  const last_updated = inputs.now.toISOString();
  return inputs.nodes
    .filter(isGpuNode)
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
    .map((node): GpuNodeView => {
      const name = node.metadata.name;
      const labels = node.metadata.labels ?? {};
      const allocatable = ((node.status as Json | undefined)?.allocatable as Json | undefined) ?? {};
      const labelMemory = count(labels['nvidia.com/gpu.memory']);
      const mine = [...byGpu.entries()]
        .filter(([key]) => key.startsWith(`${name}/`))
        .map(([, fields]) => fields)
        .sort((a, b) => gpuIndex(a) - gpuIndex(b));
      const gpus: Gpu[] = mine.map((f) => {
        const any = Object.values(f).find(Boolean)!;
        const used = Math.round(f.memoryUsed?.value ?? 0);
        const free = Math.round(f.memoryFree?.value ?? 0);
        const holder = any.labels.pod
          ? { namespace: any.labels.namespace ?? '', pod: any.labels.pod, container: any.labels.container ?? '' }
          : undefined;
        const processes: GpuProcess[] = holder
          ? [
              {
                pid: 0,
                process_name: `${holder.namespace}/${holder.pod}/${holder.container}`,
                used_memory_mb: used,
                type: 'COMPUTE',
              },
            ]
          : [];
        return {
          index: gpuIndex(f),
          uuid: any.labels.UUID ?? `${name}/${gpuIndex(f)}`,
          name: any.labels.modelName ?? labels['nvidia.com/gpu.product'] ?? 'unknown',
          ...(any.labels.DCGM_FI_DRIVER_VERSION ? { driver_version: any.labels.DCGM_FI_DRIVER_VERSION } : {}),
          ...(labels['nvidia.com/cuda.runtime.major']
            ? {
                cuda_version: `${labels['nvidia.com/cuda.runtime.major']}.${labels['nvidia.com/cuda.runtime.minor'] ?? '0'}`,
              }
            : {}),
          memory_total_mb: Math.max(used + free, labelMemory),
          memory_used_mb: used,
          memory_free_mb: free,
          utilization_gpu_percent: clampPercent(f.utilization?.value),
          utilization_memory_percent: clampPercent(f.memoryUtilization?.value),
          ...(f.temperature ? { temperature_celsius: Math.round(f.temperature.value) } : {}),
          ...(f.power ? { power_draw_watts: Math.max(0, f.power.value) } : {}),
          ...(f.powerLimit ? { power_limit_watts: Math.max(0, f.powerLimit.value) } : {}),
          processes,
        };
      });
      return {
        cluster_id: inputs.cluster.id,
        cluster_name: inputs.cluster.name,
        node_name: name,
        gpus,
        last_updated,
        ...(labels['nvidia.com/gpu.product'] || gpus[0]
          ? { product: labels['nvidia.com/gpu.product'] ?? gpus[0]!.name }
          : {}),
        gpu_allocatable: count(allocatable['nvidia.com/gpu']),
        gpu_requested: inputs.pods
          .filter((p) => (p.spec as Json | undefined)?.nodeName === name)
          .reduce((sum, p) => sum + requestedGpus(p), 0),
        metrics: gpus.length > 0 ? 'DCGM' : 'NONE',
        xid_errors: mine
          .filter((f) => (f.xid?.value ?? 0) !== 0)
          .map((f) => ({ index: gpuIndex(f), uuid: f.xid!.labels.UUID ?? '', xid: f.xid!.value })),
        holders: mine.flatMap((f) => {
          const l = Object.values(f).find(Boolean)!.labels;
          return l.pod
            ? [{ index: gpuIndex(f), namespace: l.namespace ?? '', pod: l.pod, container: l.container ?? '' }]
            : [];
        }),
      };
    });
}

function gpuIndex(fields: Partial<Record<string, DcgmSample>>): number {
  const any = Object.values(fields).find(Boolean);
  return Number.parseInt(any?.labels.gpu ?? '0', 10) || 0;
}
