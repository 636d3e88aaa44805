import { NotAllowedError, UpstreamError } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { planOffline } from '../planOffline.js';
import { deployment, memoryGateway } from '../testing/index.js';
import { nameScore } from './nameScore.js';
import { cachedLister, isUnresolved, resolveTarget } from './resolveTarget.js';

const gateway = memoryGateway([
  deployment('backend', 'todo', 'b:1'),
  deployment('backend-api', 'shop', 'b:1'),
  deployment('api-gateway', 'shop', 'a:1'),
  deployment('web', 'a', 'w:1'),
  deployment('web', 'b', 'w:1'),
]);
const resolve = (name: string, namespace?: string) =>
  resolveTarget(cachedLister(gateway), { name, ...(namespace ? { namespace } : {}) }, ['Deployment']);

describe('resolveTarget', () => {
  it('prefers an exact name over names containing it', async () => {
    const found = await resolve('backend');
    expect(isUnresolved(found) ? found : found.ref).toMatchObject({ name: 'backend', namespace: 'todo' });
  });

  it('infers the namespace of a name that exists in exactly one, and says so', async () => {
    const found = await resolve('backend');
    expect(!isUnresolved(found) && found.assumptions).toEqual(['namespace todo: backend exists only there']);
  });

  it('asks when a fragment matches several objects, listing them', async () => {
    const found = await resolve('api');
    expect(isUnresolved(found) && found.candidates.map((c) => c.label)).toEqual([
      'deployment/shop/backend-api',
      'deployment/shop/api-gateway',
    ]);
  });

  it('asks which namespace when the same name exists in two, unless one was named', async () => {
    expect(isUnresolved(await resolve('web'))).toBe(true);
    expect(await resolve('web', 'b')).toMatchObject({ ref: { namespace: 'b' } });
  });

  it('offers the closest names when nothing matches', async () => {
    const found = await resolve('frontend');
    expect(isUnresolved(found) && found.question).toMatch(/^I found no deployment named "frontend"\. Did you mean/);
  });

  it('scores whole parts above prefixes above substrings above typos', () => {
    expect([
      nameScore('api', 'backend-api'),
      nameScore('back', 'backend'),
      nameScore('kend', 'backend'),
      nameScore('backnd', 'backend'),
    ]).toEqual([70, 60, 50, 40]);
    expect(nameScore('xyz', 'backend')).toBe(0);
  });
});

describe('cachedLister', () => {
  it('treats a forbidden kind as empty but lets an unreachable cluster fail', async () => {
    const failing = (error: Error) => ({
      list: async () => {
        throw error;
      },
    });
    await expect(cachedLister(failing(new NotAllowedError('secrets is forbidden'))).list('Secret')).resolves.toEqual(
      [],
    );
    const down = new UpstreamError('connect ECONNREFUSED', { source: 'kubernetes', retryable: true });
    await expect(planOffline('scale backend to 3', { gateway: failing(down) })).rejects.toBe(down);
  });

  it('lists each kind and namespace once per request', async () => {
    let calls = 0;
    const lister = cachedLister({
      list: async (kind, options) => {
        calls++;
        return gateway.list(kind, options);
      },
    });
    await Promise.all([lister.list('Deployment'), lister.list('Deployment'), lister.list('Deployment', 'todo')]);
    expect(calls).toBe(2);
  });
});
