/** Words that make a key name secret on their own (`DB_PASSWORD`, `x/api-token`, `pw`, `auth`). */
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'pw',
  'pass',
  'secret',
  'secrets',
  'token',
  'tokens',
  'apikey',
  'credential',
  'credentials',
  'creds',
  'auth',
  'cookie',
  'dsn',
]);

/** Two words that make a key secret together (`api_key`, `accessKey`, `PRIVATE-KEY`, `session_id`). */
const SECRET_PAIRS = new Set([
  'api key',
  'access key',
  'private key',
  'secret key',
  'signing key',
  'encryption key',
  'master key',
  'client secret',
  'session id',
  'connection string',
]);

/**
 * Last words that make a key describe a secret rather than hold one: `secretName`, `tokenPath`, `passwordFile`,
 * `auth-type`, `secretKeyRef` hold names, paths and settings, which are kept.
 */
const DESCRIPTIVE = new Set([
  'name',
  'names',
  'ref',
  'refs',
  'namespace',
  'kind',
  'type',
  'path',
  'file',
  'mode',
  'field',
  'fields',
  'length',
  'ttl',
  'expiry',
  'expiration',
  'enabled',
  'required',
  'policy',
  'provider',
  'mount',
  'volume',
  'id',
  'key',
  'keys',
  'count',
  'url',
]);

/** The words of a key: split at every non-alphanumeric and at camelCase humps, lower-cased. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Whether a key (a field, an annotation, an env var, a `key=value` key) names a secret value: one of its words is
 * `password`, `passwd`, `pwd`, `pw`, `secret`, `token`, `apikey`, `credentials`, `auth`, … or two adjacent words are
 * `api key`, `access key`, `private key`, `client secret`, `session id`, …; unless its last word says the value only
 * describes one (`secretName`, `tokenPath`, `auth_type`).
 */
export function isSecretKey(key: string): boolean {
  const words = keyWords(key);
  if (words.length === 0) return false;
  const last = words.at(-1) ?? '';
  const lastPair = words.length > 1 ? `${words.at(-2)} ${last}` : '';
  if (SECRET_PAIRS.has(lastPair)) return true;
  if (DESCRIPTIVE.has(last)) return false;
  return words.some((word, i) => SECRET_WORDS.has(word) || (i > 0 && SECRET_PAIRS.has(`${words[i - 1]} ${word}`)));
}
