import type { ReportSection } from '../reportDocument.js';
import type { FleetClusterHealth } from '../reportSources.js';

/** Fleet health: clusters by status, ready nodes and failing pods, and a table per cluster. */
export function fleetSection(
  clusters: FleetClusterHealth[],
  detailed = false,
): Omit<ReportSection, 'id' | 'source' | 'status'> {
  const healthy = clusters.filter((c) => ['HEALTHY', 'CONNECTED', 'OK'].includes(c.status.toUpperCase())).length;
  const scores = clusters.map((c) => c.health_score).filter((s): s is number => s !== undefined);
  const avg = scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : undefined;
  const nodes = clusters.reduce((a, c) => a + c.nodes, 0);
  const ready = clusters.reduce((a, c) => a + c.ready_nodes, 0);
  const failing = clusters.reduce((a, c) => a + c.failing_pods, 0);
  return {
    title: 'Fleet health',
    summary: [
      `${healthy} of ${clusters.length} cluster${clusters.length === 1 ? '' : 's'} healthy; ${ready} of ${nodes} nodes ready; ${failing} failing pod${failing === 1 ? '' : 's'}.`,
    ],
    metrics: [
      { label: 'Clusters', value: String(clusters.length) },
      { label: 'Health score', value: avg === undefined ? 'n/a' : `${avg}/100` },
      { label: 'Nodes ready', value: `${ready}/${nodes}` },
      { label: 'Failing pods', value: String(failing) },
    ],
    tables: [
      {
        columns: detailed
          ? ['Cluster', 'Status', 'Score', 'Nodes ready', 'Pods', 'Failing pods']
          : ['Cluster', 'Status', 'Score', 'Failing pods'],
        rows: clusters.map((c) =>
          detailed
            ? [
                c.name,
                c.status,
                c.health_score === undefined ? 'n/a' : String(c.health_score),
                `${c.ready_nodes}/${c.nodes}`,
                String(c.pods),
                String(c.failing_pods),
              ]
            : [c.name, c.status, c.health_score === undefined ? 'n/a' : String(c.health_score), String(c.failing_pods)],
        ),
      },
    ],
  };
}
