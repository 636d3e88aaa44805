import { describe, expect, it } from 'vitest';
import { SortedKeys } from './sortedKeys.js';

describe('SortedKeys', () => {
  const filled = (...keys: string[]) => {
    const sorted = new SortedKeys();
    for (const key of keys) sorted.insert(key);
    return sorted;
  };

  it('keeps keys in order whatever the insertion order, without duplicates', () => {
    const keys = filled('/pods/b/x', '/pods/a/y', 'apps/deployments/a/z', '/pods/a/x', '/pods/a/x');
    expect(keys.size).toBe(4);
    expect([...keys.range('')]).toEqual(['/pods/a/x', '/pods/a/y', '/pods/b/x', 'apps/deployments/a/z']);
  });

  it('walks only the keys under a prefix', () => {
    const keys = filled('/pods/a/x', '/pods/ab/y', '/pods/b/z', '/services/a/s');
    expect([...keys.range('/pods/a/')]).toEqual(['/pods/a/x']);
    expect([...keys.range('/pods/')]).toEqual(['/pods/a/x', '/pods/ab/y', '/pods/b/z']);
    expect([...keys.range('/secrets/')]).toEqual([]);
  });

  it('resumes strictly after a key, also when that key has gone meanwhile', () => {
    const keys = filled('/pods/a/1', '/pods/a/2', '/pods/a/3', '/pods/b/1');
    expect([...keys.range('/pods/', '/pods/a/2')]).toEqual(['/pods/a/3', '/pods/b/1']);
    keys.remove('/pods/a/2');
    expect([...keys.range('/pods/', '/pods/a/2')]).toEqual(['/pods/a/3', '/pods/b/1']);
    expect([...keys.range('/pods/', '/apps/')]).toEqual(['/pods/a/1', '/pods/a/3', '/pods/b/1']);
  });

  it('removes only what it holds', () => {
    const keys = filled('/pods/a/1');
    keys.remove('/pods/a/0');
    expect(keys.size).toBe(1);
    keys.remove('/pods/a/1');
    expect([...keys.range('')]).toEqual([]);
  });
});
