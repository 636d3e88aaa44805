import { describe, expect, it } from 'vitest';
import { requestWithChoices } from './requestWithChoices.js';

const backendApi = { kind: 'Deployment', name: 'backend-api', namespace: 'shop' };

describe('requestWithChoices', () => {
  it('puts the picked name where the unresolved one was, keeping the rest of the request', () => {
    expect(requestWithChoices('scale api to 2', [backendApi])).toEqual({
      request: 'scale backend-api to 2',
      namespace: 'shop',
    });
    expect(requestWithChoices('scale the api deployment to 2', [backendApi]).request).toBe(
      'scale the backend-api deployment to 2',
    );
    expect(requestWithChoices('set LOG_LEVEL=debug on "api"', [backendApi]).request).toBe(
      'set LOG_LEVEL=debug on "backend-api"',
    );
    expect(requestWithChoices('scale backend api to 3', [backendApi]).request).toBe('scale backend-api to 3');
  });

  it('leaves a request without picks, or one it cannot parse, as written', () => {
    expect(requestWithChoices('scale api to 2', [])).toEqual({ request: 'scale api to 2' });
    expect(requestWithChoices('make it better', [backendApi])).toEqual({
      request: 'make it better',
      namespace: 'shop',
    });
  });

  it('names no namespace when the picks are in different ones', () => {
    const other = { kind: 'Deployment', name: 'checkout', namespace: 'payments' };
    expect(
      requestWithChoices('scale checkout to 2', [other, { ...other, namespace: 'shop' }]).namespace,
    ).toBeUndefined();
  });
});
