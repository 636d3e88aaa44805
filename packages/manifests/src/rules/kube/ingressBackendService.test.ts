import { describe, expect, it } from 'vitest';
import { companions, obj, runKubeRule } from '../testing/kubeTesting.js';
import { ingressBackendService } from './ingressBackendService.js';

const ING = () =>
  obj(
    'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: web, namespace: shop }\nspec:\n  rules: [{ host: shop.example.com, http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] } }]',
  );

describe('ingressBackendService', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(ingressBackendService, [ING(), companions()[0]])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const i = ING();
    i.spec.rules[0].http.paths[0].backend.service.port = { number: 8080 };
    const objs = [i, companions()[0]];
    const v = runKubeRule(ingressBackendService, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.rules[0].http.paths[0].backend.service.port']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});
