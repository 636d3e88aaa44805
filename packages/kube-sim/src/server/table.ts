import type { ResourceType } from '../api/resourceTypes.js';
import type { KubeObject } from '../store/kubeObject.js';

type Column = { name: string; type: string; format?: string; description: string; priority: number };
type Cell = string | number;
type Json = Record<string, unknown>;

const col = (name: string, priority = 0, type = 'string'): Column => ({ name, type, priority, description: name });

/** `5m`, `3h`, `2d` — the age kubectl prints. */
export function age(created: string | undefined, now: Date): string {
  if (!created) return '<unknown>';
  const s = Math.max(0, Math.floor((now.getTime() - Date.parse(created)) / 1000));
  if (s < 120) return `${s}s`;
  if (s < 600) return `${Math.floor(s / 60)}m${s % 60 ? `${s % 60}s` : ''}`;
  if (s < 10800) return `${Math.floor(s / 60)}m`;
  if (s < 172800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

function podRow(pod: KubeObject): Cell[] {
  const spec = (pod.spec ?? {}) as Json;
  const status = (pod.status ?? {}) as Json;
  const containers = (spec.containers as Json[] | undefined) ?? [];
  const statuses = (status.containerStatuses as Json[] | undefined) ?? [];
  const ready = statuses.filter((s) => s.ready).length;
  const restarts = statuses.reduce((n, s) => n + Number(s.restartCount ?? 0), 0);
  let reason = String(status.reason ?? status.phase ?? 'Pending');
  for (const s of statuses) {
    const state = (s.state ?? {}) as Json;
    const waiting = state.waiting as Json | undefined;
    const terminated = state.terminated as Json | undefined;
    if (waiting?.reason) reason = String(waiting.reason);
    else if (terminated?.reason && reason !== 'Running') reason = String(terminated.reason);
  }
  if (pod.metadata.deletionTimestamp) reason = 'Terminating';
  return [
    `${ready}/${containers.length}`,
    reason,
    restarts,
    String(status.podIP ?? '<none>'),
    String(spec.nodeName ?? '<none>'),
    '<none>',
    '<none>',
  ];
}

function servicePorts(spec: Json): string {
  const ports = (spec.ports as Json[] | undefined) ?? [];
  if (ports.length === 0) return '<none>';
  return ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
}

const TABLES: Record<string, { columns: Column[]; cells(o: KubeObject): Cell[] }> = {
  Pod: {
    columns: [
      col('Ready'),
      col('Status'),
      col('Restarts', 0, 'string'),
      col('Age'),
      col('IP', 1),
      col('Node', 1),
      col('Nominated Node', 1),
      col('Readiness Gates', 1),
    ],
    cells: podRow,
  },
  Deployment: {
    columns: [col('Ready'), col('Up-to-date', 0, 'number'), col('Available', 0, 'number'), col('Age')],
    cells: (o) => {
      const s = (o.status ?? {}) as Json;
      const spec = (o.spec ?? {}) as Json;
      return [
        `${s.readyReplicas ?? 0}/${spec.replicas ?? 0}`,
        Number(s.updatedReplicas ?? 0),
        Number(s.availableReplicas ?? 0),
      ];
    },
  },
  ReplicaSet: {
    columns: [col('Desired', 0, 'number'), col('Current', 0, 'number'), col('Ready', 0, 'number'), col('Age')],
    cells: (o) => {
      const s = (o.status ?? {}) as Json;
      return [Number((o.spec as Json)?.replicas ?? 0), Number(s.replicas ?? 0), Number(s.readyReplicas ?? 0)];
    },
  },
  Service: {
    columns: [col('Type'), col('Cluster-IP'), col('External-IP'), col('Port(s)'), col('Age')],
    cells: (o) => {
      const spec = (o.spec ?? {}) as Json;
      return [String(spec.type ?? 'ClusterIP'), String(spec.clusterIP ?? '<none>'), '<none>', servicePorts(spec)];
    },
  },
  Namespace: { columns: [col('Status'), col('Age')], cells: (o) => [String((o.status as Json)?.phase ?? 'Active')] },
  Node: {
    columns: [col('Status'), col('Roles'), col('Age'), col('Version')],
    cells: (o) => {
      const conditions = ((o.status as Json)?.conditions as Json[] | undefined) ?? [];
      const ready = conditions.find((c) => c.type === 'Ready')?.status === 'True';
      const unschedulable = (o.spec as Json)?.unschedulable ? ',SchedulingDisabled' : '';
      const roles = Object.keys(o.metadata.labels ?? {})
        .filter((l) => l.startsWith('node-role.kubernetes.io/'))
        .map((l) => l.split('/')[1]);
      return [
        `${ready ? 'Ready' : 'NotReady'}${unschedulable}`,
        roles.join(',') || '<none>',
        String(((o.status as Json)?.nodeInfo as Json)?.kubeletVersion ?? 'v1.32.0'),
      ];
    },
  },
  ConfigMap: {
    columns: [col('Data', 0, 'number'), col('Age')],
    cells: (o) => [Object.keys((o.data as Json) ?? {}).length],
  },
  Secret: {
    columns: [col('Type'), col('Data', 0, 'number'), col('Age')],
    cells: (o) => [String(o.type ?? 'Opaque'), Object.keys((o.data as Json) ?? {}).length],
  },
};

/** Moves the AGE cell to where its column is (kubectl expects cells in column order). */
function withAge(columns: Column[], cells: Cell[], ageText: string): Cell[] {
  const at = columns.findIndex((c) => c.name === 'Age');
  const out = [...cells];
  if (at >= 0) out.splice(at, 0, ageText);
  return out;
}

/**
 * Converts objects to a `meta.k8s.io/v1` Table with the columns kubectl users know (pods: NAME READY STATUS
 * RESTARTS AGE, `-o wide` adds IP and NODE, …); other kinds get NAME and AGE.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export function toTable(
  type: ResourceType,
  objects: KubeObject[],
  now: Date,
  listMeta: Json = {},
): Record<string, unknown> {
  const spec = TABLES[type.kind] ?? { columns: [col('Age')], cells: () => [] };
  const columns = [
    { ...col('Name'), format: 'name', description: 'Name must be unique within a namespace.' },
    ...spec.columns,
  ];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta,
    columnDefinitions: columns,
    rows: objects.map((o) => ({
      cells: [o.metadata.name, ...withAge(spec.columns, spec.cells(o), age(o.metadata.creationTimestamp, now))],
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
    })),
  };
}
