import { readFileSync } from 'node:fs';
import { type CiRun, type ClusterGateway, type Event, ManualClock, type NewCiRun } from '@opspilot/core';
import { createClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { openTestStore, type TestStore } from '@opspilot/store/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { doraReport } from './doraReport.js';
import { githubRunOf } from './githubRun.js';
import { linkLateRun } from './linkLateRun.js';
import { recordDeployments } from './recordDeployments.js';
import { recordRun } from './recordRun.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

function parsed(event: string, body: unknown): NewCiRun {
  const r = githubRunOf(event, body);
  if (!r.ok || !r.value) throw new Error(`fixture ${event}`);
  return r.value;
}

/** The `workflow_run` fixture and the `check_suite` delivery GitHub sends for the same run (its suite, a second later). */
const workflowRun = () => parsed('workflow_run', fixture('github-workflow_run-completed'));
function checkSuite(status: 'in_progress' | 'completed' = 'completed'): NewCiRun {
  const body = fixture('github-check_suite-completed') as { check_suite: Record<string, unknown> };
  body.check_suite.status = status;
  body.check_suite.conclusion = status === 'completed' ? 'success' : null;
  body.check_suite.updated_at = '2026-11-30T09:19:42Z';
  return parsed('check_suite', body);
}

/** A stored run without its row's own identity and time stamps: what both arrival orders must agree on. */
const shape = ({ id: _id, created_at: _c, updated_at: _u, ...rest }: CiRun) => rest;

let sim: SimCluster;
let gateway: ClusterGateway;
const clock = new ManualClock(new Date('2026-11-30T10:00:00Z'));

beforeAll(async () => {
  sim = await startSimCluster({ clock });
  gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig, clock });
}, 60_000);
afterAll(async () => {
  await sim?.stop();
});

describe.each(['sqlite', 'postgres'] as const)('one run per GitHub check suite, and late runs, on %s', (dialect) => {
  let t: TestStore | undefined;
  const events: Event[] = [];
  const bus = {
    publish: async (e: Event) => void events.push(e),
    subscribe: () => () => undefined,
    close: async () => undefined,
  };
  const deps = () => ({ records: t!.store, events: bus, now: () => clock.now() });
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
    events.length = 0;
  });

  async function both(order: 'workflow_run first' | 'check_suite first') {
    const deliveries = order === 'workflow_run first' ? [workflowRun(), checkSuite()] : [checkSuite(), workflowRun()];
    const first = await recordRun(deps(), deliveries[0]!);
    const second = await recordRun(deps(), deliveries[1]!);
    return { first, second };
  }

  it.each(['workflow_run first', 'check_suite first'] as const)(
    'stores a workflow_run and its check_suite as one run (%s), the same either way',
    async (order) => {
      t = await openTestStore(dialect);
      const { first, second } = await both(order);
      expect(first.created).toBe(true);
      expect(second).toMatchObject({ created: false, run: { id: first.run.id } });
      expect(second.merged_kind).toBe(order === 'workflow_run first' ? 'CHECK_SUITE' : 'WORKFLOW_RUN');
      const all = (await t.store.ciRuns.list({})).items;
      expect(all).toHaveLength(1);
      expect(shape(all[0]!)).toEqual({
        provider: 'GITHUB',
        kind: 'WORKFLOW_RUN',
        run_key: 'github:acme/todo:workflow_run:7301450221',
        external_id: '7301450221',
        suite_key: 'github:acme/todo:check_suite:19004417733',
        repository: 'acme/todo',
        pipeline: 'CI',
        status: 'SUCCEEDED',
        conclusion: 'success',
        commit_sha: '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39',
        commit_message: 'feat(api): add due dates to todos',
        commit_at: '2026-11-30T08:58:12.000Z',
        ref: 'main',
        tag: false,
        author: 'Mona Lisa',
        trigger: 'push',
        url: 'https://github.com/acme/todo/actions/runs/7301450221',
        stages: [],
        started_at: '2026-11-30T09:12:03.000Z',
        finished_at: '2026-11-30T09:19:42.000Z',
        duration_ms: 459_000,
      });
      const recorded = events.filter((e) => e.event_type === 'PIPELINE_RUN_RECORDED');
      expect(recorded.map((e) => e.payload.run_id)).toEqual([first.run.id, first.run.id]);
      expect(recorded[1]!.payload.merged_kind).toBe(second.merged_kind);
    },
  );

  it('changes nothing on a redelivery, and a late "in progress" suite does not undo the finished run', async () => {
    t = await openTestStore(dialect);
    const { first } = await both('check_suite first');
    const before = shape(await t.store.ciRuns.get(first.run.id));
    for (const again of [workflowRun(), checkSuite(), checkSuite('in_progress')]) {
      const r = await recordRun(deps(), again);
      expect(r).toMatchObject({ created: false, run: { id: first.run.id } });
    }
    expect((await t.store.ciRuns.list({})).total).toBe(1);
    expect(shape(await t.store.ciRuns.get(first.run.id))).toEqual(before);
  });

  it('stores one run when both deliveries arrive at the same moment', async () => {
    t = await openTestStore(dialect);
    const [a, b] = await Promise.all([recordRun(deps(), checkSuite()), recordRun(deps(), workflowRun())]);
    expect(a.run.id).toBe(b.run.id);
    const all = (await t.store.ciRuns.list({})).items;
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      kind: 'WORKFLOW_RUN',
      status: 'SUCCEEDED',
      finished_at: '2026-11-30T09:19:42.000Z',
    });
  });

  it("folds a re-run attempt's check suite, stored first, into the workflow run, moving its deployment", async () => {
    t = await openTestStore(dialect);
    const { second } = await both('workflow_run first');
    const suite2 = 'github:acme/todo:check_suite:19004417800';
    const attempt2Suite = await recordRun(deps(), {
      ...checkSuite(),
      run_key: suite2,
      external_id: '19004417800',
      suite_key: suite2,
      status: 'FAILED',
      conclusion: 'failure',
      started_at: '2026-11-30T11:00:01.000Z',
      finished_at: '2026-11-30T11:06:00.000Z',
    });
    expect(attempt2Suite.created).toBe(true);
    const clusterId = (await t.store.clusters.create({ name: 'fold', api_server_url: 'https://fold.example.com' })).id;
    const deployed = await t.store.deploymentRecords.create({
      cluster_id: clusterId,
      namespace: 'shop',
      workload_kind: 'Deployment',
      workload: 'todo',
      service: 'todo',
      images: ['ghcr.io/acme/todo:3f2a9c1'],
      run_id: attempt2Suite.run.id,
      link: 'commit',
      deployed_at: '2026-11-30T11:10:00.000Z',
    });
    const attempt2 = await recordRun(deps(), {
      ...workflowRun(),
      suite_key: suite2,
      status: 'RUNNING',
      conclusion: undefined,
      finished_at: undefined,
      duration_ms: undefined,
      started_at: '2026-11-30T11:00:00.000Z',
    });
    expect(attempt2).toMatchObject({
      created: false,
      run: { id: second.run.id },
      folded_run_id: attempt2Suite.run.id,
    });
    expect(events.at(-1)?.payload).toMatchObject({ run_id: second.run.id, folded_run_id: attempt2Suite.run.id });
    const all = (await t.store.ciRuns.list({})).items;
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      kind: 'WORKFLOW_RUN',
      suite_key: suite2,
      status: 'FAILED',
      conclusion: 'failure',
      started_at: '2026-11-30T11:00:00.000Z',
      finished_at: '2026-11-30T11:06:00.000Z',
      duration_ms: 360_000,
    });
    expect((await t.store.deploymentRecords.get(deployed.id)).run_id).toBe(second.run.id);
  });

  it('keeps check suites of other workflows on the same commit apart', async () => {
    t = await openTestStore(dialect);
    await recordRun(deps(), workflowRun());
    const other = checkSuite();
    await recordRun(deps(), {
      ...other,
      run_key: 'github:acme/todo:check_suite:19004417799',
      external_id: '19004417799',
      suite_key: 'github:acme/todo:check_suite:19004417799',
    });
    expect((await t.store.ciRuns.list({})).total).toBe(2);
  });

  it.each(['rollout first', 'run first'] as const)(
    'links the run to its rollout when the %s, and DORA counts the deployment once with its lead time',
    async (order) => {
      t = await openTestStore(dialect);
      const clusterId = (
        await t.store.clusters.create({ name: `sim-${order.split(' ')[0]}`, api_server_url: 'https://sim.example.com' })
      ).id;
      const ns = `late-${dialect}-${order.split(' ')[0]}`;
      await gateway.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
      await gateway.apply({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'todo', namespace: ns, labels: { 'app.kubernetes.io/name': 'todo' } },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'todo' } },
          template: {
            metadata: { labels: { app: 'todo' } },
            spec: { containers: [{ name: 'todo', image: 'ghcr.io/acme/todo:3f2a9c1' }] },
          },
        },
      });
      const observe = () => recordDeployments({ ...deps(), gateway, clusterId }, { namespace: ns });
      let runId: string;
      if (order === 'rollout first') {
        const [d] = await observe();
        expect(d).toMatchObject({ commit_sha: '3f2a9c1' });
        expect(d!.run_id).toBeUndefined();
        const { first, second } = await both('check_suite first');
        // the check suite alone already names the commit: linked on the first delivery, kept on the second
        const early = await linkLateRun(deps(), first.run);
        expect(early.map((l) => l.deployment.id)).toEqual([d!.id]);
        expect(await linkLateRun(deps(), second.run)).toEqual([]);
        runId = second.run.id;
        const linked = events.filter((e) => e.event_type === 'DEPLOYMENT_LINKED');
        expect(linked).toHaveLength(1);
        expect(linked[0]).toMatchObject({
          cluster_id: clusterId,
          namespace: ns,
          payload: {
            deployment_id: d!.id,
            run_id: runId,
            link: 'commit',
            commit_sha: '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39',
          },
        });
      } else {
        const { second } = await both('workflow_run first');
        runId = second.run.id;
        await observe();
      }
      const deployments = (await t.store.deploymentRecords.list({ cluster_id: clusterId })).items;
      expect(deployments).toHaveLength(1);
      expect(deployments[0]).toMatchObject({
        run_id: runId,
        link: 'commit',
        commit_sha: '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39',
      });
      const report = await doraReport(t.store, {
        from: new Date('2026-11-23T10:00:00Z'),
        to: new Date('2026-11-30T11:00:00Z'),
        groupBy: 'service',
        clusterIds: [clusterId],
      });
      expect(report.groups).toHaveLength(1);
      expect(report.groups[0]).toMatchObject({
        deployments: 1,
        // deployed 10:00, committed 08:58:12
        lead_time_hours: { median: 1.03, samples: 1 },
      });
    },
  );
});
