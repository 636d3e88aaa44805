import type { ChatMessage, ChatSession, Persona } from '@opspilot/core';
import type { ChatStore } from './chatService.js';
import type { TurnMessage } from './chatTypes.js';

interface Page<T> {
  items: T[];
  total_pages: number;
}

/** The store's chat repository and personas table, as far as chat needs them (`@opspilot/store` fits). */
export interface ChatRepositories {
  chat: {
    sessions: {
      create(input: {
        user_id: string;
        title: string;
        persona_id: string;
        cluster_context: string[];
      }): Promise<ChatSession>;
      find(id: string): Promise<ChatSession | undefined>;
      update(id: string, patch: Partial<ChatSession>): Promise<ChatSession>;
      list(filter: never, page: { page?: number; page_size?: number }): Promise<Page<ChatSession>>;
    };
    messages: { list(filter: never, page: { page?: number; page_size?: number }): Promise<Page<ChatMessage>> };
    addMessage(sessionId: string, message: TurnMessage): Promise<ChatMessage>;
  };
  personas: {
    list(filter: never, page: { page?: number; page_size?: number }): Promise<Page<Persona>>;
    create(persona: Persona): Promise<Persona>;
    update(id: string, patch: Partial<Persona>): Promise<Persona>;
  };
}

async function everyPage<T>(list: (page: number) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const result = await list(page);
    all.push(...result.items);
    if (page >= result.total_pages) return all;
  }
}

/** A {@link ChatStore} over the store's repositories (the server and the CLI keep chats in the same tables). */
export function repositoryChatStore(store: ChatRepositories): ChatStore {
  return {
    createSession: (input) => store.chat.sessions.create(input),
    getSession: (id) => store.chat.sessions.find(id),
    listSessions: async (userId) =>
      everyPage((page) => store.chat.sessions.list({ user_id: userId } as never, { page, page_size: 100 })),
    renameSession: (id, title) => store.chat.sessions.update(id, { title }),
    addMessage: (sessionId, message) => store.chat.addMessage(sessionId, message),
    listMessages: async (sessionId) => {
      const all = await everyPage((page) =>
        store.chat.messages.list({ session_id: sessionId } as never, { page, page_size: 100 }),
      );
      return all.sort((a, b) => a.created_at.localeCompare(b.created_at));
    },
    listPersonas: () => everyPage((page) => store.personas.list({} as never, { page, page_size: 100 })),
    createPersona: (persona) => store.personas.create(persona),
    updatePersona: (id, patch) => store.personas.update(id, patch),
  };
}
