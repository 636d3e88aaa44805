import { createHash, randomBytes } from 'node:crypto';

/** A new random secret of 32 bytes in base64url, optionally prefixed (API tokens start with `ops_`). */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 of a secret in hex: what the store keeps of session cookies and API tokens. */
export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
