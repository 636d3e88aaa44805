import type { ProjectFiles } from './projectFiles.js';

/** What a project's own Dockerfile says about the container it builds (its last stage). */
export interface ExistingDockerfile {
  /** Path of the Dockerfile, relative to the project root. */
  path: string;
  /** The first port it EXPOSEs (a `${PORT}` with an ARG/ENV default resolved). */
  port?: number;
  /** ENTRYPOINT followed by CMD, exec form; the shell form as `/bin/sh -c …`. */
  start?: string[];
}

function words(value: string): string[] {
  const text = value.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string')) return parsed;
    } catch {
      // Not valid JSON: Docker then runs it in a shell, as below.
    }
  }
  return ['/bin/sh', '-c', text];
}

/**
 * Reads the Dockerfile at `path` when the project has one: the last stage's EXPOSE, ENTRYPOINT and CMD (line
 * continuations joined, `${VAR}` resolved from ARG/ENV defaults). Undefined when there is no such file.
 */
export function readExistingDockerfile(project: ProjectFiles, path: string): ExistingDockerfile | undefined {
  const text = project.read(path);
  if (text === undefined) return undefined;
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const lastFrom = lines.map((l) => /^FROM\s/i.test(l)).lastIndexOf(true);
  const vars = new Map<string, string>();
  let port: number | undefined;
  let entrypoint: string[] | undefined;
  let cmd: string[] | undefined;
  for (const [i, line] of lines.entries()) {
    const m = /^(\w+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const [keyword, args] = [m[1]!.toUpperCase(), m[2]!];
    if (keyword === 'ARG' || keyword === 'ENV') {
      for (const kv of args.matchAll(/(\w+)[=\s]+("[^"]*"|\S+)/g)) vars.set(kv[1]!, kv[2]!.replace(/^"|"$/g, ''));
    }
    if (i < lastFrom) continue;
    const expanded = args.replace(
      /\$\{?(\w+)(?::-([^}]*))?\}?/g,
      (_, name: string, d?: string) => vars.get(name) ?? d ?? '',
    );
    if (keyword === 'EXPOSE' && port === undefined) {
      const first = /(\d{2,5})(?:\/tcp)?\b/.exec(expanded)?.[1];
      if (first) port = Number(first);
    }
    if (keyword === 'ENTRYPOINT') entrypoint = words(args);
    if (keyword === 'CMD') cmd = words(args);
  }
  const start = entrypoint ? [...entrypoint, ...(entrypoint[0] === '/bin/sh' ? [] : (cmd ?? []))] : cmd;
  return { path, ...(port !== undefined && port <= 65535 ? { port } : {}), ...(start ? { start } : {}) };
}
