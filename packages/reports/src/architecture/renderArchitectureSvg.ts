import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { escapeXml } from '../render/escapeXml.js';
import type { ArchEdgeKind, ArchitectureGraph, ArchNodeKind } from './architectureGraph.js';

const FILL: Record<ArchNodeKind, string> = {
  Ingress: '#fde68a',
  Service: '#bfdbfe',
  Deployment: '#bbf7d0',
  StatefulSet: '#a7f3d0',
  DaemonSet: '#99f6e4',
  CronJob: '#ddd6fe',
  Job: '#ddd6fe',
  ConfigMap: '#e5e7eb',
  Secret: '#fecaca',
  PersistentVolumeClaim: '#fed7aa',
  External: '#f5d0fe',
};

const STROKE: Record<ArchEdgeKind, string> = {
  ROUTES: '#b45309',
  SELECTS: '#1d4ed8',
  CONFIG: '#6b7280',
  SECRET: '#b91c1c',
  MOUNTS: '#c2410c',
  CALLS: '#7c3aed',
};

const WIDTH = 190;
const HEIGHT = 46;

/**
 * Lays the architecture out with ELK's layered algorithm (left to right) and draws it as a standalone SVG: one box
 * per node (kind above, name below, coloured by kind) and one arrow per edge, dashed for configuration. Runs in
 * Node without a browser; the same graph gives the same picture.
 * @see https://eclipse.dev/elk/reference/algorithms/org-eclipse-elk-layered.html
 */
export async function renderArchitectureSvg(graph: ArchitectureGraph): Promise<string> {
  const elk = new ELK();
  const input: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '24',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.edgeRouting': 'ORTHOGONAL',
    },
    children: graph.nodes.map((n) => ({ id: n.id, width: WIDTH, height: HEIGHT })),
    edges: graph.edges.map((e, i) => ({ id: `e${i}`, sources: [e.from], targets: [e.to] })),
  };
  const laid = await elk.layout(input);
  const pad = 20;
  const w = Math.ceil((laid.width ?? 0) + 2 * pad);
  const h = Math.ceil((laid.height ?? 0) + 2 * pad + 24);
  const title = `${graph.cluster}${graph.namespace ? ` / ${graph.namespace}` : ''}`;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="sans-serif" role="img" aria-label="${escapeXml(`Architecture of ${title}`)}">`,
    `<title>${escapeXml(`Architecture of ${title}`)}</title>`,
    '<defs>',
    ...Object.entries(STROKE).map(
      ([kind, color]) =>
        `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${color}"/></marker>`,
    ),
    '</defs>',
    `<rect width="${w}" height="${h}" fill="#ffffff"/>`,
    `<text x="${pad}" y="${pad}" font-size="14" font-weight="bold">${escapeXml(`Architecture of ${title}`)}</text>`,
    `<g transform="translate(${pad},${pad + 16})">`,
  ];
  for (const [i, edge] of (laid.edges ?? []).entries()) {
    const kind = graph.edges[i]?.kind ?? 'SELECTS';
    for (const s of edge.sections ?? []) {
      const pts = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => `${p.x},${p.y}`).join(' ');
      const dash = kind === 'CONFIG' || kind === 'SECRET' ? ' stroke-dasharray="5 4"' : '';
      out.push(
        `<polyline class="edge edge-${kind.toLowerCase()}" data-from="${escapeXml(graph.edges[i]?.from ?? '')}" data-to="${escapeXml(graph.edges[i]?.to ?? '')}" points="${pts}" fill="none" stroke="${STROKE[kind]}" stroke-width="1.5"${dash} marker-end="url(#arrow-${kind})"/>`,
      );
    }
  }
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const child of laid.children ?? []) {
    const node = byId.get(child.id);
    if (!node) continue;
    const x = child.x ?? 0;
    const y = child.y ?? 0;
    const rx = node.kind === 'Service' || node.kind === 'External' ? 20 : 4;
    out.push(
      `<g class="node node-${node.kind.toLowerCase()}" data-id="${escapeXml(node.id)}">`,
      `<rect x="${x}" y="${y}" width="${WIDTH}" height="${HEIGHT}" rx="${rx}" fill="${FILL[node.kind]}" stroke="#374151"/>`,
      `<text x="${x + WIDTH / 2}" y="${y + 18}" font-size="10" fill="#374151" text-anchor="middle">${escapeXml(node.kind === 'PersistentVolumeClaim' ? 'PVC' : node.kind)}</text>`,
      `<text x="${x + WIDTH / 2}" y="${y + 35}" font-size="13" text-anchor="middle">${escapeXml(node.name.length > 26 ? `${node.name.slice(0, 25)}…` : node.name)}</text>`,
      '</g>',
    );
  }
  out.push('</g>', '</svg>');
  return `${out.join('\n')}\n`;
}
