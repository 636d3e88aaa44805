import type { CostRecommendation } from '@opspilot/core';
import { type AllocationResult, type BudgetNotice, fmtCpu, fmtMemory, HOURS_PER_MONTH } from '@opspilot/cost';
import { renderColumns } from '../renderOutput.js';

const money = (n: number) => n.toFixed(n < 1 ? 4 : 2);

/** Rows of a CSV document (RFC 4180 quoting). */
export function csv(rows: readonly (readonly (string | number)[])[]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

/** The table of `opspilot cost allocation` (MONTHLY: the window's cost at the same rate over 730 hours). */
export function allocationRows(result: AllocationResult): string[][] {
  const hours = (result.window.steps * result.window.stepSeconds) / 3600;
  const rows = [['NAME', 'CPU', 'MEMORY', 'GPU', 'PV', 'LB', 'IDLE', 'TOTAL', 'MONTHLY']];
  for (const r of result.rows) {
    rows.push([
      r.key,
      money(r.cpu_cost),
      money(r.memory_cost),
      money(r.gpu_cost),
      money(r.pv_cost),
      money(r.lb_cost),
      money(r.shared_idle_cost),
      money(r.total_cost),
      money(hours > 0 ? (r.total_cost / hours) * HOURS_PER_MONTH : 0),
    ]);
  }
  return rows;
}

export function allocationText(result: AllocationResult & { source?: string }): string {
  const hours = (result.window.steps * result.window.stepSeconds) / 3600;
  const from = new Date(result.window.start * 1000).toISOString();
  return `${renderColumns(allocationRows(result))}\n${result.currency}, ${hours} h from ${from}${result.source ? `; usage from ${result.source}` : ''}`;
}

/** The table of `opspilot cost recommendations`. */
export function recommendationRows(items: readonly CostRecommendation[]): string[][] {
  const rows = [['ID', 'TYPE', 'RESOURCE', 'CHANGE', 'SAVES/MONTH', 'CONFIDENCE']];
  for (const r of items) {
    const change = r.proposed_change as { container?: string; resources?: { requests?: Record<string, string> } };
    const what =
      r.type === 'RIGHTSIZE' && change.resources?.requests
        ? `${change.container}: cpu ${change.resources.requests.cpu}, memory ${change.resources.requests.memory}`
        : r.type === 'STORAGE' || r.resource.kind === 'Service'
          ? 'delete'
          : r.resource.kind === 'Node'
            ? 'fewer nodes'
            : 'scale to 0';
    const ns = r.resource.namespace ? `${r.resource.namespace}/` : '';
    rows.push([
      r.id.slice(0, 8),
      r.type,
      `${r.resource.kind.toLowerCase()}/${ns}${r.resource.name}`,
      what,
      money(r.estimated_monthly_savings),
      r.confidence.toFixed(2),
    ]);
  }
  return rows;
}

export { fmtCpu, fmtMemory };

/** One line per budget notice. */
export function noticesText(notices: readonly BudgetNotice[]): string {
  return notices.length
    ? notices.map((n) => `${n.kind.padEnd(8)} ${n.message}`).join('\n')
    : 'no budget threshold reached';
}
