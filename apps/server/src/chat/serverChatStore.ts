import type { ChatStore } from '@opspilot/chat';
import type { ChatMessage, ChatSession } from '@opspilot/core';
import type { Store } from '@opspilot/store';

async function everyPage<T>(list: (page: number) => Promise<{ items: T[]; total_pages: number }>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const result = await list(page);
    all.push(...result.items);
    if (page >= result.total_pages) return all;
  }
}

/** The chat engine's {@link ChatStore} over the store's chat repository and personas table. */
export function serverChatStore(store: Store): ChatStore {
  return {
    createSession: (input) => store.chat.sessions.create(input),
    getSession: (id) => store.chat.sessions.find(id),
    listSessions: async (userId) =>
      (await store.chat.sessions.list({ user_id: userId } as never, { page_size: 100 })).items as ChatSession[],
    renameSession: (id, title) => store.chat.sessions.update(id, { title }),
    addMessage: (sessionId, message) => store.chat.addMessage(sessionId, message),
    listMessages: async (sessionId) => {
      const all = await everyPage((page) =>
        store.chat.messages.list({ session_id: sessionId } as never, { page, page_size: 100 }),
      );
      return (all as ChatMessage[]).sort((a, b) => a.created_at.localeCompare(b.created_at));
    },
    listPersonas: async () => (await store.personas.list({}, { page_size: 100 })).items,
    createPersona: (persona) => store.personas.create(persona),
  };
}
