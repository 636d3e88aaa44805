import { readCookie } from './readCookie.js';

/** The cookie the server sets at sign-in, readable by the page. */
export const CSRF_COOKIE = 'opspilot_csrf';

/**
 * Headers for every API call: the CSRF token from its cookie as `x-csrf-token` (the server's double-submit check for
 * cookie-authenticated changes). Empty before sign-in.
 */
export function csrfHeaders(cookies: string): Record<string, string> {
  const token = readCookie(cookies, CSRF_COOKIE);
  return token ? { 'x-csrf-token': token } : {};
}
