import { Persona, PersonaScope } from '@opspilot/core';
import { z } from 'zod';

export { PersonaScope };

/**
 * A persona as chat uses it: the seed's {@link Persona} (system prompt, `capabilities` = the tools it may call, icon)
 * with a tone and a default cluster scope. Custom personas of an organisation are stored with their own tone and
 * scope (migration 0025); the defaults apply when they set none.
 */
export const ChatPersona = Persona.extend({
  tone: z.string().default('concise and precise'),
  scope: PersonaScope.default('session'),
  /** Whether it may propose changes at all (`propose_operation`), even if listed in capabilities. */
  may_propose: z.boolean().default(true),
});
export type ChatPersona = z.infer<typeof ChatPersona>;

/** What an administrator supplies to add a custom persona: the seed's persona with its tone and scope, never built-in. */
export const NewPersona = Persona.omit({ is_builtin: true, created_by: true });
export type NewPersona = z.input<typeof NewPersona>;

/**
 * A change to a custom persona: any of its fields but the id (the service refuses an empty one). No defaults, so a
 * field left out stays as it is.
 */
export const PersonaPatch = z
  .object({
    name: Persona.shape.name,
    description: z.string(),
    system_prompt: Persona.shape.system_prompt,
    capabilities: z.array(z.string().min(1)),
    icon: z.string(),
    tone: Persona.shape.tone.unwrap(),
    scope: PersonaScope,
  })
  .partial();
export type PersonaPatch = z.infer<typeof PersonaPatch>;
