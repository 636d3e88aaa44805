import type { PrinterColumn, ResourceType } from '../../api/resourceTypes.js';
import type { KubeObject } from '../../store/kubeObject.js';
import { AGE, type Cell, type Column, column, type Printer } from './columns.js';
import { CORE_PRINTERS } from './corePrinters.js';
import { since } from './humanDuration.js';
import { evaluateJsonPath } from './jsonPath.js';
import { OTHER_PRINTERS } from './otherPrinters.js';
import { podPrinter } from './podPrinter.js';
import { WORKLOAD_PRINTERS } from './workloadPrinters.js';

const BUILTIN: Record<string, Printer> = { Pod: podPrinter, ...WORKLOAD_PRINTERS, ...CORE_PRINTERS, ...OTHER_PRINTERS };
const BUILTIN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'autoscaling',
  'policy',
  'networking.k8s.io',
  'storage.k8s.io',
  'rbac.authorization.k8s.io',
  'discovery.k8s.io',
  'apiextensions.k8s.io',
  'coordination.k8s.io',
  'scheduling.k8s.io',
  'events.k8s.io',
  'admissionregistration.k8s.io',
]);
const NAME = column('Name', 'Name must be unique within a namespace.', { format: 'name' });
const GENERIC: Printer = { columns: [AGE], cells: (o, now) => [since(o.metadata.creationTimestamp, now)] };
const DEFAULT_CLASS = ['storageclass.kubernetes.io/is-default-class', 'ingressclass.kubernetes.io/is-default-class'];

function customPrinter(columns: PrinterColumn[]): Printer {
  return {
    columns: columns.map((c) =>
      column(c.name, c.description ?? '', { type: c.type, format: c.format ?? '', priority: c.priority ?? 0 }),
    ),
    cells: (o, now) =>
      columns.map((c): Cell => {
        const value = evaluateJsonPath(o, c.jsonPath);
        if (value === undefined || value === null) return null;
        if (c.type === 'date') return since(value, now);
        if (c.type === 'integer' || c.type === 'number') return Number(value);
        if (c.type === 'boolean') return value === true || value === 'true';
        return typeof value === 'object' ? JSON.stringify(value) : String(value);
      }),
  };
}

/**
 * The printer of a type: kubectl's columns for the built-ins, a CRD's printer columns, else NAME and AGE.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export function printerOf(type: ResourceType): Printer {
  if (type.printerColumns && type.printerColumns.length > 0) return customPrinter(type.printerColumns);
  if (BUILTIN_GROUPS.has(type.group)) return BUILTIN[type.kind] ?? GENERIC;
  return GENERIC;
}

function nameCell(o: KubeObject): string {
  const annotations = o.metadata.annotations ?? {};
  return DEFAULT_CLASS.some((a) => annotations[a] === 'true') ? `${o.metadata.name} (default)` : o.metadata.name;
}

function rowObject(o: KubeObject, include: 'None' | 'Metadata' | 'Object'): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return o;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
}

/**
 * Converts objects to a `meta.k8s.io/v1` Table with the columns kubectl users know (pods: NAME READY STATUS
 * RESTARTS AGE, `-o wide` adds IP and NODE, …); kinds without a printer get NAME and AGE. Each row carries the
 * object's metadata (or the whole object, or nothing, after `includeObject`).
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export function toTable(
  type: ResourceType,
  objects: KubeObject[],
  now: Date,
  listMeta: Record<string, unknown> = {},
  includeObject: 'None' | 'Metadata' | 'Object' = 'Metadata',
): Record<string, unknown> {
  const printer = printerOf(type);
  const named = printer.nameColumn !== false;
  const columns: Column[] = named ? [NAME, ...printer.columns] : printer.columns;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta,
    columnDefinitions: columns,
    rows: objects.map((o) => {
      const cells = printer.cells(o, now);
      const object = rowObject(o, includeObject);
      return { cells: named ? [nameCell(o), ...cells] : cells, ...(object ? { object } : {}) };
    }),
  };
}
