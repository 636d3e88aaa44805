import type { CliIo } from '../cliIo.js';

/** A {@link CliIo} that records what the program writes, for in-process tests. */
export interface MemoryIo extends CliIo {
  /** Everything written to stdout so far. */
  out(): string;
  /** Everything written to stderr so far. */
  err(): string;
}

/** Creates a {@link MemoryIo} with the given environment and working directory; streams are not TTYs. */
export function memoryIo(env: Record<string, string | undefined> = {}, cwd = process.cwd(), tty = false): MemoryIo {
  let out = '';
  let err = '';
  return {
    env,
    cwd,
    stdout: {
      isTTY: tty,
      write: (chunk: string) => {
        out += chunk;
        return true;
      },
    },
    stderr: {
      isTTY: tty,
      write: (chunk: string) => {
        err += chunk;
        return true;
      },
    },
    out: () => out,
    err: () => err,
  };
}
