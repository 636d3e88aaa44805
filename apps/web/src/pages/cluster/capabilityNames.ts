/** The detected capabilities of a cluster (seed 003 §2.3), as the API returns them. */
export interface Capabilities {
  has_prometheus?: boolean;
  has_thanos?: boolean;
  has_loki?: boolean;
  has_tempo?: boolean;
  has_service_mesh?: boolean;
  has_gpu_nodes?: boolean;
  gpu_count?: number;
  gpu_types?: string[];
}

const LABELS: [keyof Capabilities, string][] = [
  ['has_prometheus', 'Prometheus'],
  ['has_thanos', 'Thanos'],
  ['has_loki', 'Loki'],
  ['has_tempo', 'Tempo'],
  ['has_service_mesh', 'Service mesh'],
  ['has_gpu_nodes', 'GPU'],
];

/** The capabilities detected on a cluster as short names: `Prometheus`, `Service mesh (istio)`, `GPU ×4 (A100)`. */
export function capabilityNames(caps: Capabilities, serviceMesh?: string): string[] {
  return LABELS.filter(([key]) => caps[key] === true).map(([key, label]) => {
    if (key === 'has_gpu_nodes') {
      const types = caps.gpu_types ?? [];
      return `GPU ×${caps.gpu_count ?? 0}${types.length > 0 ? ` (${types.join(', ')})` : ''}`;
    }
    if (key === 'has_service_mesh' && serviceMesh) return `${label} (${serviceMesh})`;
    return label;
  });
}
