import { describe, expect, it } from 'vitest';
import { inversePatch } from './inversePatch.js';

describe('inversePatch', () => {
  it('restores changed values and removes fields that did not exist', () => {
    const before = { spec: { template: { spec: { containers: [{ name: 'app', image: 'a:1', ports: [] }] } } } };
    const applied = {
      spec: { template: { spec: { containers: [{ name: 'app', image: 'a:2', env: [{ name: 'X', value: '1' }] }] } } },
    };
    expect(inversePatch(applied, before)).toEqual({
      spec: { template: { spec: { containers: [{ name: 'app', image: 'a:1', env: null }] } } },
    });
  });

  it('deletes named list items that are new and labels that were added', () => {
    const before = {
      metadata: { labels: { a: '1' } },
      spec: { containers: [{ name: 'app', env: [{ name: 'A', value: '1' }] }] },
    };
    const applied = {
      metadata: { labels: { a: '2', b: '3' } },
      spec: {
        containers: [
          {
            name: 'app',
            env: [
              { name: 'A', value: '2' },
              { name: 'B', value: 'x' },
            ],
          },
        ],
      },
    };
    expect(inversePatch(applied, before)).toEqual({
      metadata: { labels: { a: '1', b: null } },
      spec: {
        containers: [
          {
            name: 'app',
            env: [
              { name: 'A', value: '1' },
              { name: 'B', $patch: 'delete' },
            ],
          },
        ],
      },
    });
  });

  it('restores unnamed lists whole', () => {
    expect(inversePatch({ spec: { args: ['--b'] } }, { spec: { args: ['--a', '--c'] } })).toEqual({
      spec: { args: ['--a', '--c'] },
    });
  });
});
