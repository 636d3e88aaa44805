import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_KINDS } from './builtInKinds.js';

describe('BUILT_IN_KINDS', () => {
  it('lists exactly the resource kinds kubernetes-models has (regenerate the table when upgrading it)', () => {
    const root = dirname(createRequire(import.meta.url).resolve('kubernetes-models/package.json'));
    const count = Object.values(BUILT_IN_KINDS).reduce((n, l) => n + l.length, 0);
    let found = 0;
    for (const apiVersion of Object.keys(BUILT_IN_KINDS)) {
      const dir = join(root, apiVersion);
      const kinds = readdirSync(dir)
        .filter((f) => /^[A-Z]\w*\.js$/.test(f) && !f.endsWith('List.js'))
        .filter((f) => readFileSync(join(dir, f), 'utf8').includes('kind="'))
        .map((f) => f.slice(0, -3));
      expect(kinds.sort(), apiVersion).toEqual([...(BUILT_IN_KINDS[apiVersion] ?? [])].sort());
      found += kinds.length;
    }
    expect(found).toBe(count);
    expect(count).toBeGreaterThan(100);
  });
});
