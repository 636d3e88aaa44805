import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkJsonDepth, checkValueDepth, checkYamlDepth, MAX_NESTING_DEPTH } from './nestingDepth.js';

const deep = (n: number, open: string, close: string, leaf = '') => `${open.repeat(n)}${leaf}${close.repeat(n)}`;
const blockMap = (n: number) => `${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1`;

describe('nesting limits', () => {
  it('refuses JSON nested past the limit, counting no bracket inside strings', () => {
    expect(() => checkJsonDepth(deep(MAX_NESTING_DEPTH, '[', ']'))).not.toThrow();
    expect(() => checkJsonDepth(deep(MAX_NESTING_DEPTH + 1, '[', ']'))).toThrow('exceeded max depth');
    expect(() => checkJsonDepth(`{"a":"${'['.repeat(5000)}\\"${'{'.repeat(5000)}"}`)).not.toThrow();
  });

  it('refuses YAML nested past the limit in flow or block style, before the parser recurses', () => {
    for (const text of [
      deep(5000, '[', ']'),
      deep(5000, '{a: ', '}', '1'),
      blockMap(2000),
      `x: |\n  y\n${blockMap(900)}`,
    ]) {
      expect(() => checkYamlDepth(text)).toThrow('exceeded max depth');
    }
    const ok = [
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, labels: {a: "b"}}\ndata:\n  k: "[[[[" # [[[[\n',
      `message: it's fine\nlist: [a, 'b[', "c{", {d: e}]\n`,
      `script: |\n  if [ -f x ]; then echo '['; fi\n`,
      blockMap(100),
    ];
    for (const text of ok) {
      expect(() => checkYamlDepth(text)).not.toThrow();
      expect(() => parse(text)).not.toThrow();
    }
  });

  it('is not fooled by quotes the YAML parser reads as plain text', () => {
    for (const text of [
      `a: [x 'y, ${deep(1000, '[', ']')}]`,
      `a: b "c\n${deep(1000, '[', ']')}`,
      `a: it's ${deep(1000, '{', '}')}`,
    ]) {
      expect(() => checkYamlDepth(text)).toThrow('exceeded max depth');
    }
  });

  it('refuses decoded values nested past the limit without recursing', () => {
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i++) value = { a: value };
    expect(() => checkValueDepth(value, 'protobuf')).toThrow('not valid protobuf: exceeded max depth');
    expect(() => checkValueDepth({ a: [[{ b: 1 }]] }, 'YAML')).not.toThrow();
  });
});
