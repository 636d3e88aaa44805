import type { Event } from '@opspilot/core';
import { formatKubectlRows } from '@opspilot/fleet';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock, createKubectl } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/index.js';

describe('the cluster browser API on a simulated cluster', { timeout: 180_000 }, () => {
  let t: TestApi;
  let sim: SimCluster;
  let clusterId: string;
  const events: Event[] = [];
  beforeAll(async () => {
    t = await startTestApi();
    t.services.bus.subscribe({ event_types: ['RESOURCES_CHANGED'] }, (e) => {
      events.push(e);
    });
    sim = await startSimCluster({ scenario: 'broken', clock: t.clock });
    await t.services.fleet.start();
    const registered = await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'sim-browse',
      api_server_url: sim.url,
      kubeconfig: sim.kubeconfig,
    });
    clusterId = registered.json().id;
    // Three minutes of cluster life: pods start, crash, back off and restart; then time stands still for both sides.
    await advanceClock(t.clock, 180_000, 5_000);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    void sim?.stop();
  });

  const get = async (path: string) => (await t.rest('GET', path, t.users.admin.token)).json();

  it('lists pods exactly as the real kubectl get pods -A (and -o wide) prints them on the same cluster', async () => {
    const kubectl = createKubectl(sim.kubeconfig);
    const wide = await kubectl(['get', 'pods', '-A', '-o', 'wide']);
    const plain = await kubectl(['get', 'pods', '-A']);
    expect(wide.code).toBe(0);
    const browse = async () => {
      const { table } = await get(`/fleet/objects?cluster=${clusterId}&kind=pods`);
      return `${formatKubectlRows([table.columns, ...table.rows])}\n`;
    };
    await expect.poll(browse, { timeout: 60_000 }).toBe(wide.stdout);
    const { table } = await get(`/fleet/objects?cluster=${clusterId}&kind=pods`);
    const upToAge = table.columns.indexOf('AGE') + 1;
    const narrow = [table.columns, ...table.rows].map((row: string[]) => row.slice(0, upToAge));
    expect(`${formatKubectlRows(narrow)}\n`).toBe(plain.stdout);
    expect(plain.stdout).toMatch(/CrashLoopBackOff|ImagePullBackOff|ErrImagePull/);
    expect(table.refs).toHaveLength(table.rows.length);
    expect(table.refs[0]).toMatchObject({ kind: 'Pod', name: table.rows[0][1], namespace: table.rows[0][0] });
    const bounded = await get(`/fleet/objects?cluster=${clusterId}&kind=pods&limit=2`);
    expect(bounded).toMatchObject({ total: table.rows.length, truncated: true });
    expect(bounded.table.rows).toEqual(table.rows.slice(0, 2));
  });

  it('opens an object with its YAML, events, related objects and findings, and summarises the fleet', async () => {
    // The analyzers run on the live model a debounce after it changes: move time on until they have.
    const findings = async () => {
      await t.clock.advance(1_000);
      return (await get(`/fleet/findings?cluster=${clusterId}`)).items as { resource: { kind: string } }[];
    };
    await expect.poll(async () => (await findings()).some((f) => f.resource.kind === 'Pod')).toBe(true);
    const finding = (await findings()).find((f) => f.resource.kind === 'Pod') as unknown as {
      id: string;
      resource: { kind: string; name: string; namespace: string };
    };
    const { name, namespace } = finding.resource;
    const opened = await get(`/fleet/object?cluster=${clusterId}&kind=pod&name=${name}&namespace=${namespace}`);
    expect(opened.yaml).toContain(`name: ${name}`);
    expect(opened.findings.map((f: { id: string }) => f.id)).toContain(finding.id);
    expect(opened.events.columns).toEqual(['NAMESPACE', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE', 'COUNT', 'LAST SEEN']);
    expect(opened.events.rows.length).toBeGreaterThan(0);
    expect(opened.related.map((r: { relation: string }) => r.relation)).toContain('owner');
    const missing = await t.rest(
      'GET',
      `/fleet/object?cluster=${clusterId}&kind=pod&name=nothing&namespace=${namespace}`,
      t.users.admin.token,
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toContain('pod "nothing" in namespace');

    const { clusters } = await get('/fleet/overview');
    const summary = clusters.find((c: { name: string }) => c.name === 'sim-browse');
    expect(summary.counts.namespaces).toBeGreaterThan(0);
    expect(summary.counts.pods).toBe((await get(`/fleet/objects?cluster=${clusterId}&kind=pods`)).total);
    expect(summary.top_findings.length).toBeGreaterThan(0);
    expect(summary.top_findings.length).toBeLessThanOrEqual(3);
    expect(summary.health_score).toBeLessThan(100);
    // Operators without a grant for the cluster do not see it.
    const hidden = await t.rest('GET', '/fleet/overview', t.users.operator.token);
    expect(hidden.json().clusters.map((c: { name: string }) => c.name)).not.toContain('sim-browse');
  });

  it('gives each live problem the first sighting and run count that analysis runs stored', async () => {
    type Sighting = { finding_id: string; identity: string; first_seen: string; runs: number; count: number };
    const live = async () => {
      // Past the 30 s the stored sightings are read for, with the cluster changing meanwhile.
      await advanceClock(t.clock, 31_000, 5_000);
      return (await get(`/fleet/findings?cluster=${clusterId}`)) as { items: { id: string }[]; sightings: Sighting[] };
    };
    const first = await live();
    const sighting = first.sightings[0]!;
    expect(first.items.map((f) => f.id)).toContain(sighting.finding_id);
    expect(sighting.count).toBeGreaterThan(0);
    // An analysis run recorded this cause long ago (say, before a restart).
    await t.services.store.findingSightings.record(clusterId, [
      {
        identity: sighting.identity,
        class: sighting.identity.split(':')[0]!,
        root_kind: 'Pod',
        root_name: 'earlier',
        first_seen: '2020-01-01T00:00:00.000Z',
        last_seen: '2020-01-01T00:00:00.000Z',
      },
    ]);
    const stored = async () => (await live()).sightings.find((s) => s.identity === sighting.identity);
    await expect.poll(async () => (await stored())?.first_seen, { timeout: 60_000 }).toBe('2020-01-01T00:00:00.000Z');
    // One stored run plus the live one; the live model's re-analyses are not counted as runs.
    expect((await stored())?.runs).toBe(2);
    const { clusters } = await get('/fleet/overview');
    const summary = clusters.find((c: { name: string }) => c.name === 'sim-browse');
    expect(summary.top_sightings.length).toBe(summary.top_findings.length);
  });

  it('counts an analysis run in the live problems at once, without waiting for the stored sightings to be read again', async () => {
    type Sighting = { identity: string; runs: number; last_seen: string };
    const top = async () => {
      const { clusters } = await get('/fleet/overview');
      return clusters.find((c: { name: string }) => c.name === 'sim-browse').top_sightings as Sighting[];
    };
    const before = await top();
    expect(before.length).toBeGreaterThan(0);
    // The clock stands still: only the analysis run can make the counts move.
    for (let run = 1; run <= 2; run++) {
      const analysis = (await get(`/clusters/${clusterId}/analysis`)) as { problems: { identity?: string }[] };
      const analysed = new Set(analysis.problems.map((p) => p.identity));
      const after = await top();
      for (const b of before.filter((s) => analysed.has(s.identity))) {
        expect(after.find((s) => s.identity === b.identity)?.runs, b.identity).toBe(b.runs + run);
      }
      expect(before.some((s) => analysed.has(s.identity))).toBe(true);
    }
  });

  it('announces changes of the live objects as RESOURCES_CHANGED, gathered per cluster', async () => {
    const ours = () =>
      events
        .filter((e) => e.cluster_id === clusterId)
        .map((e) => e.payload as { kinds: string[]; changes: number; name: string });
    await expect.poll(() => ours().some((p) => p.kinds.includes('Pod'))).toBe(true);
    expect(ours().every((p) => p.name === 'sim-browse')).toBe(true);
    // Gathered: the initial list of dozens of objects came as a few events, not one per object.
    expect(ours().some((p) => p.changes > 1)).toBe(true);
  });
});
