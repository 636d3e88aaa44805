import { type DocTemplate, InputError, templatePlaceholders } from '@opspilot/core';

/**
 * Fills a DocTemplate's `{{ variable }}` placeholders. Every variable the body uses must be given (an InputError lists
 * the missing ones); values are inserted as text, never re-expanded, so a value holding `{{ x }}` stays as it is.
 * @example
 * renderDocTemplate(template, { service: 'backend', architecture: mermaid })
 */
export function renderDocTemplate(
  template: Pick<DocTemplate, 'name' | 'body'>,
  values: Record<string, string>,
): string {
  const missing = templatePlaceholders(template.body).filter((name) => values[name] === undefined);
  if (missing.length > 0) {
    throw new InputError(`template ${template.name} needs ${missing.join(', ')}`, {
      hint: `give a value for each: ${missing.map((m) => `--var ${m}=…`).join(' ')}`,
    });
  }
  return template.body.replace(/\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/g, (_, name: string) => values[name] as string);
}
