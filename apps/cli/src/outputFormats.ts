import type { Command } from 'commander';

/** Output formats of `-o/--output`. */
export const OUTPUT_FORMATS = ['text', 'json', 'yaml'] as const;

/** An output format chosen with `-o/--output`. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** What `-o/--output` accepts for `opspilot validate`: the formats above, plus `sarif`. */
export const ACCEPTED_OUTPUT_FORMATS = [...OUTPUT_FORMATS, 'sarif'] as const;

/**
 * What `-o/--output` accepts on the command line: the above, plus `wide` for `opspilot get` and `opspilot analyze`
 * only and `csv` for the `opspilot cost` commands only.
 */
export const COMMAND_LINE_OUTPUT_FORMATS = [...ACCEPTED_OUTPUT_FORMATS, 'wide', 'csv'] as const;

/**
 * The output format requested so far, `text` when none or an invalid one was given (for error reporting). Kept
 * free of zod: `opspilot --help` and usage errors are reported without loading it.
 */
export function requestedFormat(command: Command): OutputFormat {
  const output: unknown = command.opts().output;
  return OUTPUT_FORMATS.find((format) => format === output) ?? 'text';
}
