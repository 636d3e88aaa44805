import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { fastYamlDocs } from './fastYamlDocs.js';

describe('fastYamlDocs', () => {
  it('reads plain documents exactly as the full parser does, with their start lines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.string({ minLength: 1 }), fc.jsonValue({ maxDepth: 4 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (values) => {
          const text = values.map((v) => stringify(v)).join('---\n');
          const fast = fastYamlDocs(text, 100);
          const full = parseAllDocuments(text).map((d) => d.toJS());
          if (fast === undefined) return; // anchors, tags or odd markers: the caller uses the full parser
          expect(fast.map((d) => d.value)).toEqual(full.filter((v) => v !== null));
        },
      ),
      { numRuns: 200 },
    );
    const docs = fastYamlDocs('# c\na: 1\n---\n\n  # x\nb: [1, 2]\n', 10);
    expect(docs?.map((d) => [d.value, d.start])).toEqual([
      [{ a: 1 }, { line: 2, column: 1 }],
      [{ b: [1, 2] }, { line: 6, column: 1 }],
    ]);
  });

  it('leaves anchors, tags, directives, duplicate keys and syntax errors to the full parser', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !!binary aGk=\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: 1\na: 2\n',
      'a: [1\n',
      '--- {a: 1}\n',
    ]) {
      expect(fastYamlDocs(text, 10), text).toBeUndefined();
    }
    expect(fastYamlDocs('a: 1\n---\nb: 2\n---\nc: 3\n', 2)).toBeUndefined();
  });
});
