import { describe, expect, it } from 'vitest';
import { ChatMessage } from './chatMessage.js';

const message = {
  id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f',
  session_id: '0b9e3f7a-2c4d-4e8f-a1b2-c3d4e5f6a7b8',
  role: 'USER',
  content: 'why is backend crash-looping?',
  created_at: '2026-01-01T00:00:00Z',
};

describe('ChatMessage', () => {
  it('defaults to no tool calls or results', () => {
    expect(ChatMessage.parse(message)).toMatchObject({ tool_calls: [], tool_results: [] });
  });

  it('accepts an assistant message with tool calls and usage', () => {
    const parsed = ChatMessage.parse({
      ...message,
      role: 'ASSISTANT',
      tool_calls: [{ id: 't1', name: 'get_alerts' }],
      model: 'offline-planner',
      tokens_used: 42,
      latency_ms: 7,
    });
    expect(parsed.tool_calls[0]?.arguments).toEqual({});
  });

  it('refuses an unknown role, a bad session id, negative usage and a malformed tool call', () => {
    expect(ChatMessage.safeParse({ ...message, role: 'user' }).success).toBe(false);
    expect(ChatMessage.safeParse({ ...message, session_id: 'abc' }).success).toBe(false);
    expect(ChatMessage.safeParse({ ...message, tokens_used: -1 }).success).toBe(false);
    expect(ChatMessage.safeParse({ ...message, tool_calls: [{ id: 't1' }] }).success).toBe(false);
  });
});
