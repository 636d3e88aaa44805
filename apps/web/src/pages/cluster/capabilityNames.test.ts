import { describe, expect, it } from 'vitest';
import { capabilityNames } from './capabilityNames.js';

describe('capabilityNames', () => {
  it('names what was detected, with GPU count and types and the mesh', () => {
    expect(
      capabilityNames(
        {
          has_prometheus: true,
          has_loki: false,
          has_service_mesh: true,
          has_gpu_nodes: true,
          gpu_count: 4,
          gpu_types: ['A100'],
        },
        'istio',
      ),
    ).toEqual(['Prometheus', 'Service mesh (istio)', 'GPU ×4 (A100)']);
    expect(capabilityNames({})).toEqual([]);
  });
});
