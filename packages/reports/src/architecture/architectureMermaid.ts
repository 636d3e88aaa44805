import type { ArchEdgeKind, ArchitectureGraph, ArchNodeKind } from './architectureGraph.js';

const SHAPE: Record<ArchNodeKind, [string, string]> = {
  Ingress: ['>', ']'],
  Service: ['([', '])'],
  Deployment: ['[', ']'],
  StatefulSet: ['[(', ')]'],
  DaemonSet: ['[[', ']]'],
  CronJob: ['[/', '/]'],
  Job: ['[/', '/]'],
  ConfigMap: ['{{', '}}'],
  Secret: ['{{', '}}'],
  PersistentVolumeClaim: ['[(', ')]'],
  External: ['((', '))'],
};

const ARROW: Record<ArchEdgeKind, string> = {
  ROUTES: '-->|routes|',
  SELECTS: '-->',
  CONFIG: '-.->|config|',
  SECRET: '-.->|secret|',
  MOUNTS: '-->|mounts|',
  CALLS: '==>|calls|',
};

/** A Mermaid-safe identifier for a node id. */
export const mermaidId = (id: string) => `n_${id.replace(/[^a-zA-Z0-9]/g, '_')}`;
const label = (text: string) => `"${text.replace(/"/g, '#quot;')}"`;

/**
 * The architecture as a Mermaid flowchart (left to right), grouped into one subgraph per namespace with a class per
 * kind, for the web page (mermaid renders it) and for Markdown documents.
 */
export function architectureMermaid(graph: ArchitectureGraph): string {
  const lines = ['flowchart LR'];
  const groups = new Map<string, typeof graph.nodes>();
  for (const n of graph.nodes) {
    const key = n.namespace ?? '';
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  for (const [ns, nodes] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const indent = ns ? '    ' : '  ';
    if (ns) lines.push(`  subgraph ${mermaidId(`ns_${ns}`)}[${label(`namespace ${ns}`)}]`);
    for (const n of nodes) {
      const [open, close] = SHAPE[n.kind];
      lines.push(`${indent}${mermaidId(n.id)}${open}${label(`${n.kind}: ${n.name}`)}${close}`);
    }
    if (ns) lines.push('  end');
  }
  for (const e of graph.edges) lines.push(`  ${mermaidId(e.from)} ${ARROW[e.kind]} ${mermaidId(e.to)}`);
  for (const n of graph.nodes) lines.push(`  class ${mermaidId(n.id)} ${n.kind.toLowerCase()}`);
  return `${lines.join('\n')}\n`;
}
