import { describe, expect, it } from 'vitest';
import { compareFields } from './compareFields.js';
import { formatPath, pathKey, tokensOf } from './fieldPath.js';
import { decodeFieldsV1, encodeFieldsV1 } from './fieldSet.js';
import { toFieldSet } from './fieldTree.js';
import { patchStrategyFor } from './patchStrategyFor.js';

const schema = patchStrategyFor('apps/v1', 'Deployment')!;
const paths = (set: Set<string>) => [...set].map((key) => formatPath(tokensOf(key))).sort();

describe('fieldsV1', () => {
  it('encodes leaves as {} and owned nodes with children with "."', () => {
    const set = new Set([
      pathKey(['f:spec', 'f:replicas']),
      pathKey(['f:metadata', 'f:labels']),
      pathKey(['f:metadata', 'f:labels', 'f:app']),
      pathKey(['f:spec', 'f:template', 'f:spec', 'f:containers', 'k:{"name":"app"}']),
      pathKey(['f:spec', 'f:template', 'f:spec', 'f:containers', 'k:{"name":"app"}', 'f:image']),
    ]);
    const encoded = encodeFieldsV1(set);
    expect(encoded).toEqual({
      'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
      'f:spec': {
        'f:replicas': {},
        'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"app"}': { '.': {}, 'f:image': {} } } } },
      },
    });
    expect(decodeFieldsV1(encoded)).toEqual(set);
    expect(decodeFieldsV1({ 'f:a': 'not a node', 'f:b': {} })).toEqual(new Set([pathKey(['f:b'])]));
  });

  it('prints paths the way conflict messages do', () => {
    expect(formatPath(['f:spec', 'f:replicas'])).toBe('.spec.replicas');
    expect(formatPath(['f:spec', 'f:containers', 'k:{"name":"app"}', 'f:image'])).toBe(
      '.spec.containers[name="app"].image',
    );
    expect(formatPath(['f:ports', 'k:{"containerPort":80,"protocol":"TCP"}'])).toBe(
      '.ports[containerPort=80,protocol="TCP"]',
    );
    expect(formatPath(['f:metadata', 'f:finalizers', 'v:"example.com/keep"'])).toBe(
      '.metadata.finalizers[="example.com/keep"]',
    );
  });
});

describe('toFieldSet', () => {
  it('owns leaves, keyed items (with defaulted keys), set values and atomic values, not the maps between', () => {
    const set = toFieldSet(
      {
        metadata: { labels: { app: 'api' }, finalizers: ['a'] },
        spec: {
          selector: { matchLabels: { app: 'api' } },
          template: { spec: { containers: [{ name: 'api', ports: [{ containerPort: 8080 }], resources: {} }] } },
        },
      },
      schema,
    );
    expect(paths(set)).toEqual([
      '.metadata.finalizers[="a"]',
      '.metadata.labels.app',
      '.spec.selector',
      '.spec.template.spec.containers[name="api"]',
      '.spec.template.spec.containers[name="api"].name',
      '.spec.template.spec.containers[name="api"].ports[containerPort=8080,protocol="TCP"]',
      '.spec.template.spec.containers[name="api"].ports[containerPort=8080,protocol="TCP"].containerPort',
      '.spec.template.spec.containers[name="api"].resources',
    ]);
  });
});

describe('compareFields', () => {
  it('matches list items by key, so reordering is no change, and reports what was added, modified and removed', () => {
    const before = {
      metadata: { labels: { app: 'web', tier: 'fe' } },
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'a', image: 'a:1' },
              { name: 'b', image: 'b:1' },
            ],
          },
        },
      },
    };
    const after = {
      metadata: { labels: { app: 'web' }, annotations: { owner: 'sre' } },
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'b', image: 'b:1' },
              { name: 'a', image: 'a:2' },
            ],
          },
        },
      },
    };
    const c = compareFields(before, after, schema);
    expect(paths(c.modified)).toEqual(['.spec.template.spec.containers[name="a"].image']);
    expect(paths(c.added)).toEqual(['.metadata.annotations', '.metadata.annotations.owner']);
    expect(paths(c.removed)).toEqual(['.metadata.labels.tier']);
  });

  it('compares atomic lists and maps as one value', () => {
    const c = compareFields(
      { spec: { selector: { matchLabels: { a: '1' } }, template: { spec: { tolerations: [{ key: 'x' }] } } } },
      { spec: { selector: { matchLabels: { a: '2' } }, template: { spec: { tolerations: [{ key: 'y' }] } } } },
      schema,
    );
    expect(paths(c.modified)).toEqual(['.spec.selector', '.spec.template.spec.tolerations']);
  });
});
