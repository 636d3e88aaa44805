import { readFileSync } from 'node:fs';
import { type ClusterGateway, type Event, ManualClock } from '@opspilot/core';
import { createClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { openTestStore, type TestStore } from '@opspilot/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubRunOf } from './githubRun.js';
import { gitlabRunOf } from './gitlabRun.js';
import { recordDeployments } from './recordDeployments.js';
import { recordRun } from './recordRun.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

let sim: SimCluster;
let gateway: ClusterGateway;
let t: TestStore;
let clusterId: string;
const clock = new ManualClock(new Date('2026-11-30T10:00:00Z'));
const events: Event[] = [];
const bus = {
  publish: async (e: Event) => void events.push(e),
  subscribe: () => () => undefined,
  close: async () => undefined,
};

beforeAll(async () => {
  sim = await startSimCluster({ clock });
  gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig, clock });
  t = await openTestStore('sqlite');
  clusterId = (await t.store.clusters.create({ name: 'sim', api_server_url: 'https://sim.example.com' })).id;
  await gateway.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
}, 60_000);

afterAll(async () => {
  await t?.cleanup();
  await sim?.stop();
});

function deployment(name: string, image: string, annotations: Record<string, string> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'shop', labels: { 'app.kubernetes.io/name': name, 'helm.sh/chart': `${name}-0.3.1` } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name }, annotations },
        spec: { containers: [{ name, image }] },
      },
    },
  };
}

const deps = () => ({ gateway, records: t.store, clusterId, now: () => clock.now(), events: bus });

describe('recordRun and recordDeployments', () => {
  it('keeps one run per key and does not let a late "in progress" delivery undo a finished run', async () => {
    const done = githubRunOf('workflow_run', fixture('github-workflow_run-completed'));
    if (!done.ok || !done.value) throw new Error('fixture');
    const first = await recordRun({ records: t.store, now: () => clock.now(), events: bus }, done.value);
    expect(first.created).toBe(true);
    const late = await recordRun(
      { records: t.store, now: () => clock.now() },
      { ...done.value, status: 'RUNNING', finished_at: undefined, duration_ms: undefined },
    );
    expect(late).toMatchObject({ created: false, run: { id: first.run.id, status: 'SUCCEEDED' } });
    expect(events.filter((e) => e.event_type === 'PIPELINE_RUN_RECORDED')).toHaveLength(1);
  });

  it('links a rollout to the run that built its commit-tagged image, and a roll back', async () => {
    await gateway.apply(deployment('todo', 'ghcr.io/acme/todo:3f2a9c1'));
    const [rolled] = await recordDeployments(deps(), { namespace: 'shop' });
    const run = (await t.store.ciRuns.list({ run_key: 'github:acme/todo:workflow_run:7301450221' })).items[0]!;
    expect(rolled).toMatchObject({
      service: 'todo',
      workload: 'todo',
      images: ['ghcr.io/acme/todo:3f2a9c1'],
      image_tag: '3f2a9c1',
      commit_sha: '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39',
      chart: 'todo-0.3.1',
      run_id: run.id,
      link: 'commit',
      rollback: false,
    });
    expect(await recordDeployments(deps(), { namespace: 'shop' })).toEqual([]);

    clock.advance(3_600_000);
    await gateway.apply(deployment('todo', 'ghcr.io/acme/todo:sha-0badc0de1'));
    const [next] = await recordDeployments(deps(), { namespace: 'shop' });
    expect(next).toMatchObject({ commit_sha: '0badc0de1', rollback: false });
    expect(next!.run_id).toBeUndefined();

    clock.advance(600_000);
    await gateway.apply(deployment('todo', 'ghcr.io/acme/todo:3f2a9c1'));
    const [back] = await recordDeployments(deps(), { namespace: 'shop' });
    expect(back).toMatchObject({ rollback: true, run_id: run.id });
    expect(events.filter((e) => e.event_type === 'DEPLOYMENT_RECORDED').map((e) => e.payload.rollback)).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('links a release-tagged image to its tag pipeline, and a commit annotation to its run', async () => {
    const pipeline = gitlabRunOf('Pipeline Hook', fixture('gitlab-pipeline-hook'));
    if (!pipeline.ok || !pipeline.value) throw new Error('fixture');
    const stored = await recordRun({ records: t.store, now: () => clock.now() }, pipeline.value);
    await gateway.apply(deployment('billing', 'registry.example.com/platform/billing:1.4.2'));
    await gateway.apply(
      deployment('worker', 'registry.example.com/platform/worker:latest', {
        'opspilot.io/commit-sha': '8d1e0c5b9a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d',
      }),
    );
    const made = await recordDeployments(deps(), { namespace: 'shop' });
    const byName = Object.fromEntries(made.map((d) => [d.workload, d]));
    expect(byName.billing).toMatchObject({ run_id: stored.run.id, link: 'tag', commit_sha: stored.run.commit_sha });
    expect(byName.worker).toMatchObject({ run_id: stored.run.id, link: 'commit' });
  });
});
