import type { z } from 'zod';
import { knownKeysUnder } from './configKeys.js';
import { maskSecret } from './maskSecret.js';

/** One invalid configuration value, as reported by {@link loadConfig} in `InputError.details.problems`. */
export interface ConfigProblem {
  /** Dotted key, e.g. `server.port`. */
  key: string;
  /** The offending value (secrets masked); absent when the key is required but not set. */
  value?: unknown;
  /** Where the value came from: an environment variable, a flag, or `file <path>`. */
  source?: string;
  /** What would have been accepted, e.g. `expected an integer between 1 and 65535`. */
  expected: string;
}

/** The raw merged input and where each key came from, used to explain a validation issue. */
export interface ProblemContext {
  input: Record<string, unknown>;
  /** Source of each key set from the environment or a flag, by dotted key. */
  sources: ReadonlyMap<string, string>;
  /** Label of the file layer, e.g. `file /srv/opspilot.yaml`; undefined when no file was read. */
  fileSource: string | undefined;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const part of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

function problemAt(path: string[], expected: string, ctx: ProblemContext): ConfigProblem {
  const key = path.join('.');
  const value = valueAt(ctx.input, path);
  if (value === undefined) return { key, expected };
  let source = ctx.fileSource;
  for (let i = path.length; i > 0; i -= 1) {
    const set = ctx.sources.get(path.slice(0, i).join('.'));
    if (set !== undefined) {
      source = set;
      break;
    }
  }
  return { key, value: maskSecret(key, value), expected, ...(source === undefined ? {} : { source }) };
}

/** Turns zod issues of {@link OpspilotConfig} into problems naming key, value, source and expectation. */
export function configProblems(issues: readonly z.core.$ZodIssue[], ctx: ProblemContext): ConfigProblem[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysUnder(path.join('.'));
      return issue.keys.map((k) => problemAt([...path, k], `unknown key, expected one of ${known.join(', ')}`, ctx));
    }
    return [problemAt(path, issue.message, ctx)];
  });
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * One line for a problem, e.g.
 * `config: server.port = "eighty" (from OPSPILOT_SERVER_PORT): expected an integer between 1 and 65535`.
 */
export function formatConfigProblem(problem: ConfigProblem): string {
  if (!('value' in problem)) return `config: ${problem.key} is not set: ${problem.expected}`;
  const from = problem.source === undefined ? '' : ` (from ${problem.source})`;
  return `config: ${problem.key} = ${show(problem.value)}${from}: ${problem.expected}`;
}
