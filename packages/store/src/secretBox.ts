import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { InputError, NotAllowedError } from '@opspilot/core';

const VERSION = 'v1';

/**
 * Encrypts and decrypts secrets at rest (cluster kubeconfigs) with AES-256-GCM. The key is 32 bytes, given as base64
 * (`secrets.encryption_key` / `OPSPILOT_SECRETS_ENCRYPTION_KEY`). Output: `v1:<iv>:<tag>:<ciphertext>` in base64 parts.
 */
export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

/** Builds a {@link SecretBox} from a base64 key; throws InputError when the key is not 32 bytes. */
export function createSecretBox(base64Key: string): SecretBox {
  const key = Buffer.from(base64Key, 'base64');
  if (key.length !== 32) {
    throw new InputError(`the encryption key is ${key.length} bytes; AES-256 needs 32`, {
      hint: "generate one with: node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\"",
    });
  }
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(
        ':',
      );
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split(':');
      if (version !== VERSION || !iv || !tag || body === undefined) {
        throw new InputError('the stored secret is not in a format this version can read', {
          hint: 'store the credentials again',
        });
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new NotAllowedError('the stored secret cannot be decrypted with this key', {
          cause,
          hint: 'use the encryption key the secret was stored with (secrets.encryption_key)',
        });
      }
    },
  };
}
