import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { IN_CLUSTER_NAME, registerInCluster } from './registerInCluster.js';
import { startTestApi, type TestApi } from './testing/index.js';

/** A service account folder as the kubelet mounts it, holding the simulated cluster's CA and bearer token. */
function mountServiceAccount(sim: SimCluster, namespace: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'opspilot-sa-'));
  const kubeconfig = parse(sim.kubeconfig) as { clusters: { cluster: Record<string, string> }[] };
  const ca = kubeconfig.clusters[0]?.cluster['certificate-authority-data'] ?? '';
  writeFileSync(join(dir, 'ca.crt'), Buffer.from(ca, 'base64'));
  writeFileSync(join(dir, 'token'), sim.token);
  writeFileSync(join(dir, 'namespace'), namespace);
  return dir;
}

describe('registerInCluster', () => {
  let t: TestApi;
  let sim: SimCluster;
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApi();
    sim = await startSimCluster({ scenario: 'demo', clock: t.clock });
    dir = mountServiceAccount(sim, 'opspilot');
    const { hostname, port } = new URL(sim.url);
    env = { KUBERNETES_SERVICE_HOST: hostname, KUBERNETES_SERVICE_PORT: port };
  });
  afterAll(async () => {
    await sim?.stop();
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('registers nothing outside a pod', async () => {
    expect(await registerInCluster(t.services, { env: {}, serviceAccountDir: dir })).toBeUndefined();
    const noToken = mkdtempSync(join(tmpdir(), 'opspilot-sa-'));
    expect(await registerInCluster(t.services, { env, serviceAccountDir: noToken })).toBeUndefined();
    rmSync(noToken, { recursive: true, force: true });
    expect(await t.store.clusters.findByName(IN_CLUSTER_NAME)).toBeUndefined();
  });

  it('registers the cluster it runs in from the service account, reachable like any other, once', async () => {
    const cluster = await registerInCluster(t.services, { env, serviceAccountDir: dir });
    expect(cluster).toMatchObject({ name: 'in-cluster', api_server_url: sim.url, cluster_type: 'HUB' });
    if (!cluster) return;
    const credentials = await t.store.clusters.getPublicCredentials(cluster.id);
    expect(credentials).toMatchObject({ auth_type: 'SERVICE_ACCOUNT', has_kubeconfig: true });
    // The stored kubeconfig points at the mounted files, so a rotated token is picked up.
    const stored = await t.store.clusters.getKubeconfig(cluster.id);
    expect(stored).toContain(join(dir, 'token'));
    expect(stored).not.toContain(sim.token);

    const gateway = await t.services.gateways.get(cluster.id);
    const deployments = await gateway.list('Deployment', { namespace: 'todo' });
    expect(deployments.length).toBeGreaterThan(0);

    const again = await registerInCluster(t.services, { env, serviceAccountDir: dir });
    expect(again?.id).toBe(cluster.id);
    const all = await t.store.clusters.list({ name: IN_CLUSTER_NAME });
    expect(all.items).toHaveLength(1);
    const audit = await t.store.audit.list({ target: 'cluster:in-cluster' });
    expect(audit.items.map((e) => e.action).sort()).toEqual(['cluster.refresh', 'cluster.register']);
  });

  it.each(['sqlite', 'postgres'] as const)('lets replicas starting together register it once (%s)', async (dialect) => {
    const other = await startTestApi({ dialect });
    try {
      const started = await Promise.all(
        [1, 2, 3].map(() => registerInCluster(other.services, { env, serviceAccountDir: dir })),
      );
      expect(new Set(started.map((c) => c?.id)).size).toBe(1);
      expect((await other.store.clusters.list({ name: IN_CLUSTER_NAME })).items).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('names the missing file when the service account is mounted without its CA', async () => {
    const partial = mkdtempSync(join(tmpdir(), 'opspilot-sa-'));
    writeFileSync(join(partial, 'token'), sim.token);
    await expect(registerInCluster(t.services, { env, serviceAccountDir: partial })).rejects.toThrow(/ca\.crt/);
    rmSync(partial, { recursive: true, force: true });
  });
});
