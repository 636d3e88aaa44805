import { cliColors } from './cliColors.js';
import type { CliIo } from './cliIo.js';
import type { OutputFormat } from './outputFormats.js';

/** What an error looks like on stderr with `--output json` (see `errorOutputOf` for a thrown value's). */
export interface ErrorOutput {
  error_code: string;
  message: string;
  hint?: string;
  details?: Record<string, unknown>;
}

/**
 * Prints an error to stderr: `error: <message>` and `hint: <hint>` lines, or one JSON object
 * `{ error_code, message, hint, details }` when the output format is `json`.
 */
export function reportError(error: ErrorOutput, io: CliIo, format: OutputFormat, color = true): void {
  if (format === 'json') {
    io.stderr.write(`${JSON.stringify(error)}\n`);
    return;
  }
  const c = cliColors(io.stderr, io.env, color);
  io.stderr.write(`${c.red(c.bold('error:'))} ${error.message}\n`);
  if (error.hint !== undefined) io.stderr.write(`${c.dim('hint:')} ${error.hint}\n`);
}
