import { describe, expect, it } from 'vitest';
import { ConflictError, InputError, NotFoundError } from '../errors/index.js';
import { getProvider, listProviders, registerProvider } from './provider.js';

// The provider registry is module-level: ids here are unique to this file.
describe('registerProvider', () => {
  it('registers a factory that getProvider builds from', () => {
    registerProvider('test:double', (options: { n: number }) => options.n * 2);
    expect(getProvider<number, { n: number }>('test:double').create({ n: 2 })).toBe(4);
    expect(listProviders()).toContain('test:double');
  });

  it('refuses a duplicate id and keeps the first factory', () => {
    registerProvider('test:first', () => 'first');
    expect(() => registerProvider('test:first', () => 'second')).toThrow(ConflictError);
    expect(getProvider<string, void>('test:first').create()).toBe('first');
  });

  it('refuses a malformed id and names known ids for a missing one', () => {
    expect(() => registerProvider('Test Provider', () => 0)).toThrow(InputError);
    expect(listProviders()).not.toContain('Test Provider');
    expect(() => getProvider('test:missing')).toThrow(NotFoundError);
  });
});
