import { randomBytes } from 'node:crypto';
import { InputError, NotAllowedError } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secretBox.js';

const key = () => randomBytes(32).toString('base64');

describe('secretBox', () => {
  it('round-trips and never stores the plaintext', () => {
    const box = createSecretBox(key());
    const sealed = box.seal('apiVersion: v1\nkind: Config');
    expect(sealed).not.toContain('Config');
    expect(box.open(sealed)).toBe('apiVersion: v1\nkind: Config');
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses the wrong key and tampered ciphertext', () => {
    const sealed = createSecretBox(key()).seal('secret');
    expect(() => createSecretBox(key()).open(sealed)).toThrow(NotAllowedError);
    const box = createSecretBox(key());
    const parts = box.seal('secret').split(':');
    parts[3] = Buffer.from('tampered').toString('base64');
    expect(() => box.open(parts.join(':'))).toThrow(NotAllowedError);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => createSecretBox(Buffer.from('short').toString('base64'))).toThrow(InputError);
  });
});
