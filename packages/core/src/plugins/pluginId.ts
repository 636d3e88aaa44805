import { z } from 'zod';
import { InputError } from '../errors/index.js';

/** Plug-in ids: lowercase, digits, ':', '.', '-', e.g. `pod-crash-loop`, `deployment:rollback`. */
export const PluginId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9:.-]*$/, "must be lowercase letters, digits, ':', '.' or '-'");

/** Parses a plug-in definition, throwing InputError that names the plug-in kind and the bad field. */
export function parseDefinition<T>(kind: string, schema: z.ZodType<T>, definition: unknown): T {
  const parsed = schema.safeParse(definition);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  const id = (definition as { id?: unknown; name?: unknown })?.id ?? (definition as { name?: unknown })?.name;
  throw new InputError(`invalid ${kind} definition${id ? ` "${String(id)}"` : ''}: ${problems.join('; ')}`, {
    hint: `fix the ${kind} definition where it is declared`,
  });
}
