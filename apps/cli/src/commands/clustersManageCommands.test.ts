import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

let sim: SimCluster;
let dir: string;
let kubeconfig: string;
let caFile: string;
let tokenFile: string;

/** A kubeconfig of two contexts: the simulated cluster's, and one whose server nothing listens on. */
function twoContexts(yaml: string, deadPort: number): string {
  const doc = parse(yaml);
  const dead = structuredClone(doc.clusters[0]);
  dead.name = 'dead';
  dead.cluster.server = `https://127.0.0.1:${deadPort}`;
  doc.clusters.push(dead);
  doc.contexts.push({ name: 'dead', context: { cluster: 'dead', user: doc.users[0].name } });
  return stringify(doc);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  sim = await startSimCluster({ scenario: 'broken' });
  dir = mkdtempSync(join(tmpdir(), 'opspilot-clusters-manage-'));
  kubeconfig = join(dir, 'kubeconfig.yaml');
  writeFileSync(kubeconfig, twoContexts(sim.kubeconfig, await freePort()));
  caFile = join(dir, 'ca.crt');
  const ca = parse(sim.kubeconfig).clusters[0].cluster['certificate-authority-data'];
  writeFileSync(caFile, Buffer.from(ca, 'base64'));
  tokenFile = join(dir, 'sa.token');
  writeFileSync(tokenFile, `${sim.token}\n`);
}, 60_000);
afterAll(async () => sim?.stop());

async function cli(...args: string[]) {
  const io = memoryIo({ HOME: dir }, dir);
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('opspilot clusters add|update|remove|test', { timeout: 120_000 }, () => {
  it('adds from a kubeconfig context and from a service-account token, tested first, then updates and removes', async () => {
    const added = await cli('clusters', 'add', 'sim-ctx', '--kubeconfig', kubeconfig, '--context', 'opspilot-sim');
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    expect(added.out).toContain('cluster sim-ctx added (KUBECONFIG');
    const token = await cli(
      'clusters',
      'add',
      'sim-token',
      '--server',
      sim.url,
      '--token-file',
      tokenFile,
      '--ca-file',
      caFile,
      '--environment',
      'staging',
      '-L',
      'team=platform',
      '-o',
      'json',
    );
    expect(token.code).toBe(0);
    expect(JSON.parse(token.out)).toMatchObject({
      name: 'sim-token',
      environment: 'STAGING',
      labels: { team: 'platform' },
    });

    const list = await cli('clusters', 'list');
    expect(list.out.split('\n')[0]).toMatch(/^NAME +STATE +SCORE/);
    expect(list.out).toMatch(/sim-ctx +UNKNOWN/);
    expect(list.out).toMatch(/sim-token +UNKNOWN +<none> +STAGING/);

    const tested = await cli('clusters', 'test', 'sim-token');
    expect(tested.code).toBe(0);
    expect(tested.out).toMatch(/Can list pods: +yes/);
    expect(tested.out).toMatch(/Version: +v1\./);

    const updated = await cli(
      'clusters',
      'update',
      'sim-token',
      '--display-name',
      'Staging by token',
      '-L',
      'tier=2',
      '-L',
      'team-',
      '--prometheus-url',
      'http://prom.example:9090',
      '-o',
      'yaml',
    );
    expect(updated.code).toBe(0);
    expect(parse(updated.out)).toMatchObject({
      display_name: 'Staging by token',
      labels: { tier: '2' },
      endpoints: { prometheus_url: 'http://prom.example:9090' },
    });
    expect(parse(updated.out).labels.team).toBeUndefined();
    expect((await cli('clusters', 'update', 'sim-token')).code).toBe(2);

    const audit = await cli('audit', 'list', '-o', 'json');
    expect(audit.code).toBe(0);
    expect(audit.out).toContain('cluster.register');
    expect(audit.out).toContain('cluster.update');

    expect((await cli('clusters', 'remove', 'sim-token')).code).toBe(0);
    expect((await cli('clusters', 'list')).out).not.toContain('sim-token');
    const missing = await cli('clusters', 'remove', 'sim-token');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no cluster named sim-token');
  });

  it('refuses wrong credentials, an unreachable server and OIDC with typed errors and hints, saving nothing', async () => {
    const wrong = join(dir, 'wrong.token');
    writeFileSync(wrong, 'not-a-token');
    const refused = await cli(
      'clusters',
      'add',
      'bad-token',
      '--server',
      sim.url,
      '--token-file',
      wrong,
      '--ca-file',
      caFile,
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/UNAUTHORIZED/);
    expect(refused.err).toMatch(/expired/);
    const dead = await cli('clusters', 'add', 'dead-one', '--kubeconfig', kubeconfig, '--context', 'dead');
    expect(dead.code).toBe(2);
    expect(dead.err).toMatch(/UNREACHABLE/);
    const oidc = await cli('clusters', 'add', 'oidc-one', '--auth-type', 'oidc');
    expect(oidc.code).toBe(2);
    expect(oidc.err).toMatch(/not supported yet/);
    const test = await cli('clusters', 'test', '--kubeconfig', kubeconfig, '--context', 'dead', '-o', 'json');
    expect(test.code).toBe(2);
    expect(JSON.parse(test.out)).toMatchObject({ ok: false, reachable: false, failure: { type: 'UNREACHABLE' } });
    const names = (await cli('clusters', 'list')).out;
    expect(names).not.toMatch(/bad-token|dead-one|oidc-one/);
  });

  it('analyzes the fleet grouped per cluster: an unreachable one is OFFLINE with its reason and exits 2', async () => {
    expect(
      (await cli('clusters', 'add', 'fleet-live', '--kubeconfig', kubeconfig, '--context', 'opspilot-sim')).code,
    ).toBe(0);
    const off = await cli('clusters', 'add', 'fleet-off', '--kubeconfig', kubeconfig, '--context', 'dead', '--no-test');
    expect(off.code).toBe(0);
    const fleet = await cli('analyze', '--all-clusters', '-o', 'json');
    expect(fleet.code).toBe(2);
    const result = JSON.parse(fleet.out);
    const byName = Object.fromEntries(result.clusters.map((c: { cluster: string }) => [c.cluster, c]));
    expect(byName['fleet-live']).toMatchObject({ state: 'ANALYZED' });
    expect(byName['fleet-live'].report.problems.length).toBeGreaterThan(0);
    expect(byName['fleet-off']).toMatchObject({
      state: 'OFFLINE',
      error: { message: expect.stringMatching(/cannot reach/) },
    });
    expect(byName['fleet-off'].error.hint).toBeTruthy();
    const text = await cli('analyze', '--all-clusters');
    expect(text.out).toMatch(/Cluster fleet-live\n/);
    expect(text.out).toMatch(/Cluster fleet-off: OFFLINE\n +cannot reach/);
    expect(text.out).not.toMatch(/no problems/i);

    const one = await cli('analyze', '--cluster', 'fleet-live', '-o', 'json');
    expect(one.code).toBe(1);
    expect(JSON.parse(one.out).problems.length).toBeGreaterThan(0);
    const nowhere = await cli('analyze', '--cluster', 'fleet-live', '-n', 'nowhere');
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toContain('nowhere');
    const offline = await cli('analyze', '--cluster', 'fleet-off');
    expect(offline.code).toBe(2);
    expect(offline.err).toMatch(/cannot reach/);
    const unknown = await cli('analyze', '--cluster', 'no-such');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('neither registered nor a kubeconfig context');
  });

  it('gets objects of a registered cluster and of a kubeconfig context by --cluster alike', async () => {
    expect(
      (await cli('clusters', 'add', 'get-reg', '--kubeconfig', kubeconfig, '--context', 'opspilot-sim')).code,
    ).toBe(0);
    const registered = await cli('get', 'pods', '-A', '--cluster', 'get-reg');
    const context = await cli('get', 'pods', '-A', '--kubeconfig', kubeconfig, '--cluster', 'opspilot-sim');
    expect(registered.code).toBe(0);
    expect(context.code).toBe(0);
    const names = (out: string) => out.split('\n').map((l) => l.split(/ +/).slice(0, 2).join(' '));
    expect(names(context.out)).toEqual(names(registered.out));
    expect(registered.out.split('\n')[0]).toMatch(/^NAMESPACE +NAME +READY +STATUS/);
  });
});
