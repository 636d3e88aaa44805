import {
  API_TOKEN_PREFIX,
  type ApiToken,
  type Clock,
  NotAllowedError,
  RateLimitedError,
  type User,
} from '@opspilot/core';
import { type AttemptKey, hashPassword, type Store, UNUSABLE_PASSWORD_HASH, verifyPassword } from '@opspilot/store';
import type { Principal } from './principal.js';
import { newSecret, sha256Hex } from './secretToken.js';

/** Timeouts and limits of sign-in, in milliseconds (from the `auth` configuration section). */
export interface AuthSettings {
  idleTimeoutMs: number;
  absoluteTimeoutMs: number;
  maxFailures: number;
  windowMs: number;
}

/** A started browser session: the cookie value and CSRF token go to the browser, only hashes stay on the server. */
export interface StartedSession {
  user: User;
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

/** A sign-in attempt as it arrives at the server. */
export interface LoginRequest {
  username: string;
  password: string;
  ip: string;
  userAgent?: string;
}

/** Sign-in, sessions and API tokens over the store; every time comes from `clock`. */
export interface AuthService {
  readonly settings: AuthSettings;
  /** Counts the attempt (per user and per address, before the check), checks the password and the account; starts a session. */
  login(request: LoginRequest): Promise<StartedSession>;
  /** The caller behind a session cookie value, or undefined when it is unknown, expired or the user is disabled. */
  authenticateSession(sessionToken: string): Promise<Principal | undefined>;
  /** The caller behind an `ops_…` token, or undefined when it is unknown, revoked, expired or the user disabled. */
  authenticateToken(secret: string): Promise<Principal | undefined>;
  /** Ends a session. */
  logout(sessionId: string): Promise<void>;
  /** Issues an API token; the secret is returned once and only its hash is stored. */
  createToken(userId: string, name: string, expiresAt?: string): Promise<{ token: ApiToken; secret: string }>;
  /** The principal of a user (grants loaded), for tests and internal callers. */
  principalOf(user: User, via: Principal['via']): Promise<Principal>;
}

const GENERIC_FAILURE = 'wrong username or password';
const TOUCH_EVERY_MS = 5_000;

/** Builds the authentication service. */
export function createAuthService(store: Store, clock: Clock, settings: AuthSettings): AuthService {
  const iso = (ms: number) => new Date(ms).toISOString();
  const principalOf = async (user: User, via: Principal['via']): Promise<Principal> => ({
    user,
    via,
    clusterIds: user.role === 'ADMIN' ? 'all' : new Set(await store.users.clusterIdsOf(user.id)),
  });
  /**
   * Counts the attempt for the user and for the address before the password is checked (one atomic statement each),
   * so parallel guesses past the limit are refused unchecked; a refused attempt is taken back, it was not a failure.
   */
  const countAttempt = async (name: string, ip: string, now: number) => {
    const keys: AttemptKey[] = [{ username: name }, { ip }];
    const counts = [];
    for (const key of keys) {
      counts.push(await store.loginAttempts.count(key, iso(now), iso(now - settings.windowMs + 1)));
    }
    const over = counts.findIndex((c) => c.failures > settings.maxFailures);
    if (over < 0) return;
    for (const key of keys) await store.loginAttempts.uncount(key);
    const started = Date.parse(counts[over]?.window_started_at ?? iso(now));
    const retryAfterSeconds = Math.max(1, Math.ceil((started + settings.windowMs - now) / 1000));
    const unlock = over === 0 ? `opspilot users unlock ${name}` : `opspilot users unlock ${name} --address ${ip}`;
    throw new RateLimitedError(`too many failed sign-ins; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
      hint: `wait before trying again; an administrator with access to the server's data directory can run \`${unlock}\``,
      details: { retry_after_seconds: retryAfterSeconds, limited: over === 0 ? 'USER' : 'ADDRESS' },
    });
  };

  return {
    settings,
    principalOf,
    async login({ username, password, ip, userAgent }) {
      const now = clock.now().getTime();
      const name = username.trim().toLowerCase();
      await countAttempt(name, ip, now);
      const stored = await store.users.findCredentials(name);
      const matches = await verifyPassword(password, stored?.password_hash ?? UNUSABLE_PASSWORD_HASH);
      const succeeded = matches && stored !== undefined && !stored.disabled;
      await store.loginAttempts.record({ username: name, ip, succeeded, attempted_at: iso(now) });
      if (!succeeded || !stored) {
        throw new NotAllowedError(GENERIC_FAILURE, {
          hint: 'check the username and password (they are case-sensitive)',
        });
      }
      // A success clears this user's failures and takes back its own count at the address; the address keeps the
      // failures made there against other accounts, so signing in to one's own account does not reset a spray.
      await store.loginAttempts.resetCount({ username: name });
      await store.loginAttempts.uncount({ ip });
      const sessionToken = newSecret();
      const csrfToken = newSecret();
      await store.sessions.create({
        token_hash: sha256Hex(sessionToken),
        user_id: stored.id,
        csrf_token: csrfToken,
        created_at: iso(now),
        ip,
        user_agent: userAgent?.slice(0, 512),
      });
      const user = await store.users.update(stored.id, { last_login_at: iso(now) });
      return { user, sessionToken, csrfToken, expiresAt: new Date(now + settings.absoluteTimeoutMs) };
    },
    async authenticateSession(sessionToken) {
      const session = await store.sessions.findByTokenHash(sha256Hex(sessionToken));
      if (!session) return undefined;
      const now = clock.now().getTime();
      const idle = now - Date.parse(session.last_seen_at) > settings.idleTimeoutMs;
      const old = now - Date.parse(session.created_at) > settings.absoluteTimeoutMs;
      const user = idle || old ? undefined : await store.users.get(session.user_id).catch(() => undefined);
      if (!user || user.disabled) {
        await store.sessions.delete(session.id);
        return undefined;
      }
      if (now - Date.parse(session.last_seen_at) >= TOUCH_EVERY_MS) await store.sessions.touch(session.id, iso(now));
      return { ...(await principalOf(user, 'session')), sessionId: session.id, csrfToken: session.csrf_token };
    },
    async authenticateToken(secret) {
      if (!secret.startsWith(API_TOKEN_PREFIX)) return undefined;
      const token = await store.apiTokens.findByTokenHash(sha256Hex(secret));
      const now = clock.now().getTime();
      if (!token || token.revoked_at || (token.expires_at && Date.parse(token.expires_at) <= now)) return undefined;
      const user = await store.users.get(token.user_id).catch(() => undefined);
      if (!user || user.disabled) return undefined;
      if (!token.last_used_at || now - Date.parse(token.last_used_at) >= 60_000) {
        await store.apiTokens.touch(token.id, iso(now));
      }
      return { ...(await principalOf(user, 'token')), tokenId: token.id };
    },
    logout: (sessionId) => store.sessions.delete(sessionId),
    async createToken(userId, name, expiresAt) {
      const secret = newSecret(API_TOKEN_PREFIX);
      const token = await store.apiTokens.create({
        user_id: userId,
        name,
        prefix: secret.slice(0, API_TOKEN_PREFIX.length + 6),
        token_hash: sha256Hex(secret),
        created_at: clock.now().toISOString(),
        expires_at: expiresAt,
      });
      return { token, secret };
    },
  };
}

/** The administrator the first start creates, with credentials shown once. */
export interface BootstrapAdmin {
  username: string;
  password: string;
  token: string;
}

/**
 * On the very first start (no user at all), creates an administrator with a random password and an API token, and
 * returns them so the caller can print them once; afterwards returns undefined.
 */
export async function bootstrapAdmin(
  store: Store,
  auth: AuthService,
  username: string,
): Promise<BootstrapAdmin | undefined> {
  if ((await store.users.count()) > 0) return undefined;
  const password = newSecret().slice(0, 24);
  const user = await store.users.create({ username, role: 'ADMIN', password_hash: await hashPassword(password) });
  const { secret } = await auth.createToken(user.id, 'first-start');
  await store.audit.append({
    user_id: 'system',
    action: 'user.create',
    target: `user:${user.id}`,
    details: { role: 'ADMIN', bootstrap: true },
  });
  return { username, password, token: secret };
}
