import { describe, expect, it } from 'vitest';
import { applyMergePatch } from './mergePatch.js';

describe('applyMergePatch (RFC 7386)', () => {
  it('passes the examples of RFC 7386 appendix A', () => {
    const cases: [unknown, unknown, unknown][] = [
      [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
      [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
      [{ a: 'b' }, { a: null }, {}],
      [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
      [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
      [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
      [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
      [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
      [
        ['a', 'b'],
        ['c', 'd'],
        ['c', 'd'],
      ],
      [{ a: 'b' }, ['c'], ['c']],
      [{ a: 'foo' }, null, null],
      [{ a: 'foo' }, 'bar', 'bar'],
      [{ e: null }, { a: 1 }, { e: null, a: 1 }],
      [[1, 2], { a: 'b', c: null }, { a: 'b' }],
      [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
    ];
    for (const [target, patch, expected] of cases) {
      expect(applyMergePatch(target as never, patch as never)).toEqual(expected);
    }
  });

  it('applies what kubectl label, annotate and scale send', () => {
    const live = { metadata: { name: 'web', labels: { app: 'web', team: 'payments' } }, spec: { replicas: 2 } };
    expect(applyMergePatch(live, { metadata: { labels: { team: null } } })).toEqual({
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { replicas: 2 },
    });
    expect(applyMergePatch(live, { metadata: { annotations: { owner: 'sre' } } })).toMatchObject({
      metadata: { annotations: { owner: 'sre' }, labels: { team: 'payments' } },
    });
    expect(applyMergePatch(live, { spec: { replicas: 4 } })).toMatchObject({ spec: { replicas: 4 } });
  });

  it('replaces lists wholesale and never changes or shares its inputs', () => {
    const live = { spec: { containers: [{ name: 'a' }, { name: 'b' }], other: { deep: [1] } } };
    const patch = { spec: { containers: [{ name: 'c' }] } };
    const out = applyMergePatch(live, patch) as typeof live;
    expect(out.spec.containers).toEqual([{ name: 'c' }]);
    expect(live.spec.containers).toHaveLength(2);
    out.spec.other.deep.push(2);
    out.spec.containers[0]!.name = 'changed';
    expect(live.spec.other.deep).toEqual([1]);
    expect(patch.spec.containers[0]!.name).toBe('c');
  });
});
