import { describe, expect, it } from 'vitest';
import { omitEmpty } from './omitEmpty.js';
import { builtinSchema } from './schemaNodes.js';

const schemaOf = (group: string, version: string, kind: string) => builtinSchema({ group, version, kind })!;

describe('omitEmpty', () => {
  it('drops empty optional lists and maps at every depth', () => {
    const endpoints = { metadata: { name: 'web', labels: {}, finalizers: [] }, subsets: [] };
    expect(omitEmpty(endpoints, schemaOf('', 'v1', 'Endpoints'))).toEqual({ metadata: { name: 'web' } });
    const pod = {
      metadata: { name: 'p', annotations: {} },
      spec: { containers: [{ name: 'a', image: 'nginx:1.27', env: [], args: [] }], volumes: [] },
    };
    expect(omitEmpty(pod, schemaOf('', 'v1', 'Pod'))).toEqual({
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'a', image: 'nginx:1.27' }] },
    });
  });

  it('keeps required lists, empty structs and fields the schema does not know', () => {
    const slice = { metadata: { name: 's' }, addressType: 'IPv4', endpoints: [], extra: [] };
    expect(omitEmpty(structuredClone(slice), schemaOf('discovery.k8s.io', 'v1', 'EndpointSlice'))).toEqual(slice);
    const pod = {
      metadata: { name: 'p' },
      spec: {
        containers: [{ name: 'a', image: 'nginx:1.27' }],
        securityContext: {},
        volumes: [{ name: 'scratch', emptyDir: {} }],
      },
    };
    expect(omitEmpty(structuredClone(pod), schemaOf('', 'v1', 'Pod'))).toEqual(pod);
  });
});
