import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../errors/index.js';
import { createRegistry } from './registry.js';

describe('createRegistry', () => {
  it('looks plug-ins up by id and lists them in registration order', () => {
    const registry = createRegistry<{ id: string; n: number }>('analyzer');
    registry.register({ id: 'b', n: 1 });
    registry.register({ id: 'a', n: 2 });
    expect(registry.get('a').n).toBe(2);
    expect(registry.has('b')).toBe(true);
    expect(registry.has('c')).toBe(false);
    expect(registry.list().map((x) => x.id)).toEqual(['b', 'a']);
  });

  it('refuses a duplicate id and keeps the first', () => {
    const registry = createRegistry<{ id: string; n: number }>('rule');
    registry.register({ id: 'a', n: 1 });
    expect(() => registry.register({ id: 'a', n: 2 })).toThrow(ConflictError);
    expect(() => registry.register({ id: 'a', n: 2 })).toThrow('rule "a" is already registered');
    expect(registry.get('a').n).toBe(1);
  });

  it('names the known ids when one is missing', () => {
    const registry = createRegistry<{ id: string }>('tool');
    expect(() => registry.get('x')).toThrow(NotFoundError);
    registry.register({ id: 'a' });
    registry.register({ id: 'b' });
    try {
      registry.get('x');
      expect.unreachable();
    } catch (error) {
      expect((error as NotFoundError).hint).toBe('known tool ids: a, b');
    }
  });
});
