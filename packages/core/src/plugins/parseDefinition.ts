import { z } from 'zod';
import { InputError } from '../errors/index.js';

/**
 * Plug-in ids: lowercase letters, digits, ':', '.' and '-', starting with a letter or digit, e.g.
 * `pod-crash-loop`, `deployment:rollback`. Stable ids are what configuration, findings and audit entries name.
 */
export const PluginId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9:.-]*$/, "must be lowercase letters, digits, ':', '.' or '-', e.g. pod-crash-loop");

/** A field of a definition that must be a function (`analyze`, `run`, `check`, ...). */
export const functionField = <F>() =>
  z.custom<F>((value) => typeof value === 'function', { message: 'must be a function' });

/** A field of a definition that must be a zod schema (`input`, `config`). */
export const schemaField = () =>
  z.custom<z.ZodType>((value) => value instanceof z.ZodType, { message: 'must be a zod schema' });

/**
 * Checks a plug-in definition where it is declared, so a malformed plug-in fails at start-up rather than when
 * first used. Throws an InputError naming the plug-in kind, its id and every bad field.
 * @example
 * parseDefinition('analyzer', AnalyzerDefinition, definition);
 */
export function parseDefinition<T>(kind: string, schema: z.ZodType<T>, definition: unknown): T {
  const parsed = schema.safeParse(definition);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(definition)'}: ${i.message}`);
  const named = definition as { id?: unknown; name?: unknown } | null | undefined;
  const id = named?.id ?? named?.name;
  throw new InputError(`invalid ${kind} definition${id ? ` "${String(id)}"` : ''}: ${problems.join('; ')}`, {
    hint: `fix the ${kind} definition where it is declared`,
  });
}
