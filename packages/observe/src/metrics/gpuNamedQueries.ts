import type { BuiltinExpr } from './builtinExpr.js';

/** A named query over one dcgm-exporter series (the shape of a `NamedQuery`, filtered by namespace only). */
export interface GpuNamedQuery {
  name: string;
  title: string;
  unit: 'percent' | 'mebibytes' | 'celsius' | 'watts' | 'count';
  promql(p: { namespace?: string }): string;
  builtin(p: { namespace?: string }): BuiltinExpr;
}

/** The labels dcgm-exporter puts on every GPU series that identify the GPU and the container holding it. */
export const DCGM_GPU_LABELS = ['Hostname', 'gpu', 'UUID', 'modelName', 'namespace', 'pod', 'container'] as const;

const dcgm = (name: string, title: string, unit: GpuNamedQuery['unit'], metric: string): GpuNamedQuery => ({
  name,
  title,
  unit,
  promql: (p) =>
    `max by (${DCGM_GPU_LABELS.join(', ')}) (${metric}${p.namespace ? `{namespace="${p.namespace}"}` : ''})`,
  builtin: (p) => ({
    fn: 'gauge',
    metric,
    by: [...DCGM_GPU_LABELS],
    ...(p.namespace ? { match: { namespace: p.namespace } } : {}),
  }),
});

/**
 * One named query per dcgm-exporter series the GPU views read, one series per GPU (labelled by node, index, UUID,
 * model and holder). Prometheus answers them when it scrapes dcgm-exporter; the built-in sampler when it scrapes the
 * simulated cluster's `/metrics/dcgm`.
 * @see https://github.com/NVIDIA/dcgm-exporter/blob/main/etc/default-counters.csv
 */
export const GPU_NAMED_QUERIES: readonly GpuNamedQuery[] = [
  dcgm('gpu-utilization', 'GPU utilisation per GPU', 'percent', 'DCGM_FI_DEV_GPU_UTIL'),
  dcgm('gpu-memory-utilization', 'GPU memory copy utilisation per GPU', 'percent', 'DCGM_FI_DEV_MEM_COPY_UTIL'),
  dcgm('gpu-memory-used', 'GPU framebuffer used per GPU', 'mebibytes', 'DCGM_FI_DEV_FB_USED'),
  dcgm('gpu-memory-free', 'GPU framebuffer free per GPU', 'mebibytes', 'DCGM_FI_DEV_FB_FREE'),
  dcgm('gpu-temperature', 'GPU temperature per GPU', 'celsius', 'DCGM_FI_DEV_GPU_TEMP'),
  dcgm('gpu-power', 'GPU power draw per GPU', 'watts', 'DCGM_FI_DEV_POWER_USAGE'),
  dcgm('gpu-power-limit', 'GPU power limit per GPU', 'watts', 'DCGM_FI_DEV_POWER_MGMT_LIMIT'),
  dcgm('gpu-xid', 'Last XID error per GPU', 'count', 'DCGM_FI_DEV_XID_ERRORS'),
];
