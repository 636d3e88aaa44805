import { describe, expect, it } from 'vitest';
import { isSecretKey, keyWords } from './secretKeys.js';

describe('isSecretKey', () => {
  it('splits keys into words at separators and camelCase humps', () => {
    expect(keyWords('example.com/apiToken_V2')).toEqual(['example', 'com', 'api', 'token', 'v2']);
  });

  it.each([
    'password',
    'DB_PASSWORD',
    'pw',
    'x/api-token',
    'apiKey',
    'API_KEY',
    'accessKey',
    'private_key',
    'client-secret',
    'credentials',
    'auth',
    'sessionId',
    'SMTP_PASSWD',
  ])('%s holds a secret', (key) => {
    expect(isSecretKey(key)).toBe(true);
  });

  it.each([
    'secretName',
    'secretKeyRef',
    'tokenPath',
    'passwordFile',
    'auth-type',
    'key',
    'name',
    'image',
    'replicas',
    'author',
    'tokenizer',
    'bypass',
    'compass',
  ])('%s does not', (key) => {
    expect(isSecretKey(key)).toBe(false);
  });
});
