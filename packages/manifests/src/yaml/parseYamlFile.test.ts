import { describe, expect, it } from 'vitest';
import { parseYamlFile, YAML_LIMITS } from './parseYamlFile.js';

describe('parseYamlFile', () => {
  it('reads every document with positions for field paths', () => {
    const { docs, problems } = parseYamlFile('a: 1\n---\nkind: X\nspec:\n  list:\n    - name: a\n      image: b\n');
    expect(problems).toEqual([]);
    expect(docs.map((d) => d.value)).toEqual([{ a: 1 }, { kind: 'X', spec: { list: [{ name: 'a', image: 'b' }] } }]);
    expect(docs[1]?.locate('spec.list[0].image')).toEqual({ line: 7, column: 7 });
    expect(docs[1]?.locate('spec.list[0].missing')).toEqual({ line: 6, column: 7 });
    expect(docs[1]?.start.line).toBe(3);
  });

  it('reports syntax errors and duplicate keys with line and column, keeping the good documents', () => {
    const { docs, problems } = parseYamlFile('ok: 1\n---\na: 1\na: 2\n---\nb: [1,\nc: }\n');
    expect(docs.map((d) => d.value)).toEqual([{ ok: 1 }]);
    expect(problems[0]).toEqual({ rule: 'yaml-duplicate-key', message: 'Map keys must be unique', line: 4, column: 1 });
    expect(problems.slice(1).every((p) => p.rule === 'yaml-syntax' && p.line >= 6)).toBe(true);
  });

  it('enforces the alias, depth and document limits', () => {
    const limits = { ...YAML_LIMITS, maxDocuments: 3, maxDepth: 4, maxAliasCount: 2 };
    expect(parseYamlFile('x: 1\n---\n'.repeat(5), limits).problems.map((p) => p.rule)).toEqual([
      'yaml-too-many-documents',
    ]);
    expect(parseYamlFile('a: {b: {c: {d: {e: {f: 1}}}}}\n', limits).problems.map((p) => p.rule)).toEqual([
      'yaml-too-deep',
    ]);
    expect(parseYamlFile('a: &a [1]\nb: [*a, *a, *a]\n', limits).problems.map((p) => p.rule)).toEqual([
      'yaml-alias-limit',
    ]);
    expect(parseYamlFile('a: &a [1]\nb: *a\n', limits).problems).toEqual([]);
  });
});
