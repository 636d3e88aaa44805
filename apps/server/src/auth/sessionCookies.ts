import type { OpspilotConfig } from '@opspilot/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_COOKIE, SESSION_COOKIE } from './authenticateRequest.js';

/**
 * Whether cookies get the `Secure` flag: `auth.cookie_secure` when set, else when the server is reached over TLS
 * (an `https://` `server.public_url`, or the request itself came over HTTPS).
 */
export function secureCookies(config: OpspilotConfig, request: FastifyRequest): boolean {
  if (config.auth.cookie_secure !== undefined) return config.auth.cookie_secure;
  return config.server.public_url?.startsWith('https://') === true || request.protocol === 'https';
}

/**
 * Sets the session cookie (HttpOnly) and the CSRF cookie (readable by the page, which echoes it in `x-csrf-token`),
 * both `SameSite=Strict`, `Path=/`, expiring with the session's absolute timeout.
 */
export function setSessionCookies(
  reply: FastifyReply,
  secure: boolean,
  values: { sessionToken: string; csrfToken: string; expiresAt: Date },
): void {
  const base = { path: '/', sameSite: 'strict' as const, secure, expires: values.expiresAt };
  reply.setCookie(SESSION_COOKIE, values.sessionToken, { ...base, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, values.csrfToken, { ...base, httpOnly: false });
}

/** Removes both cookies (sign-out). */
export function clearSessionCookies(reply: FastifyReply, secure: boolean): void {
  const base = { path: '/', sameSite: 'strict' as const, secure };
  reply.clearCookie(SESSION_COOKIE, { ...base, httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, base);
}
