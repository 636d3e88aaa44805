import { describe, expect, it } from 'vitest';
import { ChatSession } from './chat.js';
import { Persona } from './persona.js';

const session = {
  id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f',
  user_id: 'alice',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

describe('ChatSession and Persona', () => {
  it('allows expiry up to exactly 7 days after creation', () => {
    expect(ChatSession.parse({ ...session, expires_at: '2026-01-08T00:00:00.000Z' }).persona_id).toBe('default');
  });

  it('refuses expiry beyond 7 days or before creation', () => {
    const late = ChatSession.safeParse({ ...session, expires_at: '2026-01-08T00:00:01.000Z' });
    expect(late.success).toBe(false);
    expect(late.error?.issues[0]?.message).toContain('7 days');
    expect(ChatSession.safeParse({ ...session, expires_at: '2025-12-31T23:59:59.000Z' }).success).toBe(false);
  });

  it.each([
    ['platform-ops', true],
    ['sre1', true],
    ['ops', false],
    ['Platform-ops', false],
    ['1ops', false],
    ['ops-', false],
    ['a'.repeat(33), false],
  ])('persona id %s valid: %s', (id, valid) => {
    expect(Persona.safeParse({ id, name: 'x', system_prompt: 'y' }).success).toBe(valid);
  });
});
