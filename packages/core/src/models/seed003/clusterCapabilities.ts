import { z } from 'zod';

/** Kinds of telco CNF workload a cluster can run (seed 003 §2.3). */
export const CnfType = z.enum(['VDU', 'VCU', 'UPF', 'AMF', 'SMF', 'OTHER']);
export type CnfType = z.infer<typeof CnfType>;

/**
 * What capability discovery found on a cluster (seed 003 §2.3). Engines read it to decide which views and tools
 * apply (GPU fleet, traces, logs); the defaults describe a plain cluster with Prometheus only.
 */
export const ClusterCapabilities = z.object({
  has_gpu_nodes: z.boolean().default(false),
  gpu_count: z.number().int().min(0).default(0),
  gpu_types: z.array(z.string().min(1)).default([]),
  has_prometheus: z.boolean().default(true),
  has_thanos: z.boolean().default(false),
  has_tempo: z.boolean().default(false),
  has_loki: z.boolean().default(false),
  has_service_mesh: z.boolean().default(false),
  has_cnf_workloads: z.boolean().default(false),
  cnf_types: z.array(CnfType).default([]),
});
export type ClusterCapabilities = z.infer<typeof ClusterCapabilities>;
