import { type Document, isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { actionCatalog } from './actionCatalog.js';
import { orderSteps } from './orderSteps.js';
import type { RunbookAction } from './runbookAction.js';
import { RunbookDocument } from './runbookDocument.js';

/** One problem of a runbook's YAML, with the line (1-based) it is on. */
export interface RunbookProblem {
  line: number;
  path: string;
  message: string;
}

/** A runbook parsed and validated, with its steps in execution order; or the problems that refuse it. */
export type ParsedRunbook =
  | { ok: true; runbook: RunbookDocument; order: string[] }
  | { ok: false; problems: RunbookProblem[] };

const PLACEHOLDER = /\{\{\s*([a-zA-Z_][\w.]*)\s*\}\}/g;
/** Placeholders every run provides: the incident's id. */
const BUILTIN_VALUES = new Set(['incident_id']);

function lineOf(doc: Document, lines: LineCounter, path: (string | number)[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    const parent = depth > 0 ? (doc.getIn(path.slice(0, depth - 1), true) as unknown) : undefined;
    // For a key of a map, point at the key itself.
    if (isMap(parent)) {
      const pair = parent.items.find(
        (p) => String((p.key as { value?: unknown })?.value ?? p.key) === String(path[depth - 1]),
      );
      const key = pair?.key as { range?: [number, number, number] } | undefined;
      if (key?.range) return lines.linePos(key.range[0]).line;
    }
    if (isSeq(parent) && node?.range) return lines.linePos(node.range[0]).line;
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return 1;
}

/**
 * Parses and validates a runbook's YAML at save time: the schema, then every step's action against the catalogue
 * (unknown action, an action used as the wrong kind of step, a missing required input, an input the action does not
 * take, a `{{ placeholder }}` that is not a parameter), then the `after` graph (unknown step, cycle). Every problem
 * names its line.
 */
export function parseRunbook(source: string, catalog: Map<string, RunbookAction> = actionCatalog()): ParsedRunbook {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        line: e.linePos?.[0]?.line ?? 1,
        path: '',
        message: e.message.split('\n')[0] ?? e.message,
      })),
    };
  }
  const parsed = RunbookDocument.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({
        line: lineOf(doc, lines, i.path as (string | number)[]),
        path: i.path.join('.'),
        message: i.message,
      })),
    };
  }
  const runbook = parsed.data;
  const problems: RunbookProblem[] = [];
  const at = (path: (string | number)[], message: string) =>
    problems.push({ line: lineOf(doc, lines, path), path: path.join('.'), message });
  const params = new Set([...Object.keys(runbook.parameters), ...BUILTIN_VALUES]);
  const ids = new Set<string>();
  runbook.steps.forEach((step, i) => {
    if (ids.has(step.id)) at(['steps', i, 'id'], `step id ${step.id} is used twice`);
    ids.add(step.id);
    const uses: { action: string; with: Record<string, unknown>; path: (string | number)[]; type: string }[] = [];
    if (step.type !== 'wait') uses.push({ action: step.action, with: step.with, path: ['steps', i], type: step.type });
    if (step.type === 'action' && step.rollback)
      uses.push({
        action: step.rollback.action,
        with: step.rollback.with,
        path: ['steps', i, 'rollback'],
        type: 'action',
      });
    for (const use of uses) {
      const action = catalog.get(use.action);
      if (!action) {
        at(
          [...use.path, 'action'],
          `unknown action ${use.action} (known: ${[...catalog.keys()].filter((k) => catalog.get(k)?.type === use.type).join(', ')})`,
        );
        continue;
      }
      if (action.type !== use.type) {
        at(
          [...use.path, 'action'],
          `${use.action} is a ${action.type} and cannot be used in a step of type ${use.type}`,
        );
        continue;
      }
      const shape = action.params.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
      for (const [name, schema] of Object.entries(shape)) {
        if (!(name in use.with) && !schema.safeParse(undefined).success)
          at([...use.path, 'with'], `${use.action} needs the input ${name}`);
      }
      for (const [name, value] of Object.entries(use.with)) {
        if (!(name in shape))
          at(
            [...use.path, 'with', name],
            `${use.action} takes no input ${name} (it takes: ${Object.keys(shape).join(', ')})`,
          );
        for (const m of String(value).matchAll(PLACEHOLDER)) {
          if (!params.has(m[1] as string))
            at([...use.path, 'with', name], `{{ ${m[1]} }} is not a parameter of this runbook`);
        }
      }
    }
  });
  runbook.steps.forEach((step, i) => {
    step.after?.forEach((dep, j) => {
      if (!ids.has(dep)) at(['steps', i, 'after', j], `step ${step.id} runs after ${dep}, which is not a step`);
    });
  });
  if (problems.length) return { ok: false, problems };
  const order = orderSteps(runbook.steps);
  if ('cycle' in order) {
    const i = runbook.steps.findIndex((s) => s.id === order.cycle[0]);
    at(['steps', i, 'after'], `steps ${order.cycle.join(' → ')} wait for each other (a cycle)`);
    return { ok: false, problems };
  }
  return { ok: true, runbook, order: order.order };
}
