import { ErrorResponse } from '@opspilot/core';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.js';

let t: TestApi;
beforeEach(async () => {
  t = await startTestApi({ config: { server: { public_url: 'https://ops.example.com' } } });
});
afterEach(async () => t?.close());

const cookieHeader = (response: LightMyRequestResponse) =>
  response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

async function login(username: string, password: string, remoteAddress = '10.1.1.1') {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    payload: { username, password },
  });
}

function asSession(cookies: string, method: string, path: string, extra: Record<string, string> = {}, body?: unknown) {
  return t.app.inject({
    method: method as never,
    url: `/api/v1${path}`,
    headers: { cookie: cookies, ...extra },
    ...(body === undefined ? {} : { payload: body as never }),
  });
}

describe('sign-in and sessions', () => {
  it('sets an HttpOnly, SameSite=Strict, Secure session cookie and a readable CSRF cookie', async () => {
    const response = await login('admin', t.users.admin.password);
    expect(response.statusCode).toBe(200);
    const session = response.cookies.find((c) => c.name === 'opspilot_session');
    const csrf = response.cookies.find((c) => c.name === 'opspilot_csrf');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: true, path: '/' });
    expect(csrf).toMatchObject({ sameSite: 'Strict', secure: true });
    expect(csrf?.httpOnly).toBeFalsy();
    expect(response.json().csrf_token).toBe(csrf?.value);
    const me = await asSession(cookieHeader(response), 'GET', '/users/me');
    expect(me.json()).toMatchObject({ username: 'admin' });
    const stored = await t.store.sessions.findByTokenHash(session?.value ?? '');
    expect(stored).toBeUndefined();
  });

  it('requires the CSRF header on mutations of a cookie session, and not on queries or token calls', async () => {
    const response = await login('admin', t.users.admin.password);
    const cookies = cookieHeader(response);
    const csrf = response.json().csrf_token as string;
    const body = { name: 'ci' };
    const without = await asSession(cookies, 'POST', '/tokens', {}, body);
    expect(without.statusCode).toBe(403);
    expect(ErrorResponse.strict().parse(without.json()).details).toMatchObject({ reason: 'CSRF_TOKEN_MISSING' });
    const wrong = await asSession(cookies, 'POST', '/tokens', { 'x-csrf-token': 'forged' }, body);
    expect(wrong.statusCode).toBe(403);
    const right = await asSession(cookies, 'POST', '/tokens', { 'x-csrf-token': csrf }, body);
    expect(right.statusCode).toBe(200);
    expect(right.json().secret).toMatch(/^ops_/);
    expect((await t.rest('POST', '/tokens', t.users.admin.token, body)).statusCode).toBe(200);
  });

  it('expires a session after the idle timeout, while activity keeps it alive until then', async () => {
    const cookies = cookieHeader(await login('viewer', t.users.viewer.password));
    await t.clock.advance(20 * 60_000);
    expect((await asSession(cookies, 'GET', '/users/me')).statusCode).toBe(200);
    await t.clock.advance(20 * 60_000);
    expect((await asSession(cookies, 'GET', '/users/me')).statusCode).toBe(200);
    await t.clock.advance(31 * 60_000);
    const expired = await asSession(cookies, 'GET', '/users/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error_code).toBe('UNAUTHENTICATED');
  });

  it('ends a session at the absolute timeout even when active', async () => {
    const cookies = cookieHeader(await login('viewer', t.users.viewer.password));
    for (let i = 0; i < 25; i++) {
      await t.clock.advance(29 * 60_000);
      await asSession(cookies, 'GET', '/users/me');
    }
    expect((await asSession(cookies, 'GET', '/users/me')).statusCode).toBe(401);
  });

  it('signs out: the cookie stops working', async () => {
    const response = await login('viewer', t.users.viewer.password);
    const cookies = cookieHeader(response);
    const out = await asSession(cookies, 'POST', '/auth/logout', { 'x-csrf-token': response.json().csrf_token }, {});
    expect(out.json()).toEqual({ signed_out: true });
    expect((await asSession(cookies, 'GET', '/users/me')).statusCode).toBe(401);
  });
});

describe('login rate limiting', () => {
  it('answers 429 with Retry-After after 5 failures for a user, even with the right password, until the window passes', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await login('operator', 'wrong-password', `10.0.0.${i}`)).statusCode).toBe(403);
      await t.clock.advance(60_000);
    }
    const limited = await login('operator', t.users.operator.password, '10.0.0.99');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe(String(10 * 60));
    expect(ErrorResponse.strict().parse(limited.json()).error_code).toBe('RATE_LIMITED');
    await t.clock.advance(9 * 60_000);
    expect((await login('operator', t.users.operator.password, '10.0.0.99')).statusCode).toBe(429);
    await t.clock.advance(60_000);
    expect((await login('operator', t.users.operator.password, '10.0.0.99')).statusCode).toBe(200);
  });

  it('limits one address trying many users', async () => {
    for (const name of ['a1', 'a2', 'a3', 'a4', 'a5']) await login(name, 'nope', '192.0.2.7');
    expect((await login('viewer', t.users.viewer.password, '192.0.2.7')).statusCode).toBe(429);
    expect((await login('viewer', t.users.viewer.password, '192.0.2.8')).statusCode).toBe(200);
  });

  it('counts parallel guesses before checking them: at most the limit are checked, then even the right one is refused', async () => {
    const guesses = Array.from({ length: 40 }, (_, i) => `wrong-${i}`);
    const answers = await Promise.all(
      [...guesses, t.users.approver.password].map((password, i) => login('approver', password, `10.2.0.${i}`)),
    );
    const statuses = answers.map((a) => a.statusCode);
    const checked = statuses.filter((s) => s === 403 || s === 200).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBe(41 - checked);
    const locked = await login('approver', t.users.approver.password, '10.2.1.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().details.hint).toContain(
      "an administrator with access to the server's data directory can run `opspilot users unlock approver`",
    );
  });

  it('keeps an address limited while it sprays other accounts, even when it signs in to its own in between', async () => {
    const attacker = '198.51.100.9';
    for (let round = 0; round < 2; round++) {
      for (const victim of ['v1', 'v2']) expect((await login(victim, 'guess', attacker)).statusCode).toBe(403);
      expect((await login('viewer', t.users.viewer.password, attacker)).statusCode).toBe(200);
    }
    expect((await login('v3', 'guess', attacker)).statusCode).toBe(403);
    expect((await login('v5', 'guess', attacker)).statusCode).toBe(429);
    expect((await login('viewer', t.users.viewer.password, attacker)).statusCode).toBe(429);
    // Another user's sign-in from elsewhere is unaffected, and a success resets only that user's counter.
    expect((await login('viewer', t.users.viewer.password, '198.51.100.10')).statusCode).toBe(200);
    expect((await login('v4', 'guess', attacker)).statusCode).toBe(429);
  });
});

describe('API tokens', () => {
  it('stores only the hash, and a revoked token stops working on the very next request', async () => {
    const created = await t.rest('POST', '/tokens', t.users.operator.token, { name: 'deploy-bot' });
    const { token, secret } = created.json();
    expect(JSON.stringify(await t.store.apiTokens.findByTokenHash(secret))).toBe(undefined);
    expect((await t.rest('GET', '/users/me', secret)).statusCode).toBe(200);
    const listed = await t.rest('GET', '/tokens', secret);
    expect(listed.body).not.toContain(secret);
    expect((await t.rest('DELETE', `/tokens/${token.id}`, t.users.operator.token)).statusCode).toBe(200);
    expect((await t.rest('GET', '/users/me', secret)).statusCode).toBe(401);
  });

  it('stops working when the user is disabled, and another user cannot revoke it', async () => {
    const { token } = (await t.rest('POST', '/tokens', t.users.viewer.token, { name: 'mine' })).json();
    expect((await t.rest('DELETE', `/tokens/${token.id}`, t.users.operator.token)).statusCode).toBe(404);
    const disabled = await t.rest('POST', `/users/${t.users.viewer.user.id}/disable`, t.users.admin.token, {
      disabled: true,
    });
    expect(disabled.json().disabled).toBe(true);
    expect((await t.rest('GET', '/users/me', t.users.viewer.token)).statusCode).toBe(401);
    expect((await login('viewer', t.users.viewer.password)).statusCode).toBe(403);
  });

  it('refuses a token that expired', async () => {
    const expires_at = new Date(t.clock.now().getTime() + 60_000).toISOString();
    const { secret } = (await t.rest('POST', '/tokens', t.users.viewer.token, { name: 'short', expires_at })).json();
    expect((await t.rest('GET', '/users/me', secret)).statusCode).toBe(200);
    await t.clock.advance(61_000);
    expect((await t.rest('GET', '/users/me', secret)).statusCode).toBe(401);
  });
});
