import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { generateFromProject } from '@opspilot/manifests';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/index.js';

const todo = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  '..',
  'packages',
  'manifests',
  'src',
  '__fixtures__',
  'todo-app',
);
const walk = (d: string): string[] =>
  readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
const projectFiles = walk(todo).map((p) => ({ path: relative(todo, p), content: readFileSync(p, 'utf8') }));
const values = {
  secret: { create: true },
  apps: { backend: { image: { tag: '1.1' } }, frontend: { image: { tag: '1.1' } } },
};

describe('the delivery router: generated charts released with helm through review', () => {
  let t: TestApi;
  let sim: SimCluster;
  let clusterId: string;
  let chartYamlId: string;

  beforeAll(async () => {
    t = await startTestApi();
    sim = await startSimCluster({ clock: t.clock });
    const registered = await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'sim-delivery',
      api_server_url: sim.url,
      kubeconfig: sim.kubeconfig,
    });
    clusterId = registered.json().id;
    for (const who of ['viewer', 'operator', 'approver'] as const)
      await t.rest('POST', `/users/${t.users[who].user.id}/clusters/${clusterId}`, t.users.admin.token, {});
    const r = generateFromProject('helm-chart', projectFiles, { name: 'todo' });
    if (!r.ok) throw r.error;
    const command = await t.store.aiCommands.create({
      command_type: 'OPSPILOT',
      natural_language_input: 'generate helm-chart --from todo',
      generated_output: '',
      validation_status: 'NEEDS_REVIEW',
      user_id: 'operator',
    });
    for (const f of r.value.files) {
      const c = await t.store.generatedConfigs.create({
        ai_command_id: command.id,
        file_path: f.path,
        content: f.content,
        generator_tool: 'opspilot-generate',
        resource_type: f.resourceType,
      });
      for (const s of ['VALIDATION', 'NEEDS_REVIEW', 'APPROVED'] as const)
        await t.store.generatedConfigs.transition(c.id, s);
      if (f.path.endsWith('Chart.yaml')) chartYamlId = c.id;
    }
  });
  afterAll(async () => {
    await sim?.stop();
    await t?.close();
  });

  it('proposes, needs another approver, installs, verifies, and lists the release history', async () => {
    const body = {
      generated_config_id: chartYamlId,
      cluster_id: clusterId,
      namespace: 'todo',
      values,
      timeout_seconds: 120,
    };
    expect((await t.rest('POST', '/delivery/charts', t.users.viewer.token, body)).statusCode).toBe(403);
    const proposed = await t.rest('POST', '/delivery/charts', t.users.operator.token, body);
    expect(proposed.statusCode, proposed.body).toBe(200);
    const op = proposed.json();
    expect(op).toMatchObject({ state: 'NEEDS_REVIEW', proposed_by: 'operator' });
    expect(op.diff).toContain('apps.v1.Deployment.todo.backend');
    expect((await t.rest('POST', `/delivery/charts/${op.id}/apply`, t.users.operator.token, {})).statusCode).toBe(409);
    expect((await t.rest('POST', `/delivery/charts/${op.id}/approve`, t.users.approver.token, {})).json().state).toBe(
      'APPROVED',
    );
    let settled = false;
    const applying = t.rest('POST', `/delivery/charts/${op.id}/apply`, t.users.operator.token, {}).finally(() => {
      settled = true;
    });
    while (!settled) await advanceClock(t.clock, 2000);
    const applied = await applying;
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ state: 'APPLIED' });
    expect(applied.json().result).toMatch(/Deployment\/frontend: 2\/2 available/);
    expect((await t.store.generatedConfigs.get(chartYamlId)).state).toBe('APPLIED');
    const history = await t.rest(
      'GET',
      `/delivery/releases/history?cluster_id=${clusterId}&namespace=todo&release=todo`,
      t.users.viewer.token,
    );
    expect(history.json()).toEqual([expect.objectContaining({ revision: 1, status: 'deployed', chart: 'todo-0.1.0' })]);
    // The Delivery page's list: the release with helm's status and the operation that made it.
    const releases = await t.rest(
      'GET',
      `/delivery/releases?cluster_id=${clusterId}&namespace=todo`,
      t.users.viewer.token,
    );
    expect(releases.statusCode, releases.body).toBe(200);
    expect(releases.json()).toEqual([
      expect.objectContaining({
        release: 'todo',
        namespace: 'todo',
        status: 'deployed',
        revision: 1,
        chart: 'todo-0.1.0',
        last_operation: expect.objectContaining({ id: applied.json().id, state: 'APPLIED', action: 'install' }),
      }),
    ]);
    expect(
      (await t.rest('GET', `/delivery/releases?cluster_id=${clusterId}&namespace=other`, t.users.viewer.token)).json(),
    ).toEqual([]);
  }, 240_000);

  it('generates a pipeline from project files and validates it', async () => {
    const r = await t.rest('POST', '/delivery/pipelines', t.users.operator.token, {
      files: projectFiles,
      ci: 'gitlab',
      name: 'todo',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ path: '.gitlab-ci.yml', valid: true, problems: [] });
  });
});
