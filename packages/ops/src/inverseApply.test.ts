import { describe, expect, it } from 'vitest';
import { inverseApply } from './inverseApply.js';

describe('inverseApply', () => {
  it('restores changed values and leaves out fields that did not exist', () => {
    const before = {
      spec: { replicas: 2, template: { spec: { containers: [{ name: 'app', image: 'a:1', ports: [] }] } } },
    };
    const applied = {
      spec: { template: { spec: { containers: [{ name: 'app', image: 'a:2', env: [{ name: 'X', value: '1' }] }] } } },
    };
    expect(inverseApply(applied, before)).toEqual({
      spec: { template: { spec: { containers: [{ name: 'app', image: 'a:1' }] } } },
    });
  });

  it('drops named list items that are new, keeps identity keys', () => {
    const before = {
      metadata: { name: 'x', labels: { a: '1' } },
      spec: { containers: [{ name: 'app', image: 'a:1' }] },
    };
    const applied = {
      metadata: { name: 'x', labels: { a: '2', b: '3' } },
      spec: {
        containers: [
          { name: 'app', image: 'a:1' },
          { name: 'sidecar', image: 's:1' },
        ],
      },
    };
    expect(inverseApply(applied, before)).toEqual({
      metadata: { name: 'x', labels: { a: '1' } },
      spec: { containers: [{ name: 'app', image: 'a:1' }] },
    });
  });

  it('restores unnamed lists whole', () => {
    expect(inverseApply({ spec: { args: ['--b'] } }, { spec: { args: ['--a', '--c'] } })).toEqual({
      spec: { args: ['--a', '--c'] },
    });
  });
});
