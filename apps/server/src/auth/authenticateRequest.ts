import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AuthService } from './authService.js';
import type { Principal } from './principal.js';

/** Cookie holding the session secret (HttpOnly). */
export const SESSION_COOKIE = 'opspilot_session';
/** Cookie holding the CSRF token (readable by the page, which echoes it in {@link CSRF_HEADER}). */
export const CSRF_COOKIE = 'opspilot_csrf';
/** Header a cookie-authenticated mutation must carry, equal to the CSRF cookie and the session's token. */
export const CSRF_HEADER = 'x-csrf-token';

/** Who the request comes from: an `Authorization: Bearer ops_…` token wins over the session cookie. */
export async function authenticateRequest(
  request: Pick<FastifyRequest, 'headers' | 'cookies'>,
  auth: AuthService,
): Promise<Principal | undefined> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ? auth.authenticateToken(match[1]) : undefined;
  }
  const session = request.cookies?.[SESSION_COOKIE];
  return session ? auth.authenticateSession(session) : undefined;
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Double-submit CSRF check for a cookie session: the `x-csrf-token` header must equal both the CSRF cookie and the
 * token stored with the session. Token-authenticated requests need none (a browser never sends them by itself).
 */
export function csrfSatisfied(request: Pick<FastifyRequest, 'headers' | 'cookies'>, principal: Principal): boolean {
  if (principal.via !== 'session') return true;
  const header = request.headers[CSRF_HEADER];
  const cookie = request.cookies?.[CSRF_COOKIE];
  if (typeof header !== 'string' || !cookie || !principal.csrfToken) return false;
  return same(header, cookie) && same(header, principal.csrfToken);
}
