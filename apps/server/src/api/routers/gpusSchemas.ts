import { GpuNode, MetricResultStatus } from '@opspilot/core';
import { z } from 'zod';
import { ListParam } from '../apiSchemas.js';

/** `gpus.list`: the GPU nodes of the caller's clusters (all, or those named), optionally one node. */
export const GpusInput = z.object({
  cluster_ids: ListParam(z.uuid()),
  node: z.string().min(1).max(253).optional(),
  timeout: z.coerce.number().int().min(1).max(120).default(10),
});

/** A seed 003 §4.1 GPUNode with the node's own facts (product, allocatable, requested, holders, XID errors). */
export const GpuNodeViewOutput = GpuNode.extend({
  product: z.string().optional(),
  gpu_allocatable: z.number().int(),
  gpu_requested: z.number().int(),
  metrics: z.enum(['DCGM', 'NVIDIA_SMI', 'NONE']),
  xid_errors: z.array(z.object({ index: z.number().int(), uuid: z.string(), xid: z.number() })),
  holders: z.array(
    z.object({ index: z.number().int(), namespace: z.string(), pod: z.string(), container: z.string() }),
  ),
});

/** The GPU fleet: one entry per cluster with its own status, the whole PARTIAL when some failed. */
export const GpusOutput = z.object({
  status: MetricResultStatus,
  clusters: z.array(
    z.object({
      cluster_id: z.string(),
      cluster_name: z.string(),
      status: MetricResultStatus,
      error: z.string().optional(),
      metrics_source: z.enum(['PROMETHEUS', 'BUILTIN']),
      nodes: z.array(GpuNodeViewOutput),
    }),
  ),
});

/** `gpus.watch`: GPU_UPDATE events of one cluster for a while. */
export const GpusWatchInput = z.object({ cluster_id: z.uuid() });
