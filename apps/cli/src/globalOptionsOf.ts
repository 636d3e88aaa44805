import { InputError } from '@opspilot/core';
import type { Command } from 'commander';
import type { GlobalOptions } from './globalOptions.js';
import { OUTPUT_FORMATS } from './outputFormats.js';

const STRING_OPTIONS = ['kubeconfig', 'context', 'namespace', 'config'] as const;

function invalid(option: string, message: string): InputError {
  return new InputError(`invalid option --${option}: ${message}`, {
    hint: 'Run `opspilot --help` for the accepted values.',
  });
}

/**
 * The global options in effect for `command` (its own options merged with the program's), validated as the zod
 * schema {@link GlobalOptions} does, with zod's messages. Checked by hand because every command runs this,
 * `opspilot version` included, which must start without loading zod (~100 ms); `globalOptionsOf.test.ts` holds
 * it to the schema.
 */
export function globalOptionsOf(command: Command): GlobalOptions {
  const raw: Record<string, unknown> = command.optsWithGlobals();
  const output = raw.output ?? 'text';
  const format = OUTPUT_FORMATS.find((f) => f === output);
  if (format === undefined) {
    const expected = OUTPUT_FORMATS.map((f) => JSON.stringify(f)).join('|');
    throw invalid('output', `Invalid option: expected one of ${expected}`);
  }
  const options: Partial<GlobalOptions> = { output: format };
  for (const key of STRING_OPTIONS) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw invalid(key, `Invalid input: expected string, received ${kindOf(value)}`);
    if (value === '') throw invalid(key, 'Too small: expected string to have >=1 characters');
    options[key] = value;
  }
  const color = raw.color ?? true;
  if (typeof color !== 'boolean') throw invalid('color', `Invalid input: expected boolean, received ${kindOf(color)}`);
  return { ...options, output: format, color };
}

/** How zod names a value's type in "expected X, received Y". */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
