import { randomUUID } from 'node:crypto';
import { ChatMessage, ChatSession, MAX_CHAT_SESSION_MS } from '@opspilot/core';
import { z } from 'zod';
import type { Db } from './database.js';
import type { Dialect } from './dialect.js';
import { lockRow } from './lockRow.js';
import { parseInput } from './parseInput.js';
import { createRepository, type Repository } from './repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a caller supplies to open a chat session; it expires 24 hours after creation unless told otherwise. */
export const NewChatSession = z.object({
  user_id: z.string().min(1),
  title: z.string().default(''),
  persona_id: z.string().default('default'),
  cluster_context: z.array(z.string()).default([]),
  expires_in_ms: z.number().int().positive().max(MAX_CHAT_SESSION_MS).default(DAY_MS),
});
export type NewChatSession = z.input<typeof NewChatSession>;

/** What a caller supplies to add a message. */
export const NewChatMessage = ChatMessage.omit({ id: true, session_id: true, created_at: true });
export type NewChatMessage = z.input<typeof NewChatMessage>;

/** Chat sessions (seed 003 §5.5) with their messages (§5.2). */
export interface ChatRepository {
  sessions: Repository<ChatSession, NewChatSession>;
  messages: Repository<ChatMessage, ChatMessage>;
  /**
   * Adds a message and, in the same transaction, counts it on its session and pushes the session's expiry to 24 hours
   * after this activity (never beyond 7 days after creation). NotFoundError when the session does not exist.
   */
  addMessage(sessionId: string, message: NewChatMessage): Promise<ChatMessage>;
}

/** The expiry of a session after activity at `now`: 24 hours later, within the 7-day limit, never earlier than set. */
export function extendedExpiry(session: Pick<ChatSession, 'created_at' | 'expires_at'>, now: number): string {
  const limit = Date.parse(session.created_at) + MAX_CHAT_SESSION_MS;
  const wanted = Math.min(now + DAY_MS, limit);
  return new Date(Math.max(wanted, Date.parse(session.expires_at))).toISOString();
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
    async addMessage(sessionId, message) {
      const fields = parseInput(NewChatMessage, message, 'chat message');
      return inTransaction(async (tx) => {
        const sessions = sessionsOn(tx);
        await lockRow(tx, dialect, 'chat_sessions', 'id', sessionId);
        const session = await sessions.get(sessionId);
        // Strictly after the previous message (whose add stamped the session), so a session's messages keep their order.
        const now = Math.max(Date.now(), Date.parse(session.updated_at) + 1);
        const stored = await messagesOn(tx).create({
          ...fields,
          id: randomUUID(),
          session_id: sessionId,
          created_at: new Date(now).toISOString(),
        });
        await sessions.update(sessionId, {
          message_count: session.message_count + 1,
          expires_at: extendedExpiry(session, now),
        });
        return stored;
      });
    },
  };
}
