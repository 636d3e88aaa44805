/** A table as the fleet API returns it: columns, rows of cells, and per row the object it opens. */
export interface RowTable<Ref> {
  columns: string[];
  rows: string[][];
  refs: Ref[];
}

/** How a browser table is sorted: by one column, up or down. */
export interface SortOrder {
  column: string;
  descending: boolean;
}

/** kubectl's ages (`45s`, `5m30s`, `2d4h`) in seconds, so an AGE column sorts by time, not by text. */
export function ageSeconds(text: string): number | undefined {
  const parts = [...text.matchAll(/(\d+)([ydhms])/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) return undefined;
  const unit: Record<string, number> = { y: 31_536_000, d: 86_400, h: 3_600, m: 60, s: 1 };
  return parts.reduce((sum, p) => sum + Number(p[1]) * (unit[p[2] ?? 's'] ?? 1), 0);
}

function compareCells(a: string, b: string): number {
  const [ageA, ageB] = [ageSeconds(a), ageSeconds(b)];
  if (ageA !== undefined && ageB !== undefined) return ageA - ageB;
  // "3 (2m ago)" restarts and "1/2" readiness sort by their leading number.
  const [numA, numB] = [Number.parseFloat(a), Number.parseFloat(b)];
  if (!Number.isNaN(numA) && !Number.isNaN(numB) && numA !== numB) return numA - numB;
  return a.localeCompare(b);
}

/**
 * The rows to show: those in `namespace` (when the table has a NAMESPACE column and one is chosen) whose cells
 * contain `text` (case-insensitive), sorted by `order` when given (stable, ages and counts by value). Each row keeps
 * its ref.
 */
export function visibleRows<Ref>(
  table: RowTable<Ref>,
  filter: { namespace: string; text: string },
  order?: SortOrder,
): { cells: string[]; ref: Ref }[] {
  const nsColumn = table.columns.indexOf('NAMESPACE');
  const text = filter.text.trim().toLowerCase();
  const rows = table.rows
    .map((cells, i) => ({ cells, ref: table.refs[i] as Ref }))
    .filter(({ cells }) => !filter.namespace || nsColumn < 0 || cells[nsColumn] === filter.namespace)
    .filter(({ cells }) => !text || cells.some((cell) => cell.toLowerCase().includes(text)));
  const column = order ? table.columns.indexOf(order.column) : -1;
  if (!order || column < 0) return rows;
  const sign = order.descending ? -1 : 1;
  return rows.sort((a, b) => sign * compareCells(a.cells[column] ?? '', b.cells[column] ?? ''));
}
