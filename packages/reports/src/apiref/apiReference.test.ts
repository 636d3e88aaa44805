import { describe, expect, it } from 'vitest';
import { apiReference } from './apiReference.js';

const TODO_API = {
  openapi: '3.1.0',
  info: { title: 'Todo', version: '1.0.0' },
  servers: [{ url: 'http://backend.todo.svc' }],
  paths: {
    '/todos': {
      get: {
        tags: ['todos'],
        summary: 'List todos',
        parameters: [{ name: 'done', in: 'query', schema: { type: 'boolean' } }],
        responses: {
          '200': {
            description: 'the todos',
            content: {
              'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Todo' } } },
            },
          },
        },
      },
      post: {
        tags: ['todos'],
        summary: 'Create a todo',
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Todo' } } } },
        responses: { '201': { description: 'created' } },
      },
    },
    '/health': { get: { summary: 'Health', responses: { '200': { description: 'ok' } } } },
  },
  components: {
    schemas: {
      Todo: { type: 'object', required: ['title'], properties: { id: { type: 'integer' }, title: { type: 'string' } } },
    },
  },
};

describe('apiReference', () => {
  it('documents every operation by tag with parameters, bodies, responses and schemas', () => {
    const md = apiReference(TODO_API);
    expect(md).toContain('# Todo API reference');
    expect(md).toContain('### `GET /todos`');
    expect(md).toContain('| done | query | boolean | no |  |');
    expect(md).toContain('| 200 | the todos | `Todo[]` |');
    expect(md).toContain('Request body: `Todo`');
    expect(md).toContain('## default');
    expect(md).toContain('| title | string | yes |');
    expect(md.indexOf('## default')).toBeLessThan(md.indexOf('## todos'));
  });

  it('refuses a document that is not OpenAPI, naming the field', () => {
    expect(() => apiReference({ info: { title: 'x', version: '1' } })).toThrow(/not a usable OpenAPI document/);
    expect(() => apiReference({ openapi: '3.0.0' })).toThrow(/info/);
  });
});
