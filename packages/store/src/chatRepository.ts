import { ChatMessage, ChatSession, MAX_CHAT_SESSION_MS } from '@opspilot/core';
import { z } from 'zod';
import type { Db } from './database.js';
import type { Dialect } from './dialect.js';
import { createRepository, type Repository } from './repository.js';

/** What a caller supplies to open a chat session; it expires 24 hours after creation unless told otherwise. */
export const NewChatSession = z.object({
  user_id: z.string().min(1),
  title: z.string().default(''),
  persona_id: z.string().default('default'),
  cluster_context: z.array(z.string()).default([]),
  expires_in_ms: z
    .number()
    .int()
    .positive()
    .max(MAX_CHAT_SESSION_MS)
    .default(24 * 60 * 60 * 1000),
});
export type NewChatSession = z.input<typeof NewChatSession>;

/** What a caller supplies to add a message. */
export const NewChatMessage = ChatMessage.omit({ id: true, session_id: true, created_at: true });
export type NewChatMessage = z.input<typeof NewChatMessage>;

/** Chat sessions with their messages; adding a message updates the session in the same transaction. */
export interface ChatRepository {
  sessions: Repository<ChatSession, NewChatSession>;
  messages: Repository<ChatMessage, ChatMessage>;
  addMessage(sessionId: string, message: NewChatMessage): Promise<ChatMessage>;
}

/** Builds the chat repository; `inTransaction` runs a function in one database transaction. */
export function createChatRepository(
  db: Db,
  dialect: Dialect,
  inTransaction: <R>(fn: (tx: Db) => Promise<R>) => Promise<R>,
): ChatRepository {
  const sessionsOn = (handle: Db) =>
    createRepository(handle, dialect, {
      table: 'chat_sessions',
      noun: 'chat session',
      schema: ChatSession,
      newSchema: NewChatSession.transform(({ expires_in_ms, ...rest }) => {
        const now = Date.now();
        return {
          ...rest,
          message_count: 0,
          created_at: new Date(now).toISOString(),
          expires_at: new Date(now + expires_in_ms).toISOString(),
        };
      }),
      stamps: ['created_at', 'updated_at'],
    });
  const messagesOn = (handle: Db) =>
    createRepository(handle, dialect, {
      table: 'chat_messages',
      noun: 'chat message',
      schema: ChatMessage,
      newSchema: ChatMessage,
      stamps: ['created_at'],
    });
  return {
    sessions: sessionsOn(db),
    messages: messagesOn(db),
    addMessage(sessionId, message) {
      return inTransaction(async (tx) => {
        const sessions = sessionsOn(tx);
        const session = await sessions.get(sessionId);
        const stored = await messagesOn(tx).create({
          ...NewChatMessage.parse(message),
          id: crypto.randomUUID(),
          session_id: sessionId,
          created_at: new Date().toISOString(),
        });
        await sessions.update(sessionId, { message_count: session.message_count + 1 });
        return stored;
      });
    },
  };
}
