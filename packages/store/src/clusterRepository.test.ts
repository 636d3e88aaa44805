import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '@opspilot/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from './openStore.js';
import { DIALECTS, openTestStore, type TestStore } from './testing/index.js';

const kubeconfig = 'apiVersion: v1\nkind: Config\nusers: [{name: admin, user: {token: s3cr3t-token}}]';

describe.each(DIALECTS)('cluster registry on %s', (dialect) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(dialect);
    store = t.store;
  });
  afterAll(async () => t?.cleanup());

  it('registers a cluster with an UNKNOWN status and a unique name', async () => {
    const cluster = await store.clusters.create({
      name: 'prod-east-1',
      api_server_url: 'https://api.example.com:6443',
    });
    expect(cluster).toMatchObject({ status: { state: 'UNKNOWN' }, cluster_type: 'SPOKE', labels: {} });
    expect((await store.clusters.findByName('prod-east-1'))?.id).toBe(cluster.id);
    expect(await store.clusters.findByName('nope-nope')).toBeUndefined();
    await expect(
      store.clusters.create({ name: 'prod-east-1', api_server_url: 'https://other.example.com' }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      store.clusters.create({ name: 'Prod_East', api_server_url: 'http://insecure.example.com' }),
    ).rejects.toBeInstanceOf(InputError);
  });

  it('keeps kubeconfigs encrypted at rest and out of the public shape', async () => {
    const cluster = await store.clusters.create({ name: 'edge-01', api_server_url: 'https://edge.example.com:6443' });
    const pub = await store.clusters.setCredentials(cluster.id, { auth_type: 'KUBECONFIG', kubeconfig });
    expect(pub).toMatchObject({ cluster_id: cluster.id, auth_type: 'KUBECONFIG', has_kubeconfig: true });
    expect(JSON.stringify(pub)).not.toContain('s3cr3t');
    expect(JSON.stringify(await store.clusters.getPublicCredentials(cluster.id))).not.toContain('kubeconfig_encrypted');
    const raw = await sql<{ k: string }>`select kubeconfig_encrypted as k from cluster_credentials`.execute(store.db);
    expect(raw.rows.length).toBeGreaterThan(0);
    expect(raw.rows.map((r) => r.k).join()).not.toContain('s3cr3t');
    expect(await store.clusters.getKubeconfig(cluster.id)).toBe(kubeconfig);
  });

  it('replaces credentials, forgets them, and drops them with their cluster', async () => {
    const cluster = await store.clusters.create({ name: 'edge-02', api_server_url: 'https://edge2.example.com' });
    await store.clusters.setCredentials(cluster.id, { auth_type: 'KUBECONFIG', kubeconfig });
    const replaced = await store.clusters.setCredentials(cluster.id, {
      auth_type: 'SERVICE_ACCOUNT',
      service_account_token_secret_ref: 'opspilot/edge-02-token',
    });
    expect(replaced).toMatchObject({ auth_type: 'SERVICE_ACCOUNT', has_kubeconfig: false });
    await expect(store.clusters.getKubeconfig(cluster.id)).rejects.toMatchObject({
      name: 'NotFoundError',
      hint: expect.stringContaining('SERVICE_ACCOUNT'),
    });
    await store.clusters.deleteCredentials(cluster.id);
    await expect(store.clusters.deleteCredentials(cluster.id)).rejects.toBeInstanceOf(NotFoundError);
    await store.clusters.setCredentials(cluster.id, { auth_type: 'KUBECONFIG', kubeconfig });
    await store.clusters.delete(cluster.id);
    await expect(store.clusters.getPublicCredentials(cluster.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      store.clusters.setCredentials(cluster.id, { auth_type: 'KUBECONFIG', kubeconfig }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.clusters.setCredentials(cluster.id, { auth_type: 'PASSWORD' } as never)).rejects.toBeInstanceOf(
      InputError,
    );
  });
});

describe('cluster credentials and the encryption key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'opspilot-keys-'));
  const file = join(dir, 'keys.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('cannot be read with another key, nor stored without one', async () => {
    const writer = await openStore({ sqlitePath: file, encryptionKey: randomBytes(32).toString('base64') });
    await writer.migrate();
    const cluster = await writer.clusters.create({ name: 'keyed', api_server_url: 'https://k.example.com' });
    await writer.clusters.setCredentials(cluster.id, { auth_type: 'KUBECONFIG', kubeconfig });
    await writer.close();

    const otherKey = await openStore({ sqlitePath: file, encryptionKey: randomBytes(32).toString('base64') });
    await expect(otherKey.clusters.getKubeconfig(cluster.id)).rejects.toBeInstanceOf(NotAllowedError);
    await otherKey.close();

    const noKey = await openStore({ sqlitePath: file });
    await expect(noKey.clusters.getKubeconfig(cluster.id)).rejects.toMatchObject({
      name: 'InputError',
      hint: expect.stringContaining('encryption_key'),
    });
    expect((await noKey.clusters.getPublicCredentials(cluster.id)).has_kubeconfig).toBe(true);
    await noKey.close();
  });
});
