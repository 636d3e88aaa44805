import { Persona } from '@opspilot/core';
import { z } from 'zod';

/** How far a persona looks by default: the clusters the conversation names, or every cluster the user may see. */
export const PersonaScope = z.enum(['session', 'all-clusters']);
export type PersonaScope = z.infer<typeof PersonaScope>;

/**
 * A persona as chat uses it: the seed's {@link Persona} (system prompt, `capabilities` = the tools it may call, icon)
 * with a tone and a default cluster scope. Custom personas of an organisation are stored as seed personas; their
 * tone is part of their system prompt.
 */
export const ChatPersona = Persona.extend({
  tone: z.string().default('concise and precise'),
  scope: PersonaScope.default('session'),
  /** Whether it may propose changes at all (`propose_operation`), even if listed in capabilities. */
  may_propose: z.boolean().default(true),
});
export type ChatPersona = z.infer<typeof ChatPersona>;
