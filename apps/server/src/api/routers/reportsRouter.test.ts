import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifySignature } from '@opspilot/incidents';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/index.js';

const SECRET = 'report-hook-secret';

describe('the reports and documentation generator routers (real server, simulated cluster over HTTP)', () => {
  let t: TestApi;
  let sim: SimCluster;
  let clusterId: string;
  let incidentId: string;
  let hook: Server;
  let hookUrl: string;
  const received: { headers: Record<string, string>; body: string }[] = [];

  beforeAll(async () => {
    t = await startTestApi();
    sim = await startSimCluster({ scenario: 'demo' });
    const response = await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'demo',
      api_server_url: sim.url,
      kubeconfig: sim.kubeconfig,
    });
    expect(response.statusCode, response.body).toBe(200);
    clusterId = response.json().id;
    const incident = await t.store.incidents.create({
      title: 'backend pods OOMKilled',
      severity: 'HIGH',
      cluster_id: clusterId,
      detected_at: '2026-02-27T10:00:00.000Z',
      affected_resources: [{ kind: 'Deployment', namespace: 'todo', name: 'backend' }],
    });
    incidentId = incident.id;
    await t.store.incidents.addAction(incidentId, {
      action_type: 'raise-memory',
      description: 'set memory limit of backend to 512Mi',
      actor: 'ana',
      status: 'SUCCEEDED',
    });
    await t.store.incidents.resolve(incidentId, { actor: 'ana', root_cause: 'memory limit below the working set' });
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        received.push({ headers: req.headers as Record<string, string>, body });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
  }, 60_000);

  afterAll(async () => {
    await new Promise((resolve) => hook?.close(resolve));
    await sim?.stop();
    await t?.close();
  });

  it('generates a PDF executive summary whose missing security section is named, and keeps it in the history', async () => {
    const generated = await t.rest('POST', '/reports/generate', t.users.operator.token, {
      report_type: 'EXECUTIVE_SUMMARY',
      format: 'PDF',
      days: 7,
    });
    expect(generated.statusCode, generated.body).toBe(200);
    const report = generated.json();
    // No security scan is stored, and no cluster is watched yet: those sections say so instead of printing zeros.
    expect(report.missing_sections).toContain('security');
    const got = await t.rest('GET', `/reports/${report.id}`, t.users.viewer.token);
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json()).toMatchObject({ encoding: 'base64', content_type: 'application/pdf' });
    const file = join(mkdtempSync(join(tmpdir(), 'report-')), 'r.pdf');
    writeFileSync(file, Buffer.from(got.json().content, 'base64'));
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Executive summary');
    expect(text).toContain(
      'Section missing: the security data source is unavailable: no completed security scan is stored',
    );
    expect(text).toContain('1 incident in the period, 0 still open');
    const history = await t.rest('GET', '/reports', t.users.viewer.token);
    expect(history.json().map((r: { id: string }) => r.id)).toContain(report.id);
    const audit = await t.store.audit.list({ action: 'report.generated' });
    expect(audit.items.some((a) => a.target === `report/${report.id}` && a.status === 'PARTIAL_SUCCESS')).toBe(true);
  }, 60_000);

  it('builds a capacity plan from the live Nodes and Pods in Markdown', async () => {
    const generated = await t.rest('POST', '/reports/generate', t.users.admin.token, {
      report_type: 'CAPACITY_PLAN',
      format: 'MARKDOWN',
      cluster_ids: ['demo'],
    });
    expect(generated.statusCode, generated.body).toBe(200);
    const content = (await t.rest('GET', `/reports/${generated.json().id}`, t.users.viewer.token)).json()
      .content as string;
    expect(content).toContain('# Capacity plan');
    expect(content).toMatch(/CPU: requests are \d+ % of allocatable/);
    expect(generated.json().missing_sections).not.toContain('capacity');
  }, 60_000);

  it('runs a due schedule and delivers the report to a signed webhook', async () => {
    const created = await t.rest('POST', '/report-schedules', t.users.operator.token, {
      name: 'weekly exec',
      report_type: 'EXECUTIVE_SUMMARY',
      format: 'MARKDOWN',
      cron: '0 8 * * MON',
      timezone: 'Europe/Berlin',
      webhook_url: hookUrl,
      webhook_secret: SECRET,
    });
    expect(created.statusCode, created.body).toBe(200);
    const schedule = created.json();
    expect(schedule).toMatchObject({ signed: true, next_run_at: '2026-03-02T07:00:00.000Z' });
    expect(schedule).not.toHaveProperty('webhook_secret');
    const bad = await t.rest('POST', '/report-schedules', t.users.operator.token, {
      name: 'x',
      report_type: 'EXECUTIVE_SUMMARY',
      format: 'PDF',
      cron: 'whenever',
    });
    expect(bad.statusCode).toBe(400);
    expect((await t.rest('POST', '/report-schedules/run-due', t.users.operator.token, {})).json()).toEqual([]);
    await t.clock.advance(Date.parse('2026-03-02T07:00:00.000Z') - t.clock.now().getTime());
    const ran = await t.rest('POST', '/report-schedules/run-due', t.users.operator.token, {});
    expect(ran.statusCode, ran.body).toBe(200);
    expect(ran.json()).toHaveLength(1);
    expect(ran.json()[0].status).toMatch(/^(OK|PARTIAL)/);
    expect(received).toHaveLength(1);
    const { headers, body } = received[0]!;
    expect(verifySignature(SECRET, body, headers['x-opspilot-timestamp']!, headers['x-opspilot-signature']!)).toBe(
      true,
    );
    const payload = JSON.parse(body);
    expect(payload.report.title).toBe('weekly exec');
    expect(Buffer.from(payload.content_base64, 'base64').toString()).toContain('# weekly exec');
    const listed = await t.rest('GET', '/report-schedules', t.users.viewer.token);
    expect(listed.statusCode, listed.body).toBe(200);
    const after = listed.json()[0];
    expect(after).toMatchObject({ last_run_at: '2026-03-02T07:00:00.000Z', next_run_at: '2026-03-09T07:00:00.000Z' });
  }, 60_000);

  it('changes, disables, enables and deletes a schedule (audited; the secret never shown)', async () => {
    const created = await t.rest('POST', '/report-schedules', t.users.operator.token, {
      name: 'daily capacity',
      report_type: 'CAPACITY_PLAN',
      format: 'HTML',
      cron: '0 6 * * *',
      timezone: 'UTC',
      webhook_url: hookUrl,
      webhook_secret: SECRET,
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as string;
    const changed = await t.rest('PATCH', `/report-schedules/${id}`, t.users.operator.token, {
      cron: '30 9 * * *',
      timezone: 'Asia/Kolkata',
      format: 'PDF',
      period_days: 30,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const now = t.clock.now().getTime();
    expect(changed.json()).toMatchObject({ format: 'PDF', period_days: 30, cron: '30 9 * * *', signed: true });
    // 09:30 in India is 04:00 UTC: the next run follows the new expression and time zone.
    const next = Date.parse(changed.json().next_run_at);
    expect(new Date(next).getUTCHours()).toBe(4);
    expect(next - now).toBeLessThanOrEqual(86_400_000);
    expect(changed.json()).not.toHaveProperty('webhook_secret');
    const badCron = await t.rest('PATCH', `/report-schedules/${id}`, t.users.operator.token, { cron: 'often' });
    expect(badCron.statusCode).toBe(400);
    expect((await t.rest('PATCH', `/report-schedules/${id}`, t.users.viewer.token, { name: 'x' })).statusCode).toBe(
      403,
    );

    const disabled = await t.rest('POST', `/report-schedules/${id}/disable`, t.users.operator.token, {});
    expect(disabled.json()).toMatchObject({ enabled: false });
    expect(disabled.json()).not.toHaveProperty('next_run_at');
    await t.clock.advance(3 * 86_400_000);
    const ran = (await t.rest('POST', '/report-schedules/run-due', t.users.operator.token, {})).json();
    expect(ran.map((r: { schedule_id: string }) => r.schedule_id)).not.toContain(id);
    const enabled = await t.rest('POST', `/report-schedules/${id}/enable`, t.users.operator.token, {});
    // Enabled again it waits for its next fire time: the runs missed while disabled are not made up.
    expect(Date.parse(enabled.json().next_run_at)).toBeGreaterThan(t.clock.now().getTime());

    const unsigned = await t.rest('PATCH', `/report-schedules/${id}`, t.users.operator.token, { webhook_secret: null });
    expect(unsigned.json()).toMatchObject({ signed: false, webhook_url: hookUrl });
    const noHook = await t.rest('PATCH', `/report-schedules/${id}`, t.users.operator.token, { webhook_url: null });
    expect(noHook.json()).not.toHaveProperty('webhook_url');

    const trail = await t.store.audit.list({ target: `report-schedule/${id}` }, { page_size: 20 });
    expect(trail.items.map((e) => e.action).sort()).toEqual(
      [
        'report.scheduled',
        'report.schedule.updated',
        'report.schedule.disabled',
        'report.schedule.enabled',
        'report.schedule.updated',
        'report.schedule.updated',
      ].sort(),
    );
    expect(JSON.stringify(trail.items)).not.toContain(SECRET);
    expect((await t.rest('DELETE', `/report-schedules/${id}`, t.users.operator.token)).statusCode).toBe(200);
    expect((await t.rest('POST', `/report-schedules/${id}/enable`, t.users.operator.token, {})).statusCode).toBe(404);
  }, 60_000);

  it('exports the demo namespace architecture as SVG and keeps versions of a regenerated document', async () => {
    const diagram = await t.rest('POST', '/docs/diagram', t.users.admin.token, {
      cluster_id: clusterId,
      namespace: 'todo',
      format: 'SVG',
    });
    expect(diagram.statusCode, diagram.body).toBe(200);
    expect(diagram.json().content).toContain('data-id="Deployment/todo/backend"');
    expect(diagram.json().graph.edges).toContainEqual({
      from: 'Deployment/todo/frontend',
      to: 'Service/todo/backend',
      kind: 'CALLS',
    });
    const first = await t.rest('POST', '/docs/generate', t.users.admin.token, {
      doc_type: 'ARCHITECTURE',
      cluster_id: clusterId,
      namespace: 'todo',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ version: 1, doc_type: 'ARCHITECTURE' });
    expect(first.json().content).toContain('```mermaid\nflowchart LR');
    expect(first.json().content).toContain('| backend | todo |');
    await t.clock.advance(60_000);
    const second = await t.rest('POST', '/docs/generate', t.users.admin.token, {
      doc_type: 'ARCHITECTURE',
      cluster_id: clusterId,
      namespace: 'todo',
    });
    expect(second.json()).toMatchObject({ id: first.json().id, version: 2 });
    const v1 = await t.rest('GET', `/docs/${first.json().id}?version=1`, t.users.viewer.token);
    expect(v1.json()).toMatchObject({ version: 1, versions: [1, 2], content: first.json().content });
  }, 60_000);

  it('writes a runbook from a resolved incident and an API page through an edited template', async () => {
    const runbook = await t.rest('POST', '/docs/runbooks', t.users.operator.token, { incident_ids: [incidentId] });
    expect(runbook.statusCode, runbook.body).toBe(200);
    expect(runbook.json().content).toContain('1. raise-memory: set memory limit of backend to 512Mi');
    const template = await t.rest('POST', '/docs/templates', t.users.operator.token, {
      template: {
        name: 'api-short',
        doc_type: 'API',
        body: '{{ reference }}\n(from {{ source }})',
        variables: ['reference', 'source'],
      },
    });
    expect(template.statusCode, template.body).toBe(200);
    const api = await t.rest('POST', '/docs/generate', t.users.operator.token, {
      doc_type: 'API',
      template_id: template.json().id,
      source: 'todo openapi.json',
      openapi: {
        openapi: '3.1.0',
        info: { title: 'Todo', version: '1' },
        paths: { '/todos': { get: { summary: 'List todos', responses: { '200': { description: 'ok' } } } } },
      },
    });
    expect(api.statusCode, api.body).toBe(200);
    expect(api.json().content).toContain('### `GET /todos`');
    expect(api.json().content).toContain('(from todo openapi.json)');
    const notOpenApi = await t.rest('POST', '/docs/generate', t.users.operator.token, {
      doc_type: 'API',
      openapi: { hello: 'world' },
    });
    expect(notOpenApi.statusCode).toBe(400);
  }, 60_000);
});
