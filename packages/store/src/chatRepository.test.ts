import { randomUUID } from 'node:crypto';
import { InputError, MAX_CHAT_SESSION_MS, NotFoundError } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extendedExpiry } from './chatRepository.js';
import type { Store } from './openStore.js';
import { DIALECTS, openTestStore, type TestStore } from './testing/index.js';

const HOUR = 3_600_000;

describe('extendedExpiry', () => {
  const created = Date.UTC(2026, 0, 1);
  const session = (expiresInMs: number) => ({
    created_at: new Date(created).toISOString(),
    expires_at: new Date(created + expiresInMs).toISOString(),
  });

  it('moves the expiry to 24 hours after activity, never earlier and never past 7 days', () => {
    expect(extendedExpiry(session(24 * HOUR), created + 10 * HOUR)).toBe(new Date(created + 34 * HOUR).toISOString());
    expect(extendedExpiry(session(72 * HOUR), created + HOUR)).toBe(new Date(created + 72 * HOUR).toISOString());
    expect(extendedExpiry(session(24 * HOUR), created + MAX_CHAT_SESSION_MS)).toBe(
      new Date(created + MAX_CHAT_SESSION_MS).toISOString(),
    );
  });
});

describe.each(DIALECTS)('chat on %s', (dialect) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(dialect);
    store = t.store;
  });
  afterAll(async () => t?.cleanup());

  it('opens a session expiring in 24 hours by default, and refuses more than 7 days', async () => {
    const session = await store.chat.sessions.create({ user_id: 'alice' });
    expect(Date.parse(session.expires_at) - Date.parse(session.created_at)).toBe(24 * HOUR);
    expect(session).toMatchObject({ persona_id: 'default', message_count: 0, cluster_context: [] });
    await expect(
      store.chat.sessions.create({ user_id: 'alice', expires_in_ms: MAX_CHAT_SESSION_MS + 1 }),
    ).rejects.toBeInstanceOf(InputError);
  });

  it('counts messages on their session and keeps the session alive', async () => {
    const session = await store.chat.sessions.create({ user_id: 'alice', title: 'GPU', expires_in_ms: HOUR });
    await store.chat.addMessage(session.id, { role: 'USER', content: 'why is gpu-0 idle?' });
    const reply = await store.chat.addMessage(session.id, {
      role: 'ASSISTANT',
      content: 'checking',
      tool_calls: [{ id: 't1', name: 'query_metrics', arguments: { query: 'up' } }],
    });
    expect(await store.chat.messages.get(reply.id)).toEqual(reply);
    const after = await store.chat.sessions.get(session.id);
    expect(after.message_count).toBe(2);
    expect(Date.parse(after.expires_at)).toBeGreaterThan(Date.parse(session.expires_at));
    const messages = await store.chat.messages.list({ session_id: session.id });
    expect(messages.items.map((m) => m.role).sort()).toEqual(['ASSISTANT', 'USER']);
  });

  it('refuses messages for a missing session or with a bad role, and deletes messages with their session', async () => {
    await expect(store.chat.addMessage(randomUUID(), { role: 'USER', content: 'x' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const session = await store.chat.sessions.create({ user_id: 'bob' });
    await expect(store.chat.addMessage(session.id, { role: 'ROBOT', content: 'x' } as never)).rejects.toBeInstanceOf(
      InputError,
    );
    const message = await store.chat.addMessage(session.id, { role: 'USER', content: 'bye' });
    await store.chat.sessions.delete(session.id);
    expect(await store.chat.messages.find(message.id)).toBeUndefined();
  });

  it('never loses a count under concurrent messages', async () => {
    const session = await store.chat.sessions.create({ user_id: 'carol' });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => store.chat.addMessage(session.id, { role: 'USER', content: `m${i}` })),
    );
    expect((await store.chat.sessions.get(session.id)).message_count).toBe(10);
  });
});
