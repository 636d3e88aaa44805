import type { KubeObject } from '@opspilot/core';
import { kubectlAge } from './kubectlAge.js';
import { podStatusText } from './podStatusText.js';

/** Options of {@link kubectlTable}. */
export interface KubectlTableOptions {
  now: Date;
  /** Prefix a NAMESPACE column (`-A`). */
  namespaces?: boolean;
  /** The extra columns of `-o wide`. */
  wide?: boolean;
}

type Columns = {
  head: string[];
  wide: string[];
  cells(o: KubeObject, now: Date): string[];
  extra(o: KubeObject): string[];
};

function replicas(o: KubeObject): Record<string, number | undefined> {
  return { ...(o.spec as object), ...(o.status as object) } as Record<string, number | undefined>;
}

const COLUMNS: Record<string, Columns> = {
  Pod: {
    head: ['READY', 'STATUS', 'RESTARTS', 'AGE'],
    wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    cells: (pod, now) => {
      const s = podStatusText(pod, now);
      return [s.ready, s.status, s.restarts, kubectlAge(pod.metadata.creationTimestamp, now)];
    },
    extra: (pod) => {
      const spec = pod.spec as { nodeName?: string; readinessGates?: { conditionType: string }[] } | undefined;
      const status = pod.status as
        | { podIP?: string; nominatedNodeName?: string; conditions?: { type?: string; status?: string }[] }
        | undefined;
      const gates = spec?.readinessGates ?? [];
      const passed = gates.filter((g) =>
        status?.conditions?.some((c) => c.type === g.conditionType && c.status === 'True'),
      ).length;
      return [
        status?.podIP ?? '<none>',
        spec?.nodeName ?? '<none>',
        status?.nominatedNodeName ?? '<none>',
        gates.length === 0 ? '<none>' : `${passed}/${gates.length}`,
      ];
    },
  },
  Deployment: {
    head: ['READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    wide: [],
    cells: (d, now) => {
      const r = replicas(d);
      return [
        `${r.readyReplicas ?? 0}/${r.replicas ?? 0}`,
        String(r.updatedReplicas ?? 0),
        String(r.availableReplicas ?? 0),
        kubectlAge(d.metadata.creationTimestamp, now),
      ];
    },
    extra: () => [],
  },
};

const GENERIC: Columns = {
  head: ['AGE'],
  wide: [],
  cells: (o, now) => [kubectlAge(o.metadata.creationTimestamp, now)],
  extra: () => [],
};

/**
 * The rows `kubectl get` prints for `objects` of `kind`, header first: pods `NAME READY STATUS RESTARTS AGE` (wide:
 * `IP NODE NOMINATED NODE READINESS GATES`), deployments `NAME READY UP-TO-DATE AVAILABLE AGE`, other kinds `NAME AGE`;
 * with `namespaces`, a NAMESPACE column first. Sorted by namespace and name, as the API server lists them.
 * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_get/
 */
export function kubectlTable(kind: string, objects: KubeObject[], options: KubectlTableOptions): string[][] {
  const columns = COLUMNS[kind] ?? GENERIC;
  const sorted = [...objects].sort(
    (a, b) =>
      (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') ||
      a.metadata.name.localeCompare(b.metadata.name),
  );
  const head = ['NAME', ...columns.head, ...(options.wide ? columns.wide : [])];
  const rows = sorted.map((o) => [
    o.metadata.name,
    ...columns.cells(o, options.now),
    ...(options.wide ? columns.extra(o) : []),
  ]);
  if (!options.namespaces) return [head, ...rows];
  return [['NAMESPACE', ...head], ...rows.map((row, i) => [sorted[i]?.metadata.namespace ?? '', ...row])];
}

/**
 * Lays out rows as kubectl's tab writer does: every column but the last padded to its widest cell plus three
 * spaces (at least six characters), the last left as it is.
 */
export function formatKubectlRows(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, cell.length + 3, 6);
  }
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join(''))
    .join('\n');
}
