/** Why a file operation inside a container failed, with the errno text programs print. */
export interface FileError {
  ok: false;
  code: 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EROFS';
  /** The errno text: `No such file or directory`, `Is a directory`, `Not a directory`, `Read-only file system`. */
  message: string;
}

/** A file's content, or why it cannot be read. */
export type FileRead = { ok: true; content: string } | FileError;

/** One change a process makes to its container's files, `atMs` after its run started. */
export interface FileWrite {
  atMs: number;
  path: string;
  op: 'write' | 'append' | 'remove' | 'mkdir';
  content: string;
}

/** The files a container's process sees while it is interpreted: reads, and whether a path can be written. */
export interface ProcessFiles {
  read(path: string): FileRead;
  /** Undefined when `path` can be created or written, else the error (`EROFS` on ConfigMap/Secret mounts, …). */
  writeError(path: string): FileError | undefined;
}

const MESSAGES: Record<FileError['code'], string> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EROFS: 'Read-only file system',
};

/** A FileError of `code` with its errno text. */
export function fileError(code: FileError['code']): FileError {
  return { ok: false, code, message: MESSAGES[code] };
}

/** `path` made absolute (relative to `/`) and normalised: no `.`, `..`, repeated or trailing slashes. */
export function normalisePath(path: string, cwd = '/'): string {
  const parts: string[] = [];
  for (const part of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** No files at all: what a container's process sees when files are not modelled. */
export const NO_FILES: ProcessFiles = {
  read: () => fileError('ENOENT'),
  writeError: () => undefined,
};
