import type { ChatMessage, ChatSession, Clock, Persona } from '@opspilot/core';
import { systemClock } from '@opspilot/core';
import type { ChatStore } from './chatService.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A {@link ChatStore} in memory (the CLI's one-off `chat --once`, tests). Sessions expire 24 hours after their last
 * message, as in the database.
 */
export function memoryChatStore(clock: Clock = systemClock): ChatStore {
  const sessions = new Map<string, ChatSession>();
  const messages = new Map<string, ChatMessage[]>();
  const personas: Persona[] = [];
  const now = () => clock.now().toISOString();
  const must = (id: string) => {
    const found = sessions.get(id);
    if (!found) throw new Error(`no session ${id}`);
    return found;
  };
  return {
    async createSession(input) {
      const created = now();
      const session: ChatSession = {
        id: crypto.randomUUID(),
        ...input,
        message_count: 0,
        created_at: created,
        updated_at: created,
        expires_at: new Date(Date.parse(created) + DAY_MS).toISOString(),
      };
      sessions.set(session.id, session);
      return session;
    },
    getSession: async (id) => sessions.get(id),
    listSessions: async (userId) => [...sessions.values()].filter((s) => s.user_id === userId),
    async renameSession(id, title) {
      const session = { ...must(id), title, updated_at: now() };
      sessions.set(id, session);
      return session;
    },
    async addMessage(sessionId, message) {
      const session = must(sessionId);
      const stored: ChatMessage = { ...message, id: crypto.randomUUID(), session_id: sessionId, created_at: now() };
      messages.set(sessionId, [...(messages.get(sessionId) ?? []), stored]);
      sessions.set(sessionId, {
        ...session,
        message_count: session.message_count + 1,
        updated_at: now(),
        expires_at: new Date(clock.now().getTime() + DAY_MS).toISOString(),
      });
      return stored;
    },
    listMessages: async (sessionId) => messages.get(sessionId) ?? [],
    listPersonas: async () => [...personas],
    async createPersona(persona) {
      personas.push(persona);
      return persona;
    },
    async updatePersona(id, patch) {
      const at = personas.findIndex((p) => p.id === id);
      const found = personas[at];
      if (!found) throw new Error(`no persona ${id}`);
      const updated = { ...found, ...patch };
      personas[at] = updated;
      return updated;
    },
  };
}
