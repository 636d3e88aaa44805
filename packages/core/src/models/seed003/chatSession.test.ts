import { describe, expect, it } from 'vitest';
import { ChatSession, MAX_CHAT_SESSION_MS } from './chatSession.js';

const session = {
  id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f',
  user_id: 'alice',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  expires_at: '2026-01-02T00:00:00.000Z',
};

describe('ChatSession', () => {
  it('applies the defaults', () => {
    expect(ChatSession.parse(session)).toEqual({
      ...session,
      title: '',
      persona_id: 'default',
      cluster_context: [],
      message_count: 0,
    });
  });

  it('allows expiry at creation and up to exactly 7 days after it', () => {
    expect(MAX_CHAT_SESSION_MS).toBe(604_800_000);
    expect(ChatSession.safeParse({ ...session, expires_at: session.created_at }).success).toBe(true);
    expect(ChatSession.safeParse({ ...session, expires_at: '2026-01-08T00:00:00.000Z' }).success).toBe(true);
  });

  it('refuses expiry beyond 7 days with a clear message', () => {
    const late = ChatSession.safeParse({ ...session, expires_at: '2026-01-08T00:00:00.001Z' });
    expect(late.success).toBe(false);
    expect(late.error?.issues).toEqual([
      expect.objectContaining({ path: ['expires_at'], message: 'expires_at must be at most 7 days after created_at' }),
    ]);
  });

  it('refuses expiry before creation', () => {
    const early = ChatSession.safeParse({ ...session, expires_at: '2025-12-31T23:59:59.000Z' });
    expect(early.success).toBe(false);
    expect(early.error?.issues[0]?.message).toBe('expires_at must not be before created_at');
  });

  it('requires cluster context ids to be UUIDs and an owner', () => {
    expect(ChatSession.safeParse({ ...session, cluster_context: ['prod-east-1'] }).success).toBe(false);
    expect(ChatSession.safeParse({ ...session, user_id: '' }).success).toBe(false);
  });
});
