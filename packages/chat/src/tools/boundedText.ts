import { untrusted } from '@opspilot/ai';
import { redact, redactText } from '@opspilot/core';

/** The most characters of one tool result a model or MCP client gets. */
export const MAX_RESULT_CHARS = 16_000;

/** `text` cut to `max` characters, saying how much was cut and how to get less. */
export function truncateText(text: string, max = MAX_RESULT_CHARS): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}\n… [truncated: ${text.length - max} more characters; narrow the query (namespace, name, limit) to see the rest]`;
}

/**
 * A tool's value as the model sees it: secrets redacted (the shared redaction of `@opspilot/core`), cut to the size
 * limit with a note, and — for data from outside opspilot's control — wrapped as untrusted data under `label`.
 */
export function renderToolValue(value: unknown, options: { label: string; untrusted: boolean; max?: number }): string {
  const text = typeof value === 'string' ? redactText(value) : JSON.stringify(redact(value), null, 1);
  const bounded = truncateText(text ?? 'null', options.max);
  return options.untrusted ? untrusted(options.label, bounded) : bounded;
}
