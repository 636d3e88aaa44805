import { z } from 'zod';

/** A persona id: lowercase alphanumerics and hyphens, 4 to 32 characters (seed 003 §5.1, §10). */
export const PersonaId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{2,30}[a-z0-9]$/, "must be 4 to 32 lowercase letters, digits or '-', starting with a letter");

/** A chat persona: a system prompt and the tools it may use (seed 003 §5.1). */
export const Persona = z.object({
  id: PersonaId,
  name: z.string().min(1),
  description: z.string().default(''),
  system_prompt: z.string().min(1),
  capabilities: z.array(z.string()).default([]),
  icon: z.string().optional(),
  is_builtin: z.boolean().default(false),
  created_by: z.string().optional(),
});
export type Persona = z.infer<typeof Persona>;
