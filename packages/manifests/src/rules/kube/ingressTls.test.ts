import { describe, expect, it } from 'vitest';
import { obj, runKubeRule } from '../testing/kubeTesting.js';
import { ingressTls } from './ingressTls.js';

describe('ingressTls', () => {
  it('passes a healthy object', () => {
    expect(
      runKubeRule(ingressTls, [
        obj(
          'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: i }\nspec: { tls: [{ hosts: [a.example.com], secretName: a-tls }] }',
        ),
      ]),
    ).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const objs = [obj('apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: i }\nspec: { rules: [] }')];
    const v = runKubeRule(ingressTls, objs);
    expect(v).toHaveLength(1);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});
