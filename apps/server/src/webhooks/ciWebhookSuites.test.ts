import { readFileSync } from 'node:fs';
import type { Event } from '@opspilot/core';
import { githubSignatureOf } from '@opspilot/delivery';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.js';

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../../packages/delivery/src/runs/__fixtures__/${name}.json`, import.meta.url), 'utf8'),
  ) as Record<string, Record<string, unknown>>;

const SECRET = 'gh-webhook-secret-0123456789';

/** The fixture's workflow run and the check suite GitHub sends for it, in repository `repo`. */
function payloads(repo: string) {
  const run = fixture('github-workflow_run-completed');
  run.repository!.full_name = repo;
  const suite = fixture('github-check_suite-completed');
  suite.repository!.full_name = repo;
  suite.check_suite!.conclusion = 'success';
  suite.check_suite!.updated_at = '2026-11-30T09:19:42Z';
  return { workflow_run: JSON.stringify(run), check_suite: JSON.stringify(suite) };
}

describe.each(['sqlite', 'postgres'] as const)('GitHub check suites and late runs over HTTP on %s', (dialect) => {
  let t: TestApi;
  const events: Event[] = [];
  beforeAll(async () => {
    t = await startTestApi({ dialect });
    t.services.bus.subscribe({ event_types: ['PIPELINE_RUN_RECORDED', 'DEPLOYMENT_LINKED'] }, (e) => {
      events.push(e);
    });
    const set = await t.rest('POST', '/delivery/webhook-secrets', t.users.admin.token, {
      provider: 'GITHUB',
      secret: SECRET,
    });
    expect(set.statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  const deliver = (event: 'workflow_run' | 'check_suite', body: string, id: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/webhooks/github',
      headers: {
        'content-type': 'application/json',
        'x-github-event': event,
        'x-github-delivery': id,
        'x-hub-signature-256': githubSignatureOf(SECRET, body),
      },
      payload: body,
    });
  const runsOf = async (repo: string) =>
    (await t.rest('GET', `/delivery/runs?repository=${encodeURIComponent(repo)}`, t.users.viewer.token)).json();

  it.each([
    ['check_suite', 'workflow_run'],
    ['workflow_run', 'check_suite'],
  ] as const)('keeps one run when %s arrives before %s, audits the merge, and takes redeliveries', async (a, b) => {
    const repo = `acme/${a}-first`;
    const p = payloads(repo);
    const first = await deliver(a, p[a], `${repo}-1`);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ created: true, linked_deployments: [] });
    const second = await deliver(b, p[b], `${repo}-2`);
    expect(second.statusCode).toBe(202);
    expect(second.json()).toMatchObject({ run_id: first.json().run_id, created: false, merged_kind: b.toUpperCase() });
    // the same delivery again is a duplicate; the same payload under a new delivery id changes nothing
    expect((await deliver(b, p[b], `${repo}-2`)).json()).toMatchObject({ duplicate: true });
    expect((await deliver(a, p[a], `${repo}-3`)).json()).toMatchObject({ run_id: first.json().run_id, created: false });
    const runs = await runsOf(repo);
    expect(runs.total).toBe(1);
    expect(runs.items[0]).toMatchObject({
      kind: 'WORKFLOW_RUN',
      pipeline: 'CI',
      status: 'SUCCEEDED',
      suite_key: `github:${repo}:check_suite:19004417733`,
      finished_at: '2026-11-30T09:19:42.000Z',
    });
    const audit = (await t.store.audit.list({ target: `pipeline_run/${first.json().run_id}` }, { page_size: 10 }))
      .items;
    expect(audit.map((e) => e.action).sort()).toEqual([
      'delivery.run.created',
      'delivery.run.updated',
      'delivery.run.updated',
    ]);
    expect(audit.find((e) => e.details.delivery === `${repo}-2`)?.details).toMatchObject({
      merged_kind: b.toUpperCase(),
      suite_key: `github:${repo}:check_suite:19004417733`,
    });
  });

  it("folds a re-run attempt's check suite, delivered first, into the workflow run and audits it", async () => {
    const repo = 'acme/rerun';
    const p = payloads(repo);
    const first = (await deliver('workflow_run', p.workflow_run, `${repo}-1`)).json();
    const suite2 = JSON.parse(p.check_suite);
    suite2.check_suite.id = 19004417800;
    suite2.check_suite.created_at = '2026-11-30T11:00:01Z';
    suite2.check_suite.updated_at = '2026-11-30T11:06:00Z';
    const alone = (await deliver('check_suite', JSON.stringify(suite2), `${repo}-2`)).json();
    expect(alone).toMatchObject({ created: true });
    const attempt2 = JSON.parse(p.workflow_run);
    Object.assign(attempt2.workflow_run, {
      run_attempt: 2,
      check_suite_id: 19004417800,
      run_started_at: '2026-11-30T11:00:00Z',
      updated_at: '2026-11-30T11:05:59Z',
    });
    const folded = await deliver('workflow_run', JSON.stringify(attempt2), `${repo}-3`);
    expect(folded.json()).toMatchObject({ run_id: first.run_id, created: false });
    const runs = await runsOf(repo);
    expect(runs.total).toBe(1);
    expect(runs.items[0]).toMatchObject({
      suite_key: `github:${repo}:check_suite:19004417800`,
      started_at: '2026-11-30T11:00:00.000Z',
      finished_at: '2026-11-30T11:06:00.000Z',
    });
    const [entry] = (
      await t.store.audit.list({ target: `pipeline_run/${first.run_id}` }, { page_size: 10 })
    ).items.filter((e) => e.details.delivery === `${repo}-3`);
    expect(entry?.details).toMatchObject({ folded_run_id: alone.run_id });
  });

  it('links a deployment recorded before its run came, audits the link, and DORA counts it once', async () => {
    const cluster = (
      await t.rest('POST', '/clusters', t.users.admin.token, { name: 'late-prod', api_server_url: 'https://10.0.0.9' })
    ).json();
    const deployed = await t.store.deploymentRecords.create({
      cluster_id: cluster.id,
      namespace: 'shop',
      workload_kind: 'Deployment',
      workload: 'todo',
      service: 'todo',
      images: ['ghcr.io/acme/todo:3f2a9c1'],
      image_tag: '3f2a9c1',
      commit_sha: '3f2a9c1',
      deployed_at: '2026-11-30T10:00:00.000Z',
    });
    const before = await t.rest(
      'GET',
      '/delivery/dora?days=7&to=2026-12-01T00:00:00.000Z&cluster=late-prod',
      t.users.admin.token,
    );
    expect(before.json().groups[0]).toMatchObject({ deployments: 1, lead_time_hours: { samples: 0 } });
    const p = payloads('acme/todo');
    const late = await deliver('workflow_run', p.workflow_run, 'late-1');
    expect(late.json()).toMatchObject({ created: true, linked_deployments: [deployed.id] });
    // its check suite coming after changes no link
    expect((await deliver('check_suite', p.check_suite, 'late-2')).json()).toMatchObject({ linked_deployments: [] });
    expect(await t.store.deploymentRecords.get(deployed.id)).toMatchObject({
      run_id: late.json().run_id,
      link: 'commit',
      commit_sha: '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39',
    });
    const [linkAudit] = (await t.store.audit.list({ action: 'delivery.deployment.linked' })).items;
    expect(linkAudit).toMatchObject({
      user_id: 'webhook:github',
      target: `deployment/${deployed.id}`,
      cluster_id: cluster.id,
      details: { run_id: late.json().run_id, link: 'commit', workload: 'shop/todo' },
    });
    expect(events.filter((e) => e.event_type === 'DEPLOYMENT_LINKED')).toHaveLength(1);
    const after = await t.rest(
      'GET',
      '/delivery/dora?days=7&to=2026-12-01T00:00:00.000Z&cluster=late-prod',
      t.users.admin.token,
    );
    expect(after.json().groups).toHaveLength(1);
    expect(after.json().groups[0]).toMatchObject({
      deployments: 1,
      lead_time_hours: { median: 1.03, samples: 1 },
    });
  });

  it('filters DORA by cluster name, and names the registered clusters for an unknown one', async () => {
    const other = await t.rest(
      'GET',
      '/delivery/dora?days=7&to=2026-12-01T00:00:00.000Z&cluster=nowhere',
      t.users.admin.token,
    );
    expect(other.statusCode).toBe(404);
    expect(other.json().message).toContain(
      'no registered cluster named nowhere; registered clusters you can see: late-prod',
    );
    const bad = await t.rest('GET', '/delivery/dora?cluster=%20bad%20name', t.users.admin.token);
    expect(bad.statusCode).toBe(400);
    // a viewer without a grant is told of no cluster it cannot see
    const viewer = await t.rest('GET', '/delivery/dora?cluster=late-prod', t.users.viewer.token);
    expect(viewer.statusCode).toBe(404);
    expect(viewer.json().message).toContain('registered clusters you can see: none');
  });
});
