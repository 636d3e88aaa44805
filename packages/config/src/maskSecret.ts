/** What a secret is replaced with in anything shown to a user or written to a log. */
export const MASK = '****';

/** Keys whose whole value is a secret. */
const SECRET_KEYS = new Set([
  'llm.api_key',
  'secrets.encryption_key',
  'alertmanager.bearer_token',
  'loki.bearer_token',
  'tempo.bearer_token',
  'prometheus.bearer_token',
  'prometheus.password',
]);

/** Masks the password of a URL (`postgres://app:s3cret@db/x` -> `postgres://app:****@db/x`); other text unchanged. */
export function maskUrlPassword(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*):[^@/?#\s]*@/i, `$1:${MASK}@`);
}

/**
 * The displayable form of the value of configuration key `key`: secrets become {@link MASK}, URL passwords are
 * masked, everything else is returned unchanged.
 */
export function maskSecret(key: string, value: unknown): unknown {
  if (value === undefined) return value;
  if (SECRET_KEYS.has(key)) return MASK;
  // Webhook endpoints carry their signing secret inside each entry.
  if (key === 'incidents.webhooks' && Array.isArray(value))
    return value.map((e) => (e && typeof e === 'object' && 'secret' in e ? { ...e, secret: MASK } : e));
  return typeof value === 'string' ? maskUrlPassword(value) : value;
}
