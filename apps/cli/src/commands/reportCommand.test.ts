import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
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
