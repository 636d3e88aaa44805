import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { fastYamlDocs } from './fastYamlDocs.js';

/** The fast path either declines `text` or reads exactly the documents the full parser reads without error. */
function agreesWithFullParser(text: string): void {
  const fast = fastYamlDocs(text, 100);
  if (fast === undefined) return;
  const full = Array.from(parseAllDocuments(text));
  expect(
    full.flatMap((d) => d.errors.map((e) => e.message)),
    text,
  ).toEqual([]);
  const present = (v: unknown) => v !== null && v !== undefined;
  expect(fast.map((d) => d.value).filter(present), text).toEqual(full.map((d) => d.toJS()).filter(present));
}

/** Inputs on which js-yaml and `yaml` disagree, each found by a property below (or a search with many seeds). */
const COUNTEREXAMPLES = [
  '" ": -0\n', // -0 read as 0
  '- -0\n',
  '\u00a0\n', // U+00A0 is content, not white space
  '---yes\n', // a plain scalar, not a document marker
  'a: "x\\\n\n  y"\n', // an escaped line break before an empty line
  '|1-\n yes\n', // an indentation indicator at the top level
  '|1-\n  \nyes\n',
  "'y'#\n", // a comment not separated by white space is an error
  '{a: 1}#\n',
  `${'k'.repeat(1100)}: 1\n`, // an implicit key longer than 1024 characters is an error
  'null: 1\n', // null keys are "" in `yaml`, "null" in js-yaml
  '~: 1\n',
  '{: a}\n',
  '[a, b]: c\n', // collection keys are stringified differently
  '{a: 1}: b\n',
  'a: |+\n  x\n\n---\nb: 1\n', // kept trailing line breaks before a marker
  'a: 0o12\nb: 012\nc: 0x1F\nd: 1_000\ne: 0b101\nf: 1:20\n', // YAML 1.1 and js-yaml number forms
];

const WORDS = [
  ...['yes', 'no', 'on', 'off', 'y', '012', '0o12', '0x1F', '0b101', '1:20', '1_000', '.inf', '-.inf', '.nan', '~'],
  ...['null', 'NULL', 'True', 'FALSE', '2001-12-14', '-0', '+0', '-0.0', '.5', '1e3', '9007199254740993', '<<'],
  ...['- ', '? ', ': ', '#', ' #', '&a', '*a', '!x', '%', '|', '>', '|+', '>-', '|1', '"', "'", '\\', '\r', '\t'],
  ...['\n', '\ufeff', '\u0085', '\u2028', '\u00a0', '---', '...', '[', ']', '{', '}', ',', ' ', 'a', 'a b', 'k: v'],
];
const trickyString = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const trickyValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(trickyString, fc.double(), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(trickyString, tie('value'), { maxKeys: 3 }),
  ),
})).value;
const styles = fc.record({
  flow: fc.boolean(),
  lineWidth: fc.constantFrom(80, 20),
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
} as const);

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
      { numRuns: 300, examples: [[[{ ' ': -0 }]], [[{ ' ': [{ '': -0 }] }]]] },
    );
    const docs = fastYamlDocs('# c\na: 1\n---\n\n  # x\nb: [1, 2]\n', 10);
    expect(docs?.map((d) => [d.value, d.start])).toEqual([
      [{ a: 1 }, { line: 2, column: 1 }],
      [{ b: [1, 2] }, { line: 6, column: 1 }],
    ]);
  });

  it('agrees with the full parser on values written with every scalar style, and on YAML-like noise', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(trickyValue, styles), { minLength: 1, maxLength: 3 }), (docs) => {
        agreesWithFullParser(docs.map(([value, options]) => stringify(value, options)).join('---\n'));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(trickyString, { minLength: 1, maxLength: 12 }), (parts) => {
        agreesWithFullParser(`${parts.join('')}\n`);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the full parser on every counterexample found so far', () => {
    for (const text of COUNTEREXAMPLES) agreesWithFullParser(text);
  });

  it('still reads the usual forms itself: the fallback is for the unusual ones', () => {
    for (const text of ['a: -0\nb: 0o12\nc: "x"\n', 'a: |+\n  x\n\n---\nb: 1\n', 'k: [1, {a: b}]\nl: >-\n  x\n']) {
      expect(fastYamlDocs(text, 10), text).toBeDefined();
    }
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
