import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ChartFile } from '@opspilot/core';
import { generateFromProject } from '@opspilot/manifests';

/** The seeds' Todo app (Next.js frontend, FastAPI backend), as `generate --from` reads it. */
export const TODO_APP_DIR = join(import.meta.dirname, '..', '..', '..', 'manifests', 'src', '__fixtures__', 'todo-app');

/** Every file of a folder, with paths relative to it. */
export function readFolder(root: string): { path: string; content: string }[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  return walk(root).map((p) => ({ path: relative(root, p), content: readFileSync(p, 'utf8') }));
}

/** The Todo chart opspilot generates, its files relative to the chart root. */
export function todoChart(): ChartFile[] {
  const r = generateFromProject('helm-chart', readFolder(TODO_APP_DIR), { name: 'todo' });
  if (!r.ok) throw r.error;
  return r.value.files
    .filter((f) => f.path.startsWith('charts/todo/'))
    .map((f) => ({ path: f.path.slice('charts/todo/'.length), content: f.content }));
}
