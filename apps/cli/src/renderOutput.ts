import { stringify } from 'yaml';
import type { OutputFormat } from './globalOptions.js';

/** Renders `data` for humans when the format is `text`. */
export type TextRenderer<T> = (data: T) => string;

function withNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

function defaultText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (typeof data !== 'object' || data === null) return String(data);
  return stringify(data);
}

/**
 * The one place a command's result becomes output for `-o text|json|yaml`: `json` is indented JSON, `yaml` is a
 * YAML document, `text` is what `text` renders (by default strings as-is and objects as YAML). Always ends in a
 * newline. Commands print data, never pre-formatted JSON, so every command honours `--output` the same way.
 * @example
 * io.stdout.write(renderOutput({ version: '0.1.0' }, 'json', (v) => `opspilot ${v.version}`));
 */
export function renderOutput<T>(data: T, format: OutputFormat, text: TextRenderer<T> = defaultText): string {
  if (format === 'json') return `${JSON.stringify(data, null, 2)}\n`;
  if (format === 'yaml') return withNewline(stringify(data));
  return withNewline(text(data));
}

/** Lays out rows as left-aligned columns separated by two spaces (no trailing spaces). */
export function renderColumns(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, cell.length);
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
