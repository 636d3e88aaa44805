import { readFileSync } from 'node:fs';
import type { Event } from '@opspilot/core';
import { githubSignatureOf } from '@opspilot/delivery';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../packages/delivery/src/runs/__fixtures__/${name}.json`, import.meta.url), 'utf8');
const junit = readFileSync(
  new URL('../../../../packages/delivery/src/tests/__fixtures__/nested-suites.xml', import.meta.url),
  'utf8',
);

const GITHUB_SECRET = 'gh-webhook-secret-0123456789';
const GITLAB_SECRET = 'gl-webhook-token-0123456789';

describe('CI webhooks, runs, DORA and tests over HTTP', () => {
  let t: TestApi;
  const events: Event[] = [];
  beforeAll(async () => {
    t = await startTestApi();
    t.services.bus.subscribe({ event_types: ['PIPELINE_RUN_RECORDED', 'TEST_REPORT_INGESTED'] }, (e) => {
      events.push(e);
    });
  });
  afterAll(async () => t?.close());

  const github = (body: string, headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/webhooks/github',
      headers: { 'content-type': 'application/json', 'x-github-event': 'workflow_run', ...headers },
      payload: body,
    });
  const gitlab = (body: string, headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/webhooks/gitlab',
      headers: { 'content-type': 'application/json', ...headers },
      payload: body,
    });
  const deliveries = async () => (await t.store.webhookDeliveries.list({})).total;

  it('refuses deliveries while no secret is configured, and lets only admins set one', async () => {
    const body = fixture('github-workflow_run-completed');
    const refused = await github(body, { 'x-hub-signature-256': githubSignatureOf(GITHUB_SECRET, body) });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().message).toContain('no github webhook secret is configured');
    const viewer = await t.rest('POST', '/delivery/webhook-secrets', t.users.operator.token, {
      provider: 'GITHUB',
      secret: GITHUB_SECRET,
    });
    expect(viewer.statusCode).toBe(403);
    for (const [provider, secret] of [
      ['GITHUB', GITHUB_SECRET],
      ['GITLAB', GITLAB_SECRET],
    ]) {
      const set = await t.rest('POST', '/delivery/webhook-secrets', t.users.admin.token, { provider, secret });
      expect(set.statusCode).toBe(200);
      expect(JSON.stringify(set.json())).not.toContain(secret);
    }
    expect(await deliveries()).toBe(0);
  });

  it('refuses a missing or wrong GitHub signature with 401 and stores nothing', async () => {
    const body = fixture('github-workflow_run-completed');
    const missing = await github(body, { 'x-github-delivery': 'd-1' });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().message).toContain('X-Hub-Signature-256');
    const wrong = await github(body, {
      'x-github-delivery': 'd-1',
      'x-hub-signature-256': githubSignatureOf('nope', body),
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().message).toContain('does not match');
    const tampered = await github(body.replace('"success"', '"failure"'), {
      'x-github-delivery': 'd-1',
      'x-hub-signature-256': githubSignatureOf(GITHUB_SECRET, body),
    });
    expect(tampered.statusCode).toBe(401);
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/webhooks/github',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-github-event': 'workflow_run' },
      payload: `payload=${encodeURIComponent(body)}`,
    });
    expect(form.statusCode).toBe(415);
    expect(await deliveries()).toBe(0);
    expect((await t.store.ciRuns.list({})).total).toBe(0);
  });

  it('stores a signed workflow_run once, audits it, and answers a redelivery as a duplicate', async () => {
    const body = fixture('github-workflow_run-completed');
    const headers = {
      'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
      'x-hub-signature-256': githubSignatureOf(GITHUB_SECRET, body),
    };
    const first = await github(body, headers);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ status: 'SUCCEEDED', created: true });
    const again = await github(body, headers);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ duplicate: true, delivery: headers['x-github-delivery'] });
    expect((await t.store.ciRuns.list({})).total).toBe(1);
    const audit = await t.store.audit.list({ action: 'delivery.run.created' });
    expect(audit.items[0]).toMatchObject({ user_id: 'webhook:github', target: `pipeline_run/${first.json().run_id}` });
    expect(events.filter((e) => e.event_type === 'PIPELINE_RUN_RECORDED')).toHaveLength(1);
  });

  it('takes GitLab pipeline and job hooks with the right token only', async () => {
    const pipeline = fixture('gitlab-pipeline-hook');
    const wrong = await gitlab(pipeline, { 'x-gitlab-event': 'Pipeline Hook', 'x-gitlab-token': 'guess' });
    expect(wrong.statusCode).toBe(401);
    const ok = await gitlab(pipeline, {
      'x-gitlab-event': 'Pipeline Hook',
      'x-gitlab-token': GITLAB_SECRET,
      'x-gitlab-event-uuid': '2b8c7c3e-6d41-4a5f-9a1e-1c1f0e6c0001',
    });
    expect(ok.statusCode).toBe(202);
    const job = await gitlab(fixture('gitlab-job-hook'), {
      'x-gitlab-event': 'Job Hook',
      'x-gitlab-token': GITLAB_SECRET,
      'x-gitlab-event-uuid': '2b8c7c3e-6d41-4a5f-9a1e-1c1f0e6c0002',
    });
    expect(job.statusCode).toBe(202);
    const shown = await t.rest('GET', `/delivery/runs/${ok.json().run_id}`, t.users.viewer.token);
    expect(shown.json()).toMatchObject({
      run: { provider: 'GITLAB', kind: 'PIPELINE', ref: 'v1.4.2' },
      jobs: [{ kind: 'JOB', pipeline: 'test/unit', status: 'FAILED' }],
    });
    const listed = await t.rest('GET', '/delivery/runs?provider=GITLAB', t.users.viewer.token);
    expect(listed.json().total).toBe(2);
    const byCommit = await t.rest('GET', '/delivery/runs?commit=3f2a9c1', t.users.viewer.token);
    expect(byCommit.json().items.map((r: { repository: string }) => r.repository)).toEqual(['acme/todo']);
  });

  it('computes DORA figures from recorded deployments and incidents', async () => {
    const cluster = (
      await t.rest('POST', '/clusters', t.users.admin.token, { name: 'shop-prod', api_server_url: 'https://10.0.0.2' })
    ).json();
    const [run] = (await t.store.ciRuns.list({ provider: 'GITHUB' })).items;
    const at = (h: number) => new Date(Date.parse('2026-03-01T10:00:00Z') - h * 3_600_000).toISOString();
    const base = {
      cluster_id: cluster.id,
      namespace: 'shop',
      workload_kind: 'Deployment' as const,
      workload: 'todo',
      service: 'todo',
    };
    await t.store.deploymentRecords.create({ ...base, images: ['todo:3f2a9c1'], run_id: run!.id, deployed_at: at(48) });
    await t.store.deploymentRecords.create({ ...base, images: ['todo:0badc0de1'], deployed_at: at(24) });
    await t.store.deploymentRecords.create({ ...base, images: ['todo:3f2a9c1'], rollback: true, deployed_at: at(23) });
    await t.store.incidents.create({
      cluster_id: cluster.id,
      title: 'todo errors',
      severity: 'HIGH',
      status: 'RESOLVED',
      detected_at: at(47),
      resolved_at: at(46),
      affected_resources: [{ kind: 'Deployment', namespace: 'shop', name: 'todo' }],
    });
    // A viewer without a grant on the cluster sees no figures of it.
    expect((await t.rest('GET', '/delivery/dora?days=7', t.users.viewer.token)).json().groups).toEqual([]);
    const dora = await t.rest('GET', '/delivery/dora?days=7', t.users.admin.token);
    expect(dora.statusCode).toBe(200);
    const [todo] = dora.json().groups;
    // The linked run's commit is dated after the deployment here, so no lead time is counted (never negative).
    expect(todo).toMatchObject({
      key: 'shop/todo',
      deployments: 2,
      rollbacks: 1,
      change_failure_rate: 1,
      lead_time_hours: { median: null, samples: 0 },
      time_to_restore_hours: { median: 1, samples: 1, open_incidents: 0 },
    });
  });

  it('ingests a JUnit report, lists flaky tests, and says when prediction lacks data', async () => {
    const r = await t.rest('POST', '/delivery/tests', t.users.operator.token, {
      pipeline: 'CI',
      run: '7301450221',
      changed_files: ['api/src/user.ts'],
      xml: junit,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      tests: 6,
      failures: 1,
      errors: 1,
      skipped: 1,
      commit_sha: '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39',
    });
    const again = await t.rest('POST', '/delivery/tests', t.users.operator.token, {
      pipeline: 'CI',
      run: '7301450221-retry',
      commit_sha: '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39',
      xml: junit.replace(/<failure[\s\S]*?<\/failure>/, ''),
    });
    expect(again.statusCode).toBe(200);
    const flaky = await t.rest('GET', '/delivery/tests/flaky?pipeline=CI', t.users.viewer.token);
    expect(flaky.json().tests).toEqual([
      expect.objectContaining({
        test_id: 'api/src/user.test.ts > UserService > rejects a duplicate email',
        reason: 'same-commit',
      }),
    ]);
    const bad = await t.rest('POST', '/delivery/tests', t.users.operator.token, {
      pipeline: 'CI',
      run: '9',
      xml: '<testsuites><oops>',
    });
    expect(bad.statusCode).toBe(400);
    const predicted = await t.rest('POST', '/delivery/tests/predictions', t.users.viewer.token, {
      pipeline: 'CI',
      changed_files: ['api/src/user.ts'],
    });
    expect(predicted.json()).toMatchObject({
      status: 'not enough data',
      risk: null,
      evaluation: { status: 'not enough data' },
    });
    expect(events.filter((e) => e.event_type === 'TEST_REPORT_INGESTED')).toHaveLength(2);
  });
});
