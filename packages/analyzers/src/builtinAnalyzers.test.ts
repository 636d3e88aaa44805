import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Analyzer, createRegistry } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { BUILTIN_ANALYZERS } from './builtinAnalyzers.js';

describe('BUILTIN_ANALYZERS', () => {
  it('has at least 30 analyzers with unique ids that register without conflict', () => {
    expect(BUILTIN_ANALYZERS.length).toBeGreaterThanOrEqual(30);
    const registry = createRegistry<Analyzer>('analyzer');
    for (const a of BUILTIN_ANALYZERS) registry.register(a);
    expect(registry.list()).toHaveLength(BUILTIN_ANALYZERS.length);
    expect(BUILTIN_ANALYZERS.every((a) => a.description)).toBe(true);
  });

  it('lists every analyzer file, and every analyzer file has its test', () => {
    const dir = join(import.meta.dirname, 'analyzers');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files).toHaveLength(BUILTIN_ANALYZERS.length);
    for (const file of files) expect(existsSync(join(dir, file.replace(/\.ts$/, '.test.ts'))), file).toBe(true);
  });
});
