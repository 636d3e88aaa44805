import { type FileRead, type FileWrite, fileError, normalisePath, type ProcessFiles } from './fileWrites.js';

/** What the file commands of the shell subset need from an interpreted run. */
export interface FileRun {
  /** Time into the run. */
  ms: number;
  logs: string[];
  /** Where stdout goes while a redirection is active (else `logs`). */
  capture?: string[];
  shell: string;
  /** busybox applets (Alpine) print their errors differently from coreutils and dash. */
  busybox: boolean;
  files: ProcessFiles;
  /** The run's own changes so far (null: removed), read before `files`. */
  own: Map<string, string | null>;
  writes: FileWrite[];
}

/** A file's content as log lines (none for an empty file). */
export function lines(content: string): string[] {
  return content === '' ? [] : content.replace(/\n$/, '').split('\n');
}

/** Writes lines to the command's stdout (a redirection's file, or the container log). */
export function out(run: FileRun, lines: string[]): void {
  (run.capture ?? run.logs).push(...lines);
}

/** Reads a file as the run sees it (its own writes first). */
export function readFile(run: FileRun, path: string): FileRead {
  const full = normalisePath(path);
  if (full === '/dev/null' || full === '/dev/zero') return { ok: true, content: '' };
  if (run.own.has(full)) {
    const content = run.own.get(full);
    return content === null || content === undefined ? fileError('ENOENT') : { ok: true, content };
  }
  return run.files.read(full);
}

/** Changes a file; returns the error text a failed redirection prints, or undefined. */
export function writeFile(run: FileRun, path: string, op: FileWrite['op'], content: string): string | undefined {
  const full = normalisePath(path);
  if (full.startsWith('/dev/')) return undefined;
  const parent = full.slice(0, full.lastIndexOf('/')) || '/';
  const parentMade = [...run.writes].reverse().find((w) => normalisePath(w.path) === parent)?.op === 'mkdir';
  const problem = parentMade && op !== 'remove' ? undefined : run.files.writeError(full);
  if (problem && op !== 'remove') {
    if (run.shell === 'bash') return `bash: line 1: ${path}: ${problem.message}`;
    if (run.busybox)
      return `${run.shell}: can't create ${path}: ${problem.code === 'ENOENT' ? 'nonexistent directory' : problem.message}`;
    return `${run.shell}: 1: cannot create ${path}: ${problem.code === 'ENOENT' ? 'Directory nonexistent' : problem.message}`;
  }
  const before = readFile(run, full);
  const next = op === 'append' ? (before.ok ? before.content : '') + content : op === 'remove' ? null : content;
  run.own.set(full, op === 'mkdir' ? null : next);
  run.writes.push({ atMs: run.ms, path: full, op, content });
  return undefined;
}

/** `cat`, `touch`, `rm`, `mkdir`, `test` / `[`: the file commands of the subset; undefined for other programs. */
export function runFileCommand(name: string, args: string[], run: FileRun): number | undefined {
  const paths = args.filter((a) => !a.startsWith('-'));
  switch (name) {
    case 'cat': {
      let code = 0;
      for (const p of paths) {
        const file = readFile(run, p);
        if (file.ok) out(run, lines(file.content));
        else {
          run.logs.push(run.busybox ? `cat: can't open '${p}': ${file.message}` : `cat: ${p}: ${file.message}`);
          code = 1;
        }
      }
      return code;
    }
    case 'touch':
      for (const p of paths) {
        const problem = writeFile(run, p, 'append', '');
        if (problem) {
          run.logs.push(`touch: cannot touch '${p}': ${run.files.writeError(normalisePath(p))?.message ?? ''}`);
          return 1;
        }
      }
      return 0;
    case 'rm':
      for (const p of paths) {
        if (!readFile(run, p).ok && !args.some((a) => /^-\w*f/.test(a))) {
          run.logs.push(`rm: cannot remove '${p}': No such file or directory`);
          return 1;
        }
        writeFile(run, p, 'remove', '');
      }
      return 0;
    case 'mkdir':
      for (const p of paths) writeFile(run, p, 'mkdir', '');
      return 0;
    case 'test':
    case '[': {
      const words = name === '[' ? args.slice(0, -1) : args;
      const [flag, path] = words;
      if (words.length !== 2 || !['-f', '-e', '-s', '-d', '-r'].includes(flag!)) return undefined;
      const file = readFile(run, path!);
      if (flag === '-d') return !file.ok && file.code === 'EISDIR' ? 0 : 1;
      if (flag === '-s') return file.ok && file.content.length > 0 ? 0 : 1;
      return file.ok || (flag === '-e' && file.code === 'EISDIR') ? 0 : 1;
    }
    default:
      return undefined;
  }
}
