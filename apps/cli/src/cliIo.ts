import type { Clock } from '@opspilot/core';

/** A writable text stream; `isTTY` decides whether colour is used. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/**
 * Everything the CLI touches of its process, injectable so tests run the real program in-process:
 * `main.ts` passes `process.stdout`, `process.stderr`, `process.env` and `process.cwd()`.
 */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  /** Directory `opspilot.yaml` and relative paths are resolved against. */
  cwd: string;
  /** Standard input, for commands reading `-` (`process.stdin` when absent). */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** The terminal approvals are asked on; commands never prompt unless it is a TTY (absent in tests). */
  terminal?: NodeJS.ReadStream;
  /** The time commands judge ages against (`systemClock` when absent; tests pass a ManualClock). */
  clock?: Clock;
}

/** Mutable outcome of one CLI run: commands set `exitCode` to 1 for findings or a refusal. */
export interface CliRun {
  exitCode: number;
}
