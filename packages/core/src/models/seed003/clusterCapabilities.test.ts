import { describe, expect, it } from 'vitest';
import { ClusterCapabilities } from './clusterCapabilities.js';

describe('ClusterCapabilities', () => {
  it('applies the seed defaults: Prometheus only', () => {
    expect(ClusterCapabilities.parse({})).toEqual({
      has_gpu_nodes: false,
      gpu_count: 0,
      gpu_types: [],
      has_prometheus: true,
      has_thanos: false,
      has_tempo: false,
      has_loki: false,
      has_service_mesh: false,
      has_cnf_workloads: false,
      cnf_types: [],
    });
  });

  it('accepts GPU and CNF findings', () => {
    const caps = ClusterCapabilities.parse({
      has_gpu_nodes: true,
      gpu_count: 8,
      gpu_types: ['NVIDIA A100', 'NVIDIA H100'],
      has_cnf_workloads: true,
      cnf_types: ['UPF', 'AMF'],
    });
    expect(caps).toMatchObject({ gpu_count: 8, cnf_types: ['UPF', 'AMF'], has_prometheus: true });
  });

  it('refuses a negative or fractional GPU count and an unknown CNF type', () => {
    expect(ClusterCapabilities.safeParse({ gpu_count: -1 }).success).toBe(false);
    expect(ClusterCapabilities.safeParse({ gpu_count: 1.5 }).success).toBe(false);
    expect(ClusterCapabilities.safeParse({ cnf_types: ['IMS'] }).success).toBe(false);
  });
});
