import { z } from 'zod';

/** One file of a project: its path relative to the project root (forward slashes) and its text. */
export const ProjectFile = z.object({ path: z.string().min(1), content: z.string() });
export type ProjectFile = z.infer<typeof ProjectFile>;

/**
 * A project held in memory, so detection does no I/O: the CLI (or a test) reads the directory and hands the files
 * over. Only text files matter; binary files and dependency folders can be left out.
 */
export interface ProjectFiles {
  /** The file at `path` (relative to the root), or undefined. */
  read(path: string): string | undefined;
  /** Every path, relative to the root, with `/` separators. */
  paths(): readonly string[];
}

/** Folders that never hold an app of their own (dependencies, build output, VCS data). */
export const IGNORED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  '.next',
  'dist',
  'build',
  'out',
  'target',
  'vendor',
  '.venv',
  'venv',
  '__pycache__',
  '.opspilot',
  'coverage',
  'obj',
]);

/** True when a path lies in an {@link IGNORED_FOLDERS} folder. */
export function isIgnoredPath(path: string): boolean {
  return path.split('/').some((segment) => IGNORED_FOLDERS.has(segment));
}

/** A {@link ProjectFiles} over an array of `{ path, content }` (leading `./` removed, ignored folders dropped). */
export function projectFilesOf(files: readonly ProjectFile[]): ProjectFiles {
  const byPath = new Map<string, string>();
  for (const file of files) {
    const path = file.path.replace(/\\/g, '/').replace(/^\.\//, '');
    if (!isIgnoredPath(path)) byPath.set(path, file.content);
  }
  return { read: (path) => byPath.get(path), paths: () => [...byPath.keys()].sort() };
}

/** `dir` joined with `name` (`''` is the root). */
export function joinPath(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

/** The folder part of a path (`''` for a file at the root). */
export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Files under `dir` (recursively) whose name matches `pattern`, with their text. */
export function filesUnder(project: ProjectFiles, dir: string, pattern: RegExp): ProjectFile[] {
  const prefix = dir === '' ? '' : `${dir}/`;
  return project
    .paths()
    .filter((p) => p.startsWith(prefix) && pattern.test(p.slice(prefix.length)))
    .map((p) => ({ path: p, content: project.read(p) ?? '' }));
}
