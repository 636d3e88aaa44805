import { describe, expect, it } from 'vitest';
import { roleAtLeast, User, Username } from './user.js';

describe('users and roles', () => {
  it('orders roles VIEWER < OPERATOR < APPROVER < ADMIN', () => {
    expect(roleAtLeast('ADMIN', 'APPROVER')).toBe(true);
    expect(roleAtLeast('APPROVER', 'OPERATOR')).toBe(true);
    expect(roleAtLeast('OPERATOR', 'APPROVER')).toBe(false);
    expect(roleAtLeast('VIEWER', 'OPERATOR')).toBe(false);
    expect(roleAtLeast('VIEWER', 'VIEWER')).toBe(true);
  });

  it('accepts login names and refuses uppercase or spaces', () => {
    expect(Username.safeParse('alice.ops').success).toBe(true);
    expect(Username.safeParse('Alice').success).toBe(false);
    expect(Username.safeParse('a b').success).toBe(false);
  });

  it('defaults a user to enabled', () => {
    const user = User.parse({
      id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      username: 'alice',
      role: 'VIEWER',
      created_at: '2026-01-01T00:00:00.000Z',
    });
    expect(user.disabled).toBe(false);
  });
});
