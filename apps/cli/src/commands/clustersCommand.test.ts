import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@opspilot/config';
import { startSimCluster } from '@opspilot/kube-sim';
import { describe, expect, it } from 'vitest';
import { withStore } from '../openCliStore.js';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

async function cli(dir: string, ...args: string[]) {
  const io = memoryIo({}, dir);
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('opspilot clusters', { timeout: 120_000 }, () => {
  it('measures the kubeconfig context live: ONLINE with a score, or OFFLINE with the reason and exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opspilot-clusters-'));
    const sim = await startSimCluster({ scenario: 'demo' });
    const kubeconfig = join(dir, 'kubeconfig.yaml');
    writeFileSync(kubeconfig, sim.kubeconfig);
    try {
      const online = await cli(dir, 'clusters', 'status', '--kubeconfig', kubeconfig, '-o', 'json');
      const report = JSON.parse(online.out);
      expect(report.status).toMatchObject({ state: expect.stringMatching(/^(ONLINE|DEGRADED)$/) });
      expect(report.status.health_score).toBeGreaterThan(0);
      expect(report.counts.nodes).toBe(3);
      expect(online.code).toBe(report.status.state === 'ONLINE' ? 0 : 1);
    } finally {
      await sim.stop();
    }
    const offline = await cli(dir, 'clusters', 'status', '--kubeconfig', kubeconfig);
    expect(offline.code).toBe(2);
    expect(offline.out).toMatch(/State: +OFFLINE/);
    expect(offline.out).toMatch(/Last error: +\S+/);
  });

  it('lists the registered clusters of the store as a table, and names a cluster that is not registered', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opspilot-clusters-list-'));
    const empty = await cli(dir, 'clusters', 'list');
    expect(empty.code).toBe(0);
    expect(empty.out).toContain('No clusters registered');
    const json = await cli(dir, 'clusters', 'list', '-o', 'json');
    expect(JSON.parse(json.out)).toEqual({ items: [] });
    await withStore(await loadConfig({ cwd: dir, env: {} }), dir, async (store) => {
      const cluster = await store.clusters.create({ name: 'prod-eu', api_server_url: 'https://10.0.0.1:6443' });
      await store.clusters.update(cluster.id, { status: { state: 'DEGRADED', health_score: 64 } });
    });
    const table = await cli(dir, 'clusters', 'list');
    expect(table.out.split('\n')[0]).toMatch(/^NAME +STATE +SCORE +ENVIRONMENT +API SERVER +LAST SEEN$/);
    expect(table.out).toMatch(/prod-eu +DEGRADED +64 +DEVELOPMENT +https:\/\/10\.0\.0\.1:6443 +<never>/);
    const degraded = await cli(dir, 'clusters', 'status', 'prod-eu');
    expect(degraded.code).toBe(1);
    expect(degraded.out).toMatch(/Health score: 64/);
    const missing = await cli(dir, 'clusters', 'status', 'nowhere');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no cluster named nowhere');
  });
});
