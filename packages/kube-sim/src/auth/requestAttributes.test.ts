import { describe, expect, it } from 'vitest';
import { requestAttributes } from './requestAttributes.js';

const url = (query = '') => new URL(`http://sim/x${query}`);
const pods = { group: '', plural: 'pods' };
const deployments = { group: 'apps', plural: 'deployments' };

describe('requestAttributes', () => {
  it('derives the RBAC verb from the method, the name and watch', () => {
    const verb = (method: string, name?: string, query?: string) =>
      requestAttributes(method, url(query), { type: pods, namespace: 'default', name }).verb;
    expect(verb('GET')).toBe('list');
    expect(verb('GET', 'web')).toBe('get');
    expect(verb('GET', undefined, '?watch=true')).toBe('watch');
    expect(verb('GET', 'web', '?watch=1')).toBe('watch');
    expect(verb('POST')).toBe('create');
    expect(verb('PUT', 'web')).toBe('update');
    expect(verb('PATCH', 'web')).toBe('patch');
    expect(verb('DELETE', 'web')).toBe('delete');
    expect(verb('DELETE')).toBe('deletecollection');
  });

  it('carries group, resource, subresource, namespace and name', () => {
    expect(
      requestAttributes('PATCH', url(), { type: deployments, namespace: 'todo', name: 'web', subresource: 'scale' }),
    ).toEqual({
      verb: 'patch',
      group: 'apps',
      resource: 'deployments',
      subresource: 'scale',
      namespace: 'todo',
      name: 'web',
    });
    expect(
      requestAttributes('POST', url(), { type: pods, namespace: 'a', name: 'p', subresource: 'eviction' }),
    ).toMatchObject({
      verb: 'create',
      subresource: 'eviction',
    });
    expect(requestAttributes('GET', url(), { type: { group: '', plural: 'nodes' } })).toMatchObject({
      verb: 'list',
      namespace: '',
      name: '',
    });
  });
});
