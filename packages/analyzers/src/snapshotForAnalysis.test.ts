import {
  type ClusterGateway,
  type ClusterSnapshot,
  type KubeObject,
  NotAllowedError,
  NotFoundError,
  UpstreamError,
} from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { snapshotForAnalysis } from './snapshotForAnalysis.js';

const namespace = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop' } };

/** A gateway answering from fixed data; `forbid` makes namespace reads fail as RBAC would. */
function gateway(
  snapshot: Partial<ClusterSnapshot>,
  forbid = false,
): Pick<ClusterGateway, 'get' | 'list' | 'snapshot'> {
  const namespaces = [namespace('default'), namespace('shop')];
  const refuse = () => Promise.reject(new NotAllowedError('namespaces is forbidden', { hint: 'ask for RBAC' }));
  return {
    get: (ref) => (forbid ? refuse() : Promise.resolve(namespaces.find((n) => n.metadata.name === ref.name))),
    list: () => (forbid ? refuse() : Promise.resolve(namespaces)),
    snapshot: async () => ({ cluster: 'c', takenAt: '2026-01-01T00:00:00Z', objects: {}, errors: [], ...snapshot }),
  };
}

describe('snapshotForAnalysis', () => {
  it('passes a snapshot through when something could be listed, even with some kinds forbidden', async () => {
    const partial = { objects: { Pod: [pod] }, errors: [{ kind: 'Secret', error: 'forbidden: no' }] };
    expect((await snapshotForAnalysis(gateway(partial), { namespace: 'shop' })).objects.Pod).toEqual([pod]);
    expect((await snapshotForAnalysis(gateway({}), {})).objects).toEqual({});
  });

  it('lists an API the cluster does not serve (Gateway API not installed) as empty, not as an error', async () => {
    const errors = [
      {
        kind: 'gateway.networking.k8s.io/v1/Gateway',
        error: 'not found: the server does not serve kind Gateway in gateway.networking.k8s.io/v1',
      },
      { kind: 'Secret', error: 'forbidden: no' },
    ];
    const snapshot = await snapshotForAnalysis(gateway({ objects: { Pod: [pod] }, errors }), {});
    expect(snapshot.errors).toEqual([{ kind: 'Secret', error: 'forbidden: no' }]);
    expect(snapshot.objects.Gateway).toEqual([]);
  });

  it('names a missing namespace and lists the existing ones', async () => {
    const error = await snapshotForAnalysis(gateway({}), { namespace: 'nowhere' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      message: 'namespace "nowhere" not found',
      hint: 'existing namespaces: default, shop',
    });
  });

  it('skips the namespace check when namespaces may not be read', async () => {
    const snapshot = await snapshotForAnalysis(gateway({ objects: { Pod: [pod] } }, true), { namespace: 'shop' });
    expect(snapshot.objects.Pod).toEqual([pod]);
  });

  it('refuses a snapshot in which no kind could be listed', async () => {
    const down = { errors: [{ kind: 'Pod', error: 'cannot reach the Kubernetes API server' }] };
    await expect(snapshotForAnalysis(gateway(down), {})).rejects.toBeInstanceOf(UpstreamError);
    const forbidden = { errors: [{ kind: 'Pod', error: 'forbidden: pods' }] };
    await expect(snapshotForAnalysis(gateway(forbidden, true), {})).rejects.toBeInstanceOf(NotAllowedError);
  });
});
