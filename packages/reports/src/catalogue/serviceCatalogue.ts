import { type ClusterSnapshot, type KubeObject, objectsOf } from '@opspilot/core';
import { z } from 'zod';
import { type ArchitectureGraph, architectureGraph, podTemplateOf } from '../architecture/architectureGraph.js';

/** How a catalogue entry is doing: all replicas ready, some, none, or unknown (no status yet). */
export const ServiceHealth = z.enum(['HEALTHY', 'DEGRADED', 'DOWN', 'UNKNOWN']);
export type ServiceHealth = z.infer<typeof ServiceHealth>;

/** One service of the catalogue: a workload with what people ask about it first. */
export const CatalogueEntry = z.object({
  name: z.string(),
  namespace: z.string(),
  kind: z.string(),
  owner: z.string().optional(),
  images: z.array(z.string()),
  ports: z.array(z.string()),
  services: z.array(z.string()),
  dependencies: z.array(z.string()),
  health: ServiceHealth,
  ready: z.string(),
  slos: z.array(z.string()),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;

const OWNER_KEYS = ['opspilot.io/owner', 'owner', 'team', 'app.kubernetes.io/owner', 'backstage.io/owner'];
const SLO_KEY = 'opspilot.io/slo';

type Loose = Record<string, unknown>;
const rec = (v: unknown): Loose => (v && typeof v === 'object' ? (v as Loose) : {});
const arr = (v: unknown): Loose[] => (Array.isArray(v) ? v.map(rec) : []);

function ownerOf(w: KubeObject): string | undefined {
  const tags = { ...(w.metadata.labels ?? {}), ...(w.metadata.annotations ?? {}) };
  return OWNER_KEYS.map((k) => tags[k]).find((v) => v);
}

function healthOf(w: KubeObject): { health: ServiceHealth; ready: string } {
  const spec = rec(w.spec);
  const status = rec(w.status);
  if (w.kind === 'CronJob' || w.kind === 'Job') return { health: 'UNKNOWN', ready: '-' };
  const desired = Number(w.kind === 'DaemonSet' ? (status.desiredNumberScheduled ?? 0) : (spec.replicas ?? 1));
  const ready = Number(w.kind === 'DaemonSet' ? (status.numberReady ?? 0) : (status.readyReplicas ?? 0));
  if (w.status === undefined) return { health: 'UNKNOWN', ready: `?/${desired}` };
  const health: ServiceHealth = ready >= desired ? 'HEALTHY' : ready === 0 ? 'DOWN' : 'DEGRADED';
  return { health, ready: `${ready}/${desired}` };
}

/**
 * The service catalogue of a namespace (or the cluster): one entry per workload with its owner (the `opspilot.io/owner`,
 * `owner` or `team` label or annotation), images, container ports, the Services that select it, the services and
 * external hosts it calls (from the architecture graph), its readiness and the SLOs declared in its `opspilot.io/slo`
 * annotation (`;`-separated).
 */
export function serviceCatalogue(
  snapshot: ClusterSnapshot,
  namespace?: string,
  graph: ArchitectureGraph = architectureGraph(snapshot, namespace),
): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  for (const node of graph.nodes) {
    if (!['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job'].includes(node.kind)) continue;
    const w = objectsOf(snapshot, node.kind).find(
      (o) => o.metadata.name === node.name && o.metadata.namespace === node.namespace,
    );
    if (!w) continue;
    const containers = arr(podTemplateOf(w).spec.containers);
    const nameOf = (id: string) => graph.nodes.find((n) => n.id === id)?.name ?? id;
    entries.push({
      name: node.name,
      namespace: node.namespace ?? 'default',
      kind: node.kind,
      owner: ownerOf(w),
      images: containers.map((c) => String(c.image ?? '')).filter(Boolean),
      ports: containers.flatMap((c) =>
        arr(c.ports).map((p) => `${p.containerPort}/${String(p.protocol ?? 'TCP')}${p.name ? ` (${p.name})` : ''}`),
      ),
      services: graph.edges.filter((e) => e.kind === 'SELECTS' && e.to === node.id).map((e) => nameOf(e.from)),
      dependencies: graph.edges.filter((e) => e.kind === 'CALLS' && e.from === node.id).map((e) => nameOf(e.to)),
      ...healthOf(w),
      slos: (w.metadata.annotations?.[SLO_KEY] ?? '')
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
    });
  }
  return entries;
}

/** The catalogue as a Markdown table. */
export function catalogueMarkdown(entries: CatalogueEntry[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|') || '—';
  const rows = entries.map(
    (e) =>
      `| ${cell(e.name)} | ${cell(e.namespace)} | ${cell(e.owner ?? '')} | ${cell(e.images.join(', '))} | ${cell(e.ports.join(', '))} | ${cell(e.dependencies.join(', '))} | ${e.health} (${e.ready}) | ${cell(e.slos.join('; '))} |`,
  );
  return [
    '| Service | Namespace | Owner | Image | Ports | Depends on | Health | SLOs |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
