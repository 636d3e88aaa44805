import { describe, expect, it } from 'vitest';
import { StatusError } from '../api/statusError.js';
import { responseFormat } from './negotiation.js';

describe('responseFormat', () => {
  it('reads the Table kubectl asks for, also behind protobuf', () => {
    expect(responseFormat('application/json;as=Table;v=v1;g=meta.k8s.io,application/json', null)).toMatchObject({
      table: true,
      includeObject: 'Metadata',
    });
    expect(
      responseFormat('application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io, application/json', 'Object')
        .includeObject,
    ).toBe('Object');
  });

  it('answers protobuf, wildcards and missing Accept with plain JSON and YAML when asked', () => {
    for (const accept of [undefined, '*/*', 'application/vnd.kubernetes.protobuf, */*']) {
      expect(responseFormat(accept, null)).toEqual({
        table: false,
        partialMetadata: false,
        includeObject: 'Metadata',
        yaml: false,
      });
    }
    expect(responseFormat('application/yaml', null).yaml).toBe(true);
    expect(
      responseFormat('application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io', null).partialMetadata,
    ).toBe(true);
  });

  it('refuses what it cannot produce with 406 and a bad includeObject with 400', () => {
    expect(() => responseFormat('text/html', null)).toThrowError(StatusError);
    expect(() => responseFormat('text/html', null)).toThrowError(/only the following media types are accepted/);
    expect(() => responseFormat(undefined, 'All')).toThrowError(/includeObject: Unsupported value/);
  });
});
