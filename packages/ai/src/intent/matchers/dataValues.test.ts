import { InputError } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { parseIntent } from '../parseIntent.js';

const NS = ['todo'];
const dataOf = (text: string) => {
  const parsed = parseIntent(text, NS);
  if (!parsed.ok) throw new Error(`not understood: ${text}`);
  return parsed.value;
};

describe('the values of a Secret or ConfigMap to create', () => {
  it.each([
    ['create a secret db-creds with password=changeme in todo', { password: 'changeme' }],
    ['create a secret db-creds with password changeme in todo', { password: 'changeme' }],
    ['create a secret db-creds with password is "two words" in todo', { password: 'two words' }],
    ['create a secret db-login with username app and password s3cr3t in todo', { username: 'app', password: 's3cr3t' }],
    ['create a secret stripe with key STRIPE_KEY value sk_test_abc in todo', { STRIPE_KEY: 'sk_test_abc' }],
    [
      'create a secret pair with key a.txt value one and key b.txt value two in todo',
      { 'a.txt': 'one', 'b.txt': 'two' },
    ],
    ['create a secret gh with token ghp_x in todo', { token: 'ghp_x' }],
    ['create a configmap app-settings with key MODE value fast in todo', { MODE: 'fast' }],
    ['create a secret empty in todo', {}],
  ])('%s', (text, data) => {
    expect(dataOf(text)).toMatchObject({ action: 'create', namespace: 'todo', data });
  });

  it('refuses a request whose values it cannot read, without repeating them', () => {
    const refuse = () => parseIntent('create a secret db-creds holding hunter2 in todo', NS);
    expect(refuse).toThrow(InputError);
    try {
      refuse();
    } catch (error) {
      expect((error as InputError).message).not.toContain('hunter2');
      expect((error as InputError).hint).toMatch(/with password/);
    }
  });
});
