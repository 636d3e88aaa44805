import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.js';
import { createIncidentServices } from './incidentServices.js';

describe('runbook runs across a server restart', () => {
  let t: TestApi;
  let sim: SimCluster;
  let clusterId: string;
  beforeAll(async () => {
    t = await startTestApi();
    sim = await startSimCluster({ scenario: 'demo', clock: t.clock });
    clusterId = (
      await t.rest('POST', '/clusters', t.users.admin.token, {
        name: 'sim',
        api_server_url: sim.url,
        kubeconfig: sim.kubeconfig,
      })
    ).json().id;
  });
  afterAll(async () => {
    await sim?.stop();
    await t?.close();
  });

  it('resumes a run started by hand on its own cluster, and ends one whose cluster is gone as interrupted', async () => {
    const started = await t.rest('POST', '/runbooks/scale-out/run', t.users.admin.token, {
      cluster_id: clusterId,
      input: { namespace: 'todo', workload: 'frontend' },
    });
    expect(started.statusCode, started.body).toBe(200);
    const run = started.json();
    expect(run).toMatchObject({ status: 'AWAITING_APPROVAL', cluster_id: clusterId });

    // The process died mid-run: the store says RUNNING. A second run names a cluster that was removed since.
    await t.store.runbookExecutions.update(run.id, { status: 'RUNNING' });
    const orphan = await t.store.runbookExecutions.create({
      runbook_id: run.runbook_id,
      cluster_id: '00000000-0000-4000-8000-000000000000',
      status: 'RUNNING',
      triggered_by: 'admin',
      step_results: [
        { step_id: 'status', status: 'SUCCEEDED', output: 'ok' },
        { step_id: 'scale', status: 'RUNNING', output: '' },
        { step_id: 'settle', status: 'PENDING', output: '' },
      ],
      input: { namespace: 'todo', workload: 'frontend' },
      started_at: t.clock.now().toISOString(),
    });

    const restarted = createIncidentServices(t.services);
    await restarted.start();
    restarted.stop();

    // Resumed on its cluster: the scale's operation still waits for review, so the run waits again (not RUNNING).
    const resumed = await t.store.runbookExecutions.get(run.id);
    expect(resumed.status).toBe('AWAITING_APPROVAL');
    expect(resumed.step_results.map((r) => r.status)).toEqual(['SUCCEEDED', 'RUNNING', 'PENDING']);

    const ended = await t.store.runbookExecutions.get(orphan.id);
    expect(ended.status).toBe('FAILED');
    expect(ended.finished_at).toBeDefined();
    expect(ended.step_results.map((r) => r.status)).toEqual(['SUCCEEDED', 'FAILED', 'SKIPPED']);
    expect(ended.step_results[1]?.error).toBe(
      'interrupted by a restart: cluster 00000000-0000-4000-8000-000000000000 is no longer registered',
    );
    const trail = (await t.rest('GET', '/audit?page_size=100', t.users.admin.token)).json().items;
    expect(
      trail.find((e: { action: string; target: string }) => e.target === `runbook-execution/${orphan.id}`),
    ).toMatchObject({ action: 'runbook.failed', details: { why: expect.stringMatching(/^interrupted by a restart/) } });
  });
});
