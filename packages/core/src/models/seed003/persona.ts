import { z } from 'zod';

/**
 * A persona id (seed 003 §5.1, §10): 4 to 32 lowercase letters, digits or hyphens, starting with a letter and not
 * ending with a hyphen. It is a stable slug chosen by the author, e.g. `platform-ops`, not a UUID.
 */
export const PersonaId = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{2,30}[a-z0-9]$/,
    "must be 4 to 32 lowercase letters, digits or '-', starting with a letter and ending with a letter or digit",
  );
export type PersonaId = z.infer<typeof PersonaId>;

/**
 * How far a persona looks by default when a session names no cluster: `session` — the caller's default cluster;
 * `all-clusters` — every cluster the caller may see.
 */
export const PersonaScope = z.enum(['session', 'all-clusters']);
export type PersonaScope = z.infer<typeof PersonaScope>;

/**
 * A chat persona: the system prompt that shapes the assistant and the tools it may call (seed 003 §5.1).
 * Built-in personas ship with opspilot; users add their own. The caller supplies the id, so this schema is also
 * the creation input.
 */
export const Persona = z.object({
  id: PersonaId,
  name: z.string().min(1),
  description: z.string().default(''),
  system_prompt: z.string().min(1),
  capabilities: z.array(z.string().min(1)).default([]),
  icon: z.string().optional(),
  /** How it speaks (added to its system prompt); chat's default when missing. */
  tone: z.string().trim().min(1).max(200).optional(),
  /** Its default cluster scope; `session` when missing. */
  scope: PersonaScope.optional(),
  is_builtin: z.boolean().default(false),
  created_by: z.string().optional(),
});
export type Persona = z.infer<typeof Persona>;
