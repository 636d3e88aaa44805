import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '@opspilot/core';
import { parseDocument } from 'yaml';

/** The file looked for in the working directory when no file is named. */
export const DEFAULT_CONFIG_FILE = 'opspilot.yaml';

/** The raw content of a configuration file, not yet validated. */
export interface ConfigFile {
  /** Absolute path of the file that was read. */
  path: string;
  /** The parsed YAML mapping (`{}` for an empty file). */
  data: Record<string, unknown>;
}

/** Where to look for the configuration file. */
export interface ReadConfigFileOptions {
  /** A file the user named (`--config`, `OPSPILOT_CONFIG`); it must exist. */
  file?: string | undefined;
  /** Directory relative paths and the default file are resolved against. */
  cwd: string;
}

function isMissing(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ENOENT';
}

/**
 * Reads and parses the YAML configuration file. Without `file`, `./opspilot.yaml` is optional and `undefined` is
 * returned when it does not exist; a named file that is missing, unreadable, not YAML or not a mapping is an
 * {@link InputError} listing every syntax error with its line and column.
 */
export async function readConfigFile(options: ReadConfigFileOptions): Promise<ConfigFile | undefined> {
  const path = resolve(options.cwd, options.file ?? DEFAULT_CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error) && options.file === undefined) return undefined;
    throw new InputError(
      isMissing(error) ? `config: file ${path} does not exist` : `config: cannot read ${path}: ${String(error)}`,
      { cause: error, hint: 'Check the path given with --config or OPSPILOT_CONFIG.', details: { file: path } },
    );
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const lines = doc.errors.map((e) => {
      const at = e.linePos?.[0];
      return `config: ${path}${at ? `:${at.line}:${at.col}` : ''}: ${e.message.split('\n')[0]}`;
    });
    throw new InputError(lines.join('\n'), {
      hint: `Fix the YAML syntax of ${path}.`,
      details: { file: path, problems: lines },
    });
  }
  const data: unknown = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError(`config: ${path}: expected a mapping of configuration sections at the top level`, {
      hint: 'Start the file with a section such as `server:`; see the configuration reference.',
      details: { file: path },
    });
  }
  return { path, data: data as Record<string, unknown> };
}
