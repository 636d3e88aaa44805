import { InputError } from '@opspilot/core';
import type { Command } from 'commander';
import { z } from 'zod';

/** Output formats of `-o/--output`. */
export const OUTPUT_FORMATS = ['text', 'json', 'yaml'] as const;

/** An output format chosen with `-o/--output`. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** What `-o/--output` accepts for `opspilot validate`: the formats above, plus `sarif`. */
export const ACCEPTED_OUTPUT_FORMATS = [...OUTPUT_FORMATS, 'sarif'] as const;

/** What `-o/--output` accepts on the command line: the above, plus `wide` for `opspilot get` only. */
export const COMMAND_LINE_OUTPUT_FORMATS = [...ACCEPTED_OUTPUT_FORMATS, 'wide'] as const;

/** The global options every command accepts, as parsed by commander. */
export const GlobalOptions = z.object({
  output: z.enum(OUTPUT_FORMATS).default('text'),
  kubeconfig: z.string().min(1).optional(),
  context: z.string().min(1).optional(),
  namespace: z.string().min(1).optional(),
  config: z.string().min(1).optional(),
  color: z.boolean().default(true),
});

/** Validated global options. */
export type GlobalOptions = z.infer<typeof GlobalOptions>;

/** The global options in effect for `command` (its own options merged with the program's), validated. */
export function globalOptionsOf(command: Command): GlobalOptions {
  const parsed = GlobalOptions.safeParse(command.optsWithGlobals());
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new InputError(`invalid option --${issue?.path.join('.')}: ${issue?.message}`, {
    hint: 'Run `opspilot --help` for the accepted values.',
  });
}

/** The output format requested so far, `text` when none or an invalid one was given (for error reporting). */
export function requestedFormat(command: Command): OutputFormat {
  const parsed = GlobalOptions.shape.output.safeParse(command.opts().output);
  return parsed.success ? parsed.data : 'text';
}
