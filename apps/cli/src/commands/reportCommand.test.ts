import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { openStore } from '@opspilot/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

let sim: SimCluster;
let dir: string;
let kubeconfig: string;

beforeAll(async () => {
  sim = await startSimCluster({ scenario: 'demo' });
  dir = mkdtempSync(join(tmpdir(), 'opspilot-report-cli-'));
  kubeconfig = join(dir, 'kubeconfig.yaml');
  writeFileSync(kubeconfig, sim.kubeconfig);
}, 60_000);
afterAll(() => sim?.stop());

async function cli(args: string[]) {
  const io = memoryIo({}, dir);
  const code = await runCli([...args, '--kubeconfig', kubeconfig], io);
  return { code, out: io.out(), err: io.err() };
}

describe('opspilot report and opspilot docs', { timeout: 90_000 }, () => {
  it('prints a capacity plan from the live cluster and warns about the sections it could not build', async () => {
    const { code, out, err } = await cli(['report', 'capacity']);
    expect(code, err).toBe(0);
    expect(out).toContain('# Capacity plan');
    expect(out).toMatch(/CPU: requests are \d+ % of allocatable/);
    const exec = await cli(['report', 'executive', '--days', '30']);
    expect(exec.code, exec.err).toBe(0);
    expect(exec.err).toContain(
      'warning: section "Security posture" is missing: the security data source is unavailable: no completed security scan is stored',
    );
    expect(exec.out).toContain('Section missing:');
  });

  it('writes a PDF that pdftotext reads, and refuses to print one', async () => {
    const { code, out, err } = await cli([
      'report',
      'incidents',
      '--format',
      'pdf',
      '--out',
      'incidents.pdf',
      '-o',
      'json',
    ]);
    expect(code, err).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ format: 'PDF' });
    expect(readFileSync(join(dir, 'incidents.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdftotext', [join(dir, 'incidents.pdf'), '-'], { encoding: 'utf8' })).toContain(
      'No incident in the period.',
    );
    const refused = await cli(['report', 'executive', '--format', 'pdf']);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('add --out report.pdf');
    expect((await cli(['report', 'weekly'])).err).toContain('unknown report type weekly');
  });

  it('draws the demo namespace as SVG, lists its catalogue as a table and as JSON', async () => {
    const svg = await cli(['docs', 'generate', 'architecture', '-n', 'todo', '--format', 'svg']);
    expect(svg.code, svg.err).toBe(0);
    expect(svg.out).toContain('data-id="Service/todo/backend"');
    const table = await cli(['docs', 'catalogue', '-n', 'todo']);
    expect(table.out.split('\n')[0]).toMatch(
      /^NAMESPACE\s+NAME\s+OWNER\s+IMAGE\s+PORTS\s+DEPENDS ON\s+HEALTH\s+READY$/,
    );
    expect(table.out).toMatch(/todo\s+frontend\s+-\s+todo\/frontend:1\.0\s+3000\/TCP \(http\)\s+backend/);
    const json = JSON.parse((await cli(['docs', 'catalogue', '-n', 'todo', '-o', 'json'])).out);
    expect(json.find((e: { name: string }) => e.name === 'backend').dependencies).toEqual(['db.example.com']);
    const md = await cli(['docs', 'generate', 'architecture', '-n', 'todo']);
    expect(md.out).toContain('```mermaid\nflowchart LR');
  });

  it('stores each generated document as a new version of it, unless --no-store', async () => {
    const first = JSON.parse((await cli(['docs', 'generate', 'architecture', '-n', 'shop', '-o', 'json'])).out);
    expect(first.stored).toMatchObject({ version: 1 });
    const second = await cli([
      'docs',
      'generate',
      'architecture',
      '-n',
      'shop',
      '--format',
      'svg',
      '--out',
      'shop.svg',
    ]);
    expect(second.code, second.err).toBe(0);
    expect(second.err).toContain(`stored as document ${first.stored.id} (version 2)`);
    const skipped = await cli(['docs', 'generate', 'architecture', '-n', 'shop', '--no-store', '-o', 'json']);
    expect(JSON.parse(skipped.out).stored).toBeUndefined();
    const listed = JSON.parse((await cli(['docs', 'list', '-o', 'json'])).out);
    const doc = listed.find((d: { id: string }) => d.id === first.stored.id);
    expect(doc).toMatchObject({ doc_type: 'ARCHITECTURE', version: 2, format: 'MARKDOWN' });
    expect(doc.title).toMatch(/^Architecture of namespace shop \(.+\)$/);
    // The stored document is the Markdown one, even when an SVG was written.
    expect(doc.content).toContain('```mermaid');
    const table = await cli(['docs', 'list']);
    expect(table.out).toMatch(new RegExp(`${first.stored.id}\\s+ARCHITECTURE\\s+2\\s+Architecture of namespace shop`));
    const store = await openStore({ sqlitePath: join(dir, '.opspilot', 'opspilot.db') });
    try {
      const versions = (await store.docVersions.list({ doc_id: first.stored.id })).items;
      expect(versions.map((v) => v.version)).toEqual([1]);
      const trail = (await store.audit.list({ target: `doc/${first.stored.id}` }, { page_size: 10 })).items;
      expect(trail.map((e) => e.action)).toEqual(['docs.generated', 'docs.generated']);
    } finally {
      await store.close();
    }
  });

  it('writes an API reference from an OpenAPI YAML file', async () => {
    writeFileSync(
      join(dir, 'openapi.yaml'),
      'openapi: 3.0.3\ninfo: {title: Todo, version: "1"}\npaths:\n  /todos:\n    get: {summary: List todos, responses: {"200": {description: ok}}}\n',
    );
    const { code, out, err } = await cli(['docs', 'generate', 'api', 'openapi.yaml']);
    expect(code, err).toBe(0);
    expect(out).toContain('### `GET /todos`');
  });
});
