import { describe, expect, it } from 'vitest';
import { obj, runKubeRule } from '../testing/kubeTesting.js';
import { statefulSetServiceName } from './statefulSetServiceName.js';

const STS = () =>
  obj(
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: { name: db, namespace: shop }\nspec:\n  serviceName: db\n  selector: { matchLabels: { app: db } }\n  template: { metadata: { labels: { app: db } }, spec: { containers: [{ name: db, image: "postgres:16.2" }] } }',
  );

describe('statefulSetServiceName', () => {
  it('passes a healthy object', () => {
    expect(
      runKubeRule(statefulSetServiceName, [
        STS(),
        obj(
          'apiVersion: v1\nkind: Service\nmetadata: { name: db, namespace: shop }\nspec: { clusterIP: None, selector: { app: db } }',
        ),
      ]),
    ).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const objs = [
      STS(),
      obj('apiVersion: v1\nkind: Service\nmetadata: { name: db, namespace: shop }\nspec: { selector: { app: db } }'),
    ];
    const v = runKubeRule(statefulSetServiceName, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.serviceName']);
    expect(v[0]?.message).toContain('headless');
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});
