import type { KubeObject } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixFinding } from '../__fixtures__/fixFinding.js';
import { deployment, namespace, remediateHarness } from '../__fixtures__/remediateHarness.js';

let h: Awaited<ReturnType<typeof remediateHarness>>;
beforeAll(async () => {
  h = await remediateHarness();
});
afterAll(() => h?.stop());

describe('storage:create-missing-class on the simulated cluster', () => {
  it('creates the StorageClass a Pending claim asks for as a copy of the default one, and the claim binds', async () => {
    await h.apply(namespace('disk'), {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'disk' },
      spec: {
        storageClassName: 'fast-ssd',
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '1Gi' } },
      },
    } as KubeObject);
    await h.apply(
      deployment(
        'disk',
        'db',
        { volumeMounts: [{ name: 'data', mountPath: '/data' }] },
        {
          volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }],
        },
        1,
      ),
    );
    const finding = await h.findingFor('pvc-storage-class-missing', 'data', 'disk');
    const { candidate, outcome } = await fixFinding(h, finding);
    expect(candidate.summary).toMatch(/^create StorageClass fast-ssd as a copy of standard/);
    expect(candidate.alternatives[0]).toMatch(/re-create claim data with storageClassName standard \(destructive/);
    expect(outcome.status, outcome.message).toBe('VERIFIED');
    expect(outcome.message).toMatch(/claim data is Bound/);
  });
});
