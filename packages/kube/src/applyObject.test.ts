import { ConflictError, InputError, type KubeObject, NotFoundError } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayFixture, startGateway } from './__fixtures__/startGateway.js';
import { diffObjects } from './diffObjects.js';

let f: GatewayFixture;
beforeAll(async () => {
  f = await startGateway({ scenario: 'demo' });
});
afterAll(async () => f?.sim.stop());

const configMap = (name: string, data: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'todo' },
  data,
});

describe('apply', () => {
  it('dry-runs without changing the cluster, then applies for real as field manager opspilot', async () => {
    const dry = await f.gateway.apply(configMap('feature-flags', { beta: 'on' }), { dryRun: true });
    expect(dry.metadata.name).toBe('feature-flags');
    expect(await f.gateway.get({ kind: 'ConfigMap', name: 'feature-flags', namespace: 'todo' })).toBeUndefined();

    const created = await f.gateway.apply(configMap('feature-flags', { beta: 'on' }));
    expect(created.metadata.uid).toBeTruthy();
    const managers = (created.metadata as { managedFields?: Array<{ manager: string }> }).managedFields ?? [];
    expect(managers.map((m) => m.manager)).toContain('opspilot');

    const live = await f.gateway.get({ kind: 'ConfigMap', name: 'feature-flags', namespace: 'todo' });
    const proposed = await f.gateway.apply(configMap('feature-flags', { beta: 'off' }), { dryRun: true });
    expect(diffObjects(live, proposed)).toContain('-  beta: on\n+  beta: off');
    const after = await f.gateway.get({ kind: 'ConfigMap', name: 'feature-flags', namespace: 'todo' });
    expect((after as { data?: Record<string, string> }).data).toEqual({ beta: 'on' });
  });

  it('applies a partial Deployment, keeping the fields it does not name', async () => {
    const backend = await f.gateway.get({ kind: 'deploy', name: 'backend', namespace: 'todo' });
    expect(backend?.kind).toBe('Deployment');
    const labelled = await f.gateway.apply(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'backend', namespace: 'todo', labels: { tier: 'api' } },
      },
      { force: true },
    );
    expect(labelled.metadata.labels).toMatchObject({ app: 'backend', tier: 'api' });
  });

  it('fails with a ConflictError on a stale resourceVersion', async () => {
    const first = await f.gateway.apply(configMap('versioned', { n: '1' }));
    await f.gateway.apply(configMap('versioned', { n: '2' }));
    const stale = { ...configMap('versioned', { n: '3' }), metadata: { ...first.metadata } };
    const error = await f.gateway.apply(stale).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toContain('the object has been modified');
    expect((error as ConflictError).hint).toMatch(/read it again/);
  });

  it('refuses an invalid object with an InputError listing the causes', async () => {
    const error = await f.gateway.apply(configMap('Bad_Name', { a: 'b' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain('Bad_Name');
    expect((error as InputError).details?.causes).toEqual(
      expect.arrayContaining([expect.stringContaining('metadata.name')]),
    );
  });

  it('deletes with a dry run first, then for real with a propagation policy', async () => {
    await f.gateway.apply(configMap('doomed', { a: 'b' }));
    const ref = { kind: 'ConfigMap', name: 'doomed', namespace: 'todo' };
    await f.gateway.delete(ref, { dryRun: true });
    expect(await f.gateway.get(ref)).toBeDefined();
    await f.gateway.delete(ref, { propagationPolicy: 'Foreground' });
    expect(await f.gateway.get(ref)).toBeUndefined();
    const again = await f.gateway.delete(ref).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(NotFoundError);
    expect((again as NotFoundError).message).toBe('ConfigMap "doomed" not found in namespace "todo"');
  });

  it('cascades a Deployment delete to its ReplicaSets in the background', async () => {
    await f.gateway.delete(
      { kind: 'Deployment', name: 'frontend', namespace: 'todo' },
      { propagationPolicy: 'Background' },
    );
    const replicaSets = await f.gateway.list('ReplicaSet', { namespace: 'todo', labelSelector: 'app=frontend' });
    expect(replicaSets).toEqual([]);
  });
});
