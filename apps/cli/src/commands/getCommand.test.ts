import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@opspilot/config';
import { ManualClock } from '@opspilot/core';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock, createKubectl } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withStore } from '../openCliStore.js';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

let sim: SimCluster;
let clock: ManualClock;
let dir: string;
let kubeconfig: string;

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ scenario: 'broken', clock });
  dir = mkdtempSync(join(tmpdir(), 'opspilot-get-'));
  kubeconfig = join(dir, 'kubeconfig.yaml');
  writeFileSync(kubeconfig, sim.kubeconfig);
  // Three minutes of cluster life: pods start, crash, back off and restart; then time stands still for both tools.
  await advanceClock(clock, 180_000, 5_000);
}, 120_000);
afterAll(async () => {
  await sim?.stop();
});

async function get(...args: string[]) {
  const io = memoryIo({}, dir);
  io.clock = clock;
  const code = await runCli(['get', '--kubeconfig', kubeconfig, ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('opspilot get', { timeout: 120_000 }, () => {
  it('prints exactly what kubectl get pods -A prints on the same cluster', async () => {
    const kubectl = createKubectl(sim.kubeconfig);
    const expected = await kubectl(['get', 'pods', '-A']);
    expect(expected.code).toBe(0);
    const { code, out } = await get('pods', '-A');
    expect(code).toBe(0);
    expect(out).toBe(expected.stdout);
    expect(out).toMatch(/CrashLoopBackOff|ImagePullBackOff|ErrImagePull/);
  });

  it('matches kubectl -o wide in one namespace too', async () => {
    const kubectl = createKubectl(sim.kubeconfig);
    const expected = await kubectl(['get', 'po', '-n', 'broken', '-o', 'wide']);
    const { out } = await get('po', '-n', 'broken', '-o', 'wide');
    expect(out).toBe(expected.stdout);
    expect(out.split('\n')[0]).toMatch(
      /^NAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE +READINESS GATES$/,
    );
  });

  it('prints a v1 List for -o json', async () => {
    const { code, out } = await get('deployments', '-A', '-o', 'json');
    expect(code).toBe(0);
    const list = JSON.parse(out);
    expect(list).toMatchObject({ apiVersion: 'v1', kind: 'List' });
    expect(list.items.length).toBeGreaterThan(0);
  });

  it('reads a cluster registered in the store with --cluster, as kubectl sees it', async () => {
    await withStore(await loadConfig({ cwd: dir, env: {} }), dir, async (store) => {
      const cluster = await store.clusters.create({ name: 'sim-broken', api_server_url: sim.url });
      await store.clusters.setCredentials(cluster.id, { auth_type: 'KUBECONFIG', kubeconfig: sim.kubeconfig });
    });
    const expected = await createKubectl(sim.kubeconfig)(['get', 'pods', '-A']);
    const io = memoryIo({}, dir);
    io.clock = clock;
    expect(await runCli(['get', 'pods', '-A', '--cluster', 'sim-broken'], io)).toBe(0);
    expect(io.out()).toBe(expected.stdout);
    const missing = memoryIo({}, dir);
    expect(await runCli(['get', 'pods', '--cluster', 'nowhere'], missing)).toBe(2);
    expect(missing.err()).toContain('no cluster named nowhere');
  });

  it('names a namespace that does not exist and exits 2', async () => {
    const { code, err } = await get('pods', '-n', 'nowhere');
    expect(code).toBe(2);
    expect(err).toContain('namespace "nowhere" not found');
  });

  it('says an unreachable cluster cannot be reached and exits 2, never an empty list', async () => {
    const gone = await startSimCluster({ scenario: 'demo' });
    const goneConfig = join(dir, 'gone.yaml');
    writeFileSync(goneConfig, gone.kubeconfig);
    await gone.stop();
    const io = memoryIo({}, dir);
    const code = await runCli(['get', 'pods', '-A', '--kubeconfig', goneConfig], io);
    expect(code).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(/error/i);
  });
});
