import type { ToolFilter } from '../tools/toolRegistry.js';
import type { ChatPersona } from './chatPersona.js';

/** The tools a persona may call: its capabilities, read tools only when it may not propose or the caller is read-only. */
export function personaToolFilter(persona: ChatPersona, readOnly = false): ToolFilter {
  return { readOnly: readOnly || !persona.may_propose, allowed: persona.capabilities };
}
