import type { KubeObject } from '../../store/kubeObject.js';

/**
 * One `columnDefinitions` entry of a `meta.k8s.io/v1` Table.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export interface Column {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

/**
 * A Table cell: text or a number, as the real printers emit them.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export type Cell = string | number | boolean | null;

/**
 * Loosely typed JSON, for reading object fields in printers.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export type Json = Record<string, unknown>;

/**
 * How one kind is printed: its columns after NAME and a function giving one row's cells in that order.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export interface Printer {
  /** Columns, NAME excluded unless `nameColumn` is false (events put NAME last). */
  columns: Column[];
  cells(object: KubeObject, now: Date): Cell[];
  /** Whether NAME is the first column (default true). */
  nameColumn?: boolean;
}

/**
 * A column definition; priority 1 columns only show with `-o wide`.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export function column(name: string, description: string, options: Partial<Column> = {}): Column {
  return { name, type: 'string', format: '', description, priority: 0, ...options };
}

/**
 * A priority-1 (`-o wide`) column.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export function wide(name: string, description: string, options: Partial<Column> = {}): Column {
  return column(name, description, { ...options, priority: 1 });
}

/**
 * The AGE column every printer has.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export const AGE = column(
  'Age',
  'CreationTimestamp is a timestamp representing the server time when this object was created.',
);

/**
 * `spec`, `status` or another field of an object as loose JSON (empty when missing).
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export function field(object: KubeObject | Json | undefined, name: string): Json {
  const value = (object as Json | undefined)?.[name];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

/**
 * An array field (empty when missing).
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export function list(object: Json | undefined, name: string): Json[] {
  const value = object?.[name];
  return Array.isArray(value) ? (value as Json[]) : [];
}

/**
 * A number field (0 when missing).
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export function count(object: Json | undefined, name: string): number {
  const value = object?.[name];
  return typeof value === 'number' ? value : 0;
}

/**
 * `k=v,k2=v2` of a label map, `<none>` when empty (kubectl's `labels.FormatLabels`).
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export function formatLabels(labels: unknown): string {
  const entries = Object.entries((labels as Record<string, string> | undefined) ?? {});
  return entries.length === 0 ? '<none>' : entries.map(([k, v]) => `${k}=${v}`).join(',');
}

/**
 * A LabelSelector as kubectl prints it (`app=web,tier in (a,b)`), `<none>` when empty.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export function formatSelector(selector: unknown): string {
  const s = (selector ?? {}) as { matchLabels?: Record<string, string>; matchExpressions?: Json[] };
  const parts: [string, string][] = Object.entries(s.matchLabels ?? {}).map(([k, v]) => [k, `${k}=${v}`]);
  for (const e of s.matchExpressions ?? []) {
    const key = String(e.key);
    const values = ((e.values as string[] | undefined) ?? []).slice().sort().join(',');
    const op = String(e.operator);
    const text =
      op === 'In'
        ? `${key} in (${values})`
        : op === 'NotIn'
          ? `${key} notin (${values})`
          : op === 'Exists'
            ? key
            : `!${key}`;
    parts.push([key, text]);
  }
  parts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return parts.length === 0 ? '<none>' : parts.map(([, text]) => text).join(',');
}

/**
 * Container names and images of a pod template, joined as kubectl's wide output shows them.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export function containersAndImages(template: Json): [string, string] {
  const containers = list(field(template, 'spec'), 'containers');
  return [containers.map((c) => String(c.name)).join(','), containers.map((c) => String(c.image)).join(',')];
}

/**
 * The first `max` items joined with `,` and `+ N more...` after, as kubectl abbreviates long lists.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export function abbreviate(items: string[], max = 3): string {
  if (items.length === 0) return '<none>';
  const shown = items.slice(0, max).join(',');
  return items.length > max ? `${shown} + ${items.length - max} more...` : shown;
}
