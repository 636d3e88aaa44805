import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Event } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/index.js';

const SHOP = new URL(
  '../../../../../packages/manifests/src/generate/__fixtures__/monorepos/polyglot-shop/',
  import.meta.url,
).pathname;

/** The project's files as the web page uploads them. */
function readProject(dir: string): { path: string; content: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const path = join(e.parentPath, e.name);
      return { path: relative(dir, path), content: readFileSync(path, 'utf8') };
    });
}

describe('the manifests project procedures (services of a monorepo, generation for the chosen ones)', () => {
  let t: TestApi;
  const files = readProject(SHOP);
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lists a monorepo's services to a viewer, with folder, framework, port, probe and own Dockerfile", async () => {
    const r = await t.rest('POST', '/manifests/project/services', t.users.viewer.token, { files, name: 'shop' });
    expect(r.statusCode, r.body).toBe(200);
    const project = r.json();
    expect(project).toMatchObject({ name: 'shop', monorepo: true });
    expect(project.apps.map((a: { name: string }) => a.name).sort()).toEqual([
      'admin',
      'payments',
      'search',
      'server',
      'web',
    ]);
    expect(project.apps.find((a: { name: string }) => a.name === 'payments')).toMatchObject({
      path: 'services/payments',
      stack: 'go',
      port: 8070,
    });
    expect(project.apps.find((a: { name: string }) => a.name === 'search')).toMatchObject({
      dockerfile: 'services/search/Dockerfile',
      probe: 'tcp',
    });
    expect(project.notes[0]).toContain('postgres (postgres:16.4)');
  });

  it('generates a chart for the services chosen by name or folder, validated, audited and announced', async () => {
    const events: Event[] = [];
    t.services.bus.subscribe({ event_types: ['AUDIT_APPENDED', 'PLAN_STATE_CHANGED'] }, (e) => {
      events.push(e);
    });
    const r = await t.rest('POST', '/manifests/project/generate', t.users.operator.token, {
      files,
      target: 'helm-chart',
      name: 'shop',
      services: ['server', 'services/search'],
    });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.project.apps.map((a: { name: string }) => a.name)).toEqual(['server', 'search']);
    expect(body.files.map((f: { path: string }) => f.path)).toContain('charts/shop/Chart.yaml');
    const values = body.files.find((f: { path: string }) => f.path === 'charts/shop/values.yaml').content;
    expect(values).toContain('server:');
    expect(values).not.toContain('payments:');
    expect(body.validation.valid).toBe(true);
    expect(body.own_dockerfiles.files.map((f: { path: string }) => f.path)).toEqual(['services/search/Dockerfile']);
    expect(body.valid).toBe(true);
    const entry = (await t.store.audit.list({ user_id: t.users.operator.user.id })).items.find(
      (e) => e.action === 'manifests.generate_project',
    );
    expect(entry?.details).toMatchObject({ target: 'helm-chart', services: ['server', 'search'] });
    expect(entry?.input_prompt).toContain('--service server,services/search');
    expect(events.some((e) => e.payload.action === 'manifests.generate_project')).toBe(true);
    // every generated file is stored for review, as `opspilot generate` stores it
    expect(body.stored.map((c: { path: string }) => c.path)).toEqual(body.files.map((f: { path: string }) => f.path));
    expect(new Set(body.stored.map((c: { state: string }) => c.state))).toEqual(new Set(['NEEDS_REVIEW']));
    const first = await t.store.generatedConfigs.get(body.stored[0].id);
    expect(first).toMatchObject({
      state: 'NEEDS_REVIEW',
      human_review_required: true,
      generator_tool: 'opspilot-generate',
    });
    const moves = (await t.store.audit.list({ target: `generated_config/${first.id}` })).items.map((e) => e.action);
    expect(moves.reverse()).toEqual([
      'generated_config.generated',
      'generated_config.validation',
      'generated_config.needs_review',
    ]);
    expect(moves.length).toBe(3);
    expect((await t.store.audit.list({ target: `generated_config/${first.id}` })).items[0]?.user_id).toBe(
      t.users.operator.user.id,
    );
    expect(entry?.details).toMatchObject({ generated_config_ids: body.stored.map((c: { id: string }) => c.id) });
    expect(events).toContainEqual(
      expect.objectContaining({
        event_type: 'PLAN_STATE_CHANGED',
        payload: expect.objectContaining({ generated_config_id: first.id, to: 'NEEDS_REVIEW' }),
      }),
    );
  });

  it('refuses an unknown service with 400, naming the services found in the message, the hint and the details', async () => {
    const r = await t.rest('POST', '/manifests/project/generate', t.users.operator.token, {
      files,
      target: 'k8s',
      services: ['api'],
    });
    expect(r.statusCode).toBe(400);
    const body = r.json();
    expect(body.message).toContain('no service "api"');
    expect(body.message).toContain('payments (services/payments: go, port 8070)');
    expect(body.details.hint).toContain('choose one of admin, server, web, payments, search');
    expect(body.details.services).toContainEqual({ name: 'payments', path: 'services/payments' });
    expect(body.details.unknown).toEqual(['api']);
  });

  it("reports a service's own Dockerfile with an ERROR as not valid", async () => {
    const broken = files.map((f) =>
      f.path === 'services/search/Dockerfile'
        ? { ...f, content: f.content.replace('USER 10001:10001', 'USER root') }
        : f,
    );
    const r = await t.rest('POST', '/manifests/project/generate', t.users.operator.token, {
      files: broken,
      target: 'dockerfile',
      services: ['search', 'payments'],
    });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.validation.valid).toBe(true);
    expect(body.own_dockerfiles.validation.valid).toBe(false);
    expect(body.own_dockerfiles.validation.findings).toContainEqual(
      expect.objectContaining({ rule: 'docker-user-not-root', severity: 'ERROR', file: 'services/search/Dockerfile' }),
    );
    expect(body.valid).toBe(false);
    // an own Dockerfile is never stored; the generated ones go to review
    expect(body.stored.map((c: { path: string }) => c.path)).not.toContain('services/search/Dockerfile');
    expect(body.stored.length).toBe(body.files.length);
  });

  it('needs the operator role to generate, a known target and files', async () => {
    const viewer = await t.rest('POST', '/manifests/project/generate', t.users.viewer.token, { files, target: 'k8s' });
    expect(viewer.statusCode).toBe(403);
    const target = await t.rest('POST', '/manifests/project/generate', t.users.operator.token, {
      files,
      target: 'chart',
    });
    expect(target.statusCode).toBe(400);
    expect(JSON.stringify(target.json())).toContain('target');
    const none = await t.rest('POST', '/manifests/project/services', t.users.viewer.token, {
      files: [{ path: 'README.md', content: '# nothing to deploy' }],
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toContain('no deployable app found');
  });
});
