import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ProjectFile } from '../projectFiles.js';

/** The seeds' Todo app fixture folder (Next.js frontend, FastAPI backend). */
export const TODO_APP_DIR = join(import.meta.dirname, '..', '..', '__fixtures__', 'todo-app');

/** Reads a fixture folder into in-memory files, the way the CLI reads `--from DIR`. */
export function readFixture(root: string = TODO_APP_DIR): ProjectFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  return walk(root).map((p) => ({ path: relative(root, p), content: readFileSync(p, 'utf8') }));
}
