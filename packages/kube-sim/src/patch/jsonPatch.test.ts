import { describe, expect, it } from 'vitest';
import type { JsonValue } from './json.js';
import { applyJsonPatch } from './jsonPatch.js';
import { formatPointer, parsePointer } from './jsonPointer.js';

function applied(target: JsonValue, ops: unknown): JsonValue {
  const result = applyJsonPatch(target, ops);
  if (!result.ok) throw new Error(`unexpected failure: ${JSON.stringify(result.error)}`);
  return result.value;
}

function failure(target: JsonValue, ops: unknown) {
  const result = applyJsonPatch(target, ops);
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

describe('JSON pointers', () => {
  it('unescapes ~1 before ~0 and round-trips', () => {
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/a~1b/m~0n/~01')).toEqual(['a/b', 'm~n', '~1']);
    expect(parsePointer('a')).toBeUndefined();
    expect(parsePointer('/a~2')).toBeUndefined();
    expect(formatPointer(['metadata', 'annotations', 'kubectl.kubernetes.io/restartedAt'])).toBe(
      '/metadata/annotations/kubectl.kubernetes.io~1restartedAt',
    );
  });
});

describe('applyJsonPatch (RFC 6902)', () => {
  it('adds members and array elements, with - for the end', () => {
    expect(applied({ foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }])).toEqual({ foo: 'bar', baz: 'qux' });
    expect(applied({ foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }])).toEqual({
      foo: ['bar', 'qux', 'baz'],
    });
    expect(applied({ foo: [1] }, [{ op: 'add', path: '/foo/-', value: [2] }])).toEqual({ foo: [1, [2]] });
    expect(applied({ foo: [1] }, [{ op: 'add', path: '/foo/1', value: 2 }])).toEqual({ foo: [1, 2] });
    expect(applied({ a: 1 }, [{ op: 'add', path: '', value: { b: 2 } }])).toEqual({ b: 2 });
  });

  it('removes, replaces, moves and copies', () => {
    const doc = { a: { b: 1, c: [1, 2, 3] }, d: 'x' };
    expect(applied(doc, [{ op: 'remove', path: '/a/c/1' }])).toEqual({ a: { b: 1, c: [1, 3] }, d: 'x' });
    expect(applied(doc, [{ op: 'replace', path: '/a/b', value: { z: true } }])).toEqual({
      a: { b: { z: true }, c: [1, 2, 3] },
      d: 'x',
    });
    expect(applied(doc, [{ op: 'move', from: '/a/c', path: '/c' }])).toEqual({ a: { b: 1 }, d: 'x', c: [1, 2, 3] });
    expect(applied(doc, [{ op: 'move', from: '/a/c/0', path: '/a/c/-' }])).toEqual({
      a: { b: 1, c: [2, 3, 1] },
      d: 'x',
    });
    const copied = applied(doc, [{ op: 'copy', from: '/a', path: '/e' }]) as { a: { c: number[] }; e: { c: number[] } };
    copied.e.c.push(4);
    expect(copied.a.c).toEqual([1, 2, 3]);
    expect(doc.a.c).toEqual([1, 2, 3]);
  });

  it('tests by JSON equality, ignoring key order and telling 1 from "1"', () => {
    const doc = { spec: { selector: { app: 'web', tier: 'fe' }, replicas: 1 } };
    expect(applied(doc, [{ op: 'test', path: '/spec/selector', value: { tier: 'fe', app: 'web' } }])).toEqual(doc);
    expect(failure(doc, [{ op: 'test', path: '/spec/replicas', value: '1' }]).causes?.[0]?.message).toBe(
      'testing value /spec/replicas failed: test failed',
    );
  });

  it('handles the escapes kubectl uses for annotation keys', () => {
    const doc = { metadata: { annotations: { 'a/b': '1', 'x~y': '2' } } };
    expect(
      applied(doc, [
        { op: 'test', path: '/metadata/annotations/a~1b', value: '1' },
        { op: 'remove', path: '/metadata/annotations/x~0y' },
        { op: 'add', path: '/metadata/annotations/kubectl.kubernetes.io~1restartedAt', value: 'now' },
      ]),
    ).toEqual({ metadata: { annotations: { 'a/b': '1', 'kubectl.kubernetes.io/restartedAt': 'now' } } });
  });

  it('is all or nothing: a failed test later in the patch leaves nothing applied', () => {
    const doc = { spec: { replicas: 4 } };
    const error = failure(doc, [
      { op: 'replace', path: '/spec/replicas', value: 5 },
      { op: 'test', path: '/spec/replicas', value: 4 },
    ]);
    expect(error).toEqual({
      code: 422,
      reason: 'Invalid',
      message: 'the server rejected our request due to an error in our request',
      causes: [{ reason: 'UnexpectedServerResponse', message: 'testing value /spec/replicas failed: test failed' }],
    });
    expect(doc.spec.replicas).toBe(4);
  });

  it('answers 422 with the json-patch detail for paths and indexes that do not exist', () => {
    const doc = { a: { b: 1 }, list: [1, 2] };
    const detail = (ops: unknown) => failure(doc, ops).causes?.[0]?.message;
    expect(detail([{ op: 'remove', path: '/a/x' }])).toBe(
      'remove operation does not apply: doc is missing path: "/a/x": missing value',
    );
    expect(detail([{ op: 'replace', path: '/a/x', value: 1 }])).toBe(
      'replace operation does not apply: doc is missing key: /a/x: missing value',
    );
    expect(detail([{ op: 'add', path: '/x/y', value: 1 }])).toBe(
      'add operation does not apply: doc is missing path: "/x/y": missing value',
    );
    expect(detail([{ op: 'add', path: '/list/5', value: 1 }])).toMatch(/invalid index/);
    expect(detail([{ op: 'add', path: '/list/01', value: 1 }])).toMatch(/invalid index/);
    expect(detail([{ op: 'remove', path: '/list/-' }])).toMatch(/invalid index/);
    expect(detail([{ op: 'move', from: '/nope', path: '/x' }])).toMatch(/missing from path/);
    expect(detail([{ op: 'move', from: '/a', path: '/a/b/c' }])).toMatch(/into its child/);
    expect(detail([{ op: 'test', path: '/a/x/y', value: 1 }])).toMatch(/test operation does not apply/);
    expect(detail([{ op: 'frobnicate', path: '/a' }])).toBe('Unexpected kind: "frobnicate"');
    expect(detail([{ op: 'add', path: 'a', value: 1 }])).toMatch(/invalid JSON pointer/);
    expect(detail([{ op: 'add', path: '/a/c' }])).toMatch(/missing value/);
    expect(detail([{ op: 'remove' }])).toMatch(/missing path/);
  });

  it('answers 400 for a body that is not a list of operations and 413 above 10000 operations', () => {
    expect(failure({}, { op: 'add' })).toMatchObject({ code: 400, reason: 'BadRequest' });
    expect(failure({}, ['add'])).toMatchObject({ code: 400, reason: 'BadRequest' });
    const many = Array.from({ length: 10_001 }, () => ({ op: 'test', path: '', value: {} }));
    expect(failure({}, many)).toMatchObject({ code: 413, reason: 'RequestEntityTooLarge' });
  });

  it('applies the body kubectl patch --type=json sends, guarded by test', () => {
    const ops = [
      { op: 'test', path: '/spec/replicas', value: 4 },
      { op: 'replace', path: '/spec/replicas', value: 5 },
    ];
    expect(applied({ spec: { replicas: 4 } }, ops)).toEqual({ spec: { replicas: 5 } });
    expect(applyJsonPatch({ spec: { replicas: 3 } }, ops).ok).toBe(false);
  });
});
