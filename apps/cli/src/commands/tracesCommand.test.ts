import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, type SpanRecord } from '@opspilot/core';
import { openStore } from '@opspilot/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-traces-'));
const SLOW = 'aa'.repeat(16);
const FAST = 'bb'.repeat(16);
const T0 = Date.parse('2026-03-01T09:58:00Z') * 1000;
let env: Record<string, string>;

function trace(traceId: string, startUs: number, ms: number, fail: boolean): SpanRecord[] {
  const base = { trace_id: traceId, kind: 'SERVER' as const, logs: [] };
  return [
    {
      ...base,
      span_id: `${traceId.slice(0, 2)}00000000000001`,
      service_name: 'frontend',
      operation_name: 'GET /',
      start_unix_us: startUs,
      duration_us: ms * 1000,
      status: fail ? 'ERROR' : 'OK',
      tags: fail ? { error: 'true' } : {},
    },
    {
      ...base,
      span_id: `${traceId.slice(0, 2)}00000000000002`,
      parent_span_id: `${traceId.slice(0, 2)}00000000000001`,
      service_name: 'backend',
      operation_name: 'GET /api/todos',
      start_unix_us: startUs + (ms * 1000) / 4,
      duration_us: (ms * 1000) / 2,
      status: fail ? 'ERROR' : 'OK',
      tags: fail ? { error: 'true', 'http.response.status_code': '500' } : {},
    },
  ];
}

beforeAll(async () => {
  env = { OPSPILOT_DATA_DIR: join(cwd, 'data') };
  expect(await runCli(['db', 'migrate'], memoryIo(env, cwd))).toBe(0);
  const store = await openStore({ sqlitePath: join(cwd, 'data', 'opspilot.db') });
  await store.spans.insert([...trace(SLOW, T0, 1200, true), ...trace(FAST, T0 + 60_000_000, 20, false)]);
  await store.close();
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('opspilot traces', () => {
  it('searches stored traces as a table and as JSON, with filters', async () => {
    const io = memoryIo(env, cwd);
    expect(await runCli(['traces'], io)).toBe(0);
    const [head, first, second] = io.out().split('\n');
    expect(head).toMatch(/^TRACE ID\s+ROOT\s+CLUSTER\s+STARTED\s+DURATION\s+SPANS\s+SERVICES\s+ERRORS$/);
    expect(first).toMatch(
      new RegExp(`^${FAST}\\s+frontend: GET /\\s+-\\s+2026-03-01T09:59:00.000Z\\s+20ms\\s+2\\s+2\\s+no$`),
    );
    expect(second).toMatch(new RegExp(`^${SLOW}\\s+.*1\\.20s\\s+2\\s+2\\s+yes$`));
    const json = memoryIo(env, cwd);
    expect(await runCli(['traces', 'search', '-t', 'error=true', '--min-duration', '1000', '-o', 'json'], json)).toBe(
      0,
    );
    expect(JSON.parse(json.out()).items.map((t: { trace_id: string }) => t.trace_id)).toEqual([SLOW]);
    const recent = memoryIo(env, cwd);
    recent.clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
    expect(await runCli(['traces', 'search', '--service', 'back*', '--since', '90s', '-o', 'yaml'], recent)).toBe(0);
    expect(recent.out()).toContain(`trace_id: ${FAST}`);
    expect(recent.out()).not.toContain(SLOW);
    expect(await runCli(['traces', 'search', '--min-duration', '10', '--max-duration', '5'], memoryIo(env, cwd))).toBe(
      2,
    );
    expect(await runCli(['traces', 'search', '--limit', '500'], memoryIo(env, cwd))).toBe(2);
  });

  it('shows one trace as a span tree with a waterfall, and as YAML', async () => {
    const io = memoryIo(env, cwd);
    expect(await runCli(['traces', 'get', SLOW], io)).toBe(0);
    const lines = io.out().split('\n');
    expect(lines).toContain('Duration:  1200ms');
    expect(lines).toContain('Spans:     2 in 2 services, with errors');
    const root = lines.find((l) => l.startsWith('frontend: GET /'));
    const child = lines.find((l) => l.startsWith('  backend: GET /api/todos'));
    expect(root).toMatch(/1200ms\s+ERROR\s+\|!{40}\|$/);
    // The backend span starts a quarter in and lasts half the trace.
    expect(child).toMatch(/600ms\s+ERROR\s+\| {10}!{20} {10}\|$/);
    const yaml = memoryIo(env, cwd);
    expect(await runCli(['traces', 'get', SLOW, '-o', 'yaml'], yaml)).toBe(0);
    expect(yaml.out()).toContain('root_service: frontend');
    const missing = memoryIo(env, cwd);
    expect(await runCli(['traces', 'get', 'cc'.repeat(16)], missing)).toBe(2);
    expect(missing.err()).toContain(`no trace ${'cc'.repeat(16)}`);
    expect(await runCli(['traces', 'get', 'not-an-id'], memoryIo(env, cwd))).toBe(2);
  });

  it('searches Tempo instead when tempo.url is set', async () => {
    const seen: string[] = [];
    const tempo: Server = createServer((req, res) => {
      seen.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          traces: [
            {
              traceID: 'dd'.repeat(16),
              rootServiceName: 'shop',
              rootTraceName: 'POST /pay',
              startTimeUnixNano: '1772359200000000000',
              durationMs: 42,
            },
          ],
        }),
      );
    });
    await new Promise<void>((resolve) => tempo.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(tempo.address() as { port: number }).port}`;
      const io = memoryIo({ ...env, OPSPILOT_TEMPO_URL: url }, cwd);
      expect(await runCli(['traces', 'search', '-s', 'shop', '-o', 'json'], io)).toBe(0);
      expect(JSON.parse(io.out()).items[0]).toMatchObject({ trace_id: 'dd'.repeat(16), root_operation: 'POST /pay' });
      expect(new URL(seen[0] ?? '', url).searchParams.get('q')).toBe('{ resource.service.name = "shop" }');
    } finally {
      await new Promise((resolve) => tempo.close(resolve));
    }
  });
});
