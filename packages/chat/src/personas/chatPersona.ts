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
