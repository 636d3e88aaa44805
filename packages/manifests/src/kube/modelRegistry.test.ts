import * as k8s from '@kubernetes/client-node';
import * as models from 'kubernetes-models';
import { describe, expect, it } from 'vitest';
import { fieldsOf } from './fieldTypes.js';
import { type ModelClass, modelFor } from './modelRegistry.js';

/** Every class kubernetes-models exports for a kind (the core group directly, named groups a level down). */
function exportedKinds(): ModelClass[] {
  const found: ModelClass[] = [];
  const visit = (value: unknown, depth: number): void => {
    const c = value as Partial<ModelClass>;
    if (typeof value === 'function') {
      if (typeof c.apiVersion === 'string' && typeof c.kind === 'string') found.push(c as ModelClass);
    } else if (depth < 3 && typeof value === 'object' && value !== null) {
      for (const child of Object.values(value)) visit(child, depth + 1);
    }
  };
  visit(models, 0);
  return found;
}

describe('modelFor', () => {
  it('finds the class of every kind kubernetes-models exports, loading only that kind', () => {
    const kinds = exportedKinds();
    expect(kinds.length).toBeGreaterThan(200);
    for (const exported of kinds) {
      const found = modelFor(exported.apiVersion, exported.kind);
      expect(found?.apiVersion, `${exported.apiVersion} ${exported.kind}`).toBe(exported.apiVersion);
      expect(found?.kind).toBe(exported.kind);
    }
  });

  it('knows no custom resource, and no name that is not an apiVersion or a kind', () => {
    expect(modelFor('example.com/v1', 'Widget')).toBeUndefined();
    expect(modelFor('apps/v1', 'DeploymentSpec')).toBeUndefined();
    expect(modelFor('apps/v1', '../../v1/Pod')).toBeUndefined();
    expect(modelFor('../kubernetes-models', 'Pod')).toBeUndefined();
  });
});

describe('fieldsOf', () => {
  it('gives the fields of every client-node model, as the model class does', () => {
    let checked = 0;
    for (const [name, cls] of Object.entries(k8s)) {
      const model = cls as { getAttributeTypeMap?: () => { baseName: string; type: string }[] };
      if (typeof model?.getAttributeTypeMap !== 'function') continue;
      const fields = fieldsOf(name);
      expect([...(fields ?? [])], name).toEqual(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(500);
    expect(fieldsOf('V1Nothing')).toBeNull();
    expect(fieldsOf('../index')).toBeNull();
  });
});
