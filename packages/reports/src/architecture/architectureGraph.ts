import { type ClusterSnapshot, type KubeObject, objectsOf } from '@opspilot/core';
import { z } from 'zod';
import { externalHostsOf, objectValues } from './referencedHosts.js';

/** Kinds of node an architecture diagram draws. */
export const ArchNodeKind = z.enum([
  'Ingress',
  'Service',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
  'Job',
  'ConfigMap',
  'Secret',
  'PersistentVolumeClaim',
  'External',
]);
export type ArchNodeKind = z.infer<typeof ArchNodeKind>;

/** One box of the diagram; `id` is `kind/namespace/name` (`External//db.example.com` for an outside host). */
export const ArchNode = z.object({
  id: z.string(),
  kind: ArchNodeKind,
  name: z.string(),
  namespace: z.string().optional(),
});
export type ArchNode = z.infer<typeof ArchNode>;

/** Why two nodes are joined: traffic routing, configuration, storage, or a call from one service to another. */
export const ArchEdgeKind = z.enum(['ROUTES', 'SELECTS', 'CONFIG', 'SECRET', 'MOUNTS', 'CALLS']);
export type ArchEdgeKind = z.infer<typeof ArchEdgeKind>;

export const ArchEdge = z.object({ from: z.string(), to: z.string(), kind: ArchEdgeKind });
export type ArchEdge = z.infer<typeof ArchEdge>;

/** The architecture of a namespace (or of the whole cluster) as nodes and edges, sorted for stable output. */
export const ArchitectureGraph = z.object({
  cluster: z.string(),
  namespace: z.string().optional(),
  nodes: z.array(ArchNode),
  edges: z.array(ArchEdge),
});
export type ArchitectureGraph = z.infer<typeof ArchitectureGraph>;

/** The snapshot kinds {@link architectureGraph} reads. */
export const ARCHITECTURE_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
  'Job',
  'Service',
  'Ingress',
  'ConfigMap',
  'Secret',
  'PersistentVolumeClaim',
] as const;

const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job'] as const;

type Loose = Record<string, unknown>;
const rec = (v: unknown): Loose => (v && typeof v === 'object' ? (v as Loose) : {});
const arr = (v: unknown): Loose[] => (Array.isArray(v) ? v.map(rec) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The pod template of a workload (a CronJob's is one level deeper). */
export function podTemplateOf(workload: KubeObject): { labels: Record<string, string>; spec: Loose } {
  const spec = rec(workload.spec);
  const template = workload.kind === 'CronJob' ? rec(rec(rec(spec.jobTemplate).spec).template) : rec(spec.template);
  const labels = rec(rec(template.metadata).labels) as Record<string, string>;
  return { labels, spec: rec(template.spec) };
}

const nodeId = (kind: string, namespace: string | undefined, name: string) => `${kind}/${namespace ?? ''}/${name}`;
const idOf = (o: KubeObject) => nodeId(o.kind, o.metadata.namespace, o.metadata.name);

/** Names of ConfigMaps, Secrets and claims a pod spec refers to, through env, envFrom and volumes. */
function podReferences(spec: Loose): { configMaps: Set<string>; secrets: Set<string>; claims: Set<string> } {
  const configMaps = new Set<string>();
  const secrets = new Set<string>();
  const claims = new Set<string>();
  for (const c of [...arr(spec.containers), ...arr(spec.initContainers)]) {
    for (const from of arr(c.envFrom)) {
      const cm = str(rec(from.configMapRef).name);
      const sec = str(rec(from.secretRef).name);
      if (cm) configMaps.add(cm);
      if (sec) secrets.add(sec);
    }
    for (const env of arr(c.env)) {
      const cm = str(rec(rec(env.valueFrom).configMapKeyRef).name);
      const sec = str(rec(rec(env.valueFrom).secretKeyRef).name);
      if (cm) configMaps.add(cm);
      if (sec) secrets.add(sec);
    }
  }
  for (const v of arr(spec.volumes)) {
    const cm = str(rec(v.configMap).name);
    const sec = str(rec(v.secret).secretName);
    const claim = str(rec(v.persistentVolumeClaim).claimName);
    if (cm) configMaps.add(cm);
    if (sec) secrets.add(sec);
    if (claim) claims.add(claim);
  }
  return { configMaps, secrets, claims };
}

const selects = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

/**
 * Reads a snapshot into the architecture of one namespace (or every namespace when none is given): Ingresses route to
 * Services, Services select workloads, workloads read ConfigMaps and Secrets and mount claims, and a workload whose
 * environment or configuration names another Service's host (`backend`, `backend.todo.svc.cluster.local`) calls it;
 * any other host in a URL-like value is an external endpoint. Only host names leave a Secret, never its values.
 * @see https://kubernetes.io/docs/concepts/services-networking/service/
 */
export function architectureGraph(snapshot: ClusterSnapshot, namespace?: string): ArchitectureGraph {
  const inScope = (o: KubeObject) => !namespace || o.metadata.namespace === namespace;
  const of = (kind: string) => objectsOf(snapshot, kind).filter(inScope);
  const nodes = new Map<string, ArchNode>();
  const edges = new Map<string, ArchEdge>();
  const addNode = (o: KubeObject) =>
    nodes.set(idOf(o), {
      id: idOf(o),
      kind: o.kind as ArchNodeKind,
      name: o.metadata.name,
      namespace: o.metadata.namespace,
    });
  const addEdge = (from: string, to: string, kind: ArchEdgeKind) => edges.set(`${from}>${to}`, { from, to, kind });

  const workloads = WORKLOADS.flatMap((k) => of(k)).filter((w) => !(w.metadata.ownerReferences ?? []).length);
  const services = of('Service');
  const configMaps = new Map(of('ConfigMap').map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, o]));
  const secrets = new Map(of('Secret').map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, o]));
  for (const w of workloads) addNode(w);
  for (const s of services) addNode(s);

  for (const ing of of('Ingress')) {
    addNode(ing);
    const spec = rec(ing.spec);
    const backends = [
      rec(spec.defaultBackend),
      ...arr(spec.rules).flatMap((r) => arr(rec(r.http).paths).map((p) => rec(p.backend))),
    ];
    for (const b of backends) {
      const svc = str(rec(b.service).name);
      if (svc) addEdge(idOf(ing), nodeId('Service', ing.metadata.namespace, svc), 'ROUTES');
    }
  }

  const serviceHosts = new Map<string, string>();
  for (const s of services) {
    const ns = s.metadata.namespace ?? 'default';
    const name = s.metadata.name;
    for (const host of [name, `${name}.${ns}`, `${name}.${ns}.svc`, `${name}.${ns}.svc.cluster.local`]) {
      if (host === name) serviceHosts.set(`${ns}:${host}`, idOf(s));
      else serviceHosts.set(host, idOf(s));
    }
    const spec = rec(s.spec);
    const external = str(spec.externalName);
    if (spec.type === 'ExternalName' && external) {
      const ext = nodeId('External', undefined, external);
      nodes.set(ext, { id: ext, kind: 'External', name: external });
      addEdge(idOf(s), ext, 'CALLS');
    }
    const selector = rec(spec.selector) as Record<string, string>;
    for (const w of workloads) {
      if (w.metadata.namespace === s.metadata.namespace && selects(selector, podTemplateOf(w).labels)) {
        addEdge(idOf(s), idOf(w), 'SELECTS');
      }
    }
  }

  for (const w of workloads) {
    const ns = w.metadata.namespace ?? 'default';
    const { spec } = podTemplateOf(w);
    const refs = podReferences(spec);
    const values: string[] = arr(spec.containers).flatMap((c) => arr(c.env).map((e) => str(e.value) ?? ''));
    for (const cm of refs.configMaps) {
      const obj = configMaps.get(`${ns}/${cm}`);
      const id = nodeId('ConfigMap', ns, cm);
      nodes.set(id, { id, kind: 'ConfigMap', name: cm, namespace: ns });
      addEdge(idOf(w), id, 'CONFIG');
      if (obj) values.push(...objectValues(obj));
    }
    for (const sec of refs.secrets) {
      const obj = secrets.get(`${ns}/${sec}`);
      const id = nodeId('Secret', ns, sec);
      nodes.set(id, { id, kind: 'Secret', name: sec, namespace: ns });
      addEdge(idOf(w), id, 'SECRET');
      if (obj) values.push(...objectValues(obj));
    }
    for (const claim of refs.claims) {
      const id = nodeId('PersistentVolumeClaim', ns, claim);
      nodes.set(id, { id, kind: 'PersistentVolumeClaim', name: claim, namespace: ns });
      addEdge(idOf(w), id, 'MOUNTS');
    }
    for (const t of arr(rec(w.spec).volumeClaimTemplates)) {
      const claim = str(rec(t.metadata).name);
      if (!claim) continue;
      const id = nodeId('PersistentVolumeClaim', ns, `${claim}-${w.metadata.name}`);
      nodes.set(id, { id, kind: 'PersistentVolumeClaim', name: `${claim}-${w.metadata.name}`, namespace: ns });
      addEdge(idOf(w), id, 'MOUNTS');
    }
    const { internal, external } = externalHostsOf(
      values,
      (host) => serviceHosts.get(host) ?? serviceHosts.get(`${ns}:${host}`),
    );
    const own = [...edges.values()].filter((e) => e.kind === 'SELECTS' && e.to === idOf(w)).map((e) => e.from);
    for (const svc of internal) if (!own.includes(svc)) addEdge(idOf(w), svc, 'CALLS');
    for (const host of external) {
      const id = nodeId('External', undefined, host);
      nodes.set(id, { id, kind: 'External', name: host });
      addEdge(idOf(w), id, 'CALLS');
    }
  }

  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return {
    cluster: snapshot.cluster,
    namespace,
    nodes: [...nodes.values()].sort(byId),
    edges: [...edges.values()]
      .filter((e) => nodes.has(e.from) && nodes.has(e.to))
      .sort((a, b) => `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`)),
  };
}
