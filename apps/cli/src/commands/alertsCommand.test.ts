import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@opspilot/core';
import { type RunningDaemon, startAlertmanager } from '@opspilot/observe/testing';
import { openStore } from '@opspilot/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-alerts-'));
let am: RunningDaemon;
let env: Record<string, string>;
beforeAll(async () => {
  am = await startAlertmanager();
  env = { OPSPILOT_DATA_DIR: join(cwd, 'data'), OPSPILOT_ALERTMANAGER_URL: am.url };
  expect(await runCli(['db', 'migrate'], memoryIo(env, cwd))).toBe(0);
  const store = await openStore({ sqlitePath: join(cwd, 'data', 'opspilot.db') });
  const base = { annotations: { summary: 'CPU above 90%' }, cluster_name: 'prod' };
  await store.alerts.upsert({
    ...base,
    fingerprint: 'f1',
    alertname: 'HighCPU',
    severity: 'CRITICAL',
    state: 'FIRING',
    labels: { alertname: 'HighCPU', namespace: 'todo' },
    starts_at: '2026-03-01T09:00:00.000Z',
  });
  await store.alerts.upsert({
    ...base,
    fingerprint: 'f2',
    alertname: 'DiskFull',
    severity: 'WARNING',
    state: 'RESOLVED',
    labels: { alertname: 'DiskFull', namespace: 'shop' },
    starts_at: '2026-03-01T09:30:00.000Z',
    ends_at: '2026-03-01T09:45:00.000Z',
  });
  // HighCPU resolves and fires again.
  await store.alerts.upsert({
    ...base,
    fingerprint: 'f1',
    alertname: 'HighCPU',
    severity: 'CRITICAL',
    state: 'RESOLVED',
    labels: { alertname: 'HighCPU', namespace: 'todo' },
    starts_at: '2026-03-01T09:00:00.000Z',
    ends_at: '2026-03-01T09:20:00.000Z',
  });
  await store.alerts.upsert({
    ...base,
    fingerprint: 'f1',
    alertname: 'HighCPU',
    severity: 'CRITICAL',
    state: 'FIRING',
    labels: { alertname: 'HighCPU', namespace: 'todo' },
    starts_at: '2026-03-01T09:25:00.000Z',
  });
  await store.close();
});
afterAll(async () => {
  await am?.stop();
  rmSync(cwd, { recursive: true, force: true });
});

describe('opspilot alerts', () => {
  it('lists stored alerts as a kubectl-style table and as JSON, with filters', async () => {
    const io = memoryIo(env, cwd);
    io.clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
    expect(await runCli(['alerts', 'list'], io)).toBe(0);
    const [head, first, second] = io.out().split('\n');
    expect(head).toMatch(/^NAME\s+SEVERITY\s+STATE\s+CLUSTER\s+NAMESPACE\s+AGE\s+SUMMARY\s+ID$/);
    expect(first).toMatch(/^DiskFull\s+WARNING\s+RESOLVED\s+prod\s+shop\s+30m\s+CPU above 90%/);
    expect(second).toMatch(/^HighCPU\s+CRITICAL\s+FIRING\s+prod\s+todo\s+35m/);
    const json = memoryIo(env, cwd);
    expect(await runCli(['alerts', 'list', '--state', 'firing', '-l', 'namespace=todo', '-o', 'json'], json)).toBe(0);
    expect(JSON.parse(json.out()).items.map((a: { fingerprint: string }) => a.fingerprint)).toEqual(['f1']);
    const bad = memoryIo(env, cwd);
    expect(await runCli(['alerts', 'list', '--severity', 'loud'], bad)).toBe(2);
  });

  it('shows the firing history of an alert by name or fingerprint, as a table and as JSON', async () => {
    const io = memoryIo(env, cwd);
    io.clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
    expect(await runCli(['alerts', 'history', 'HighCPU'], io)).toBe(0);
    const [title, head, first, second] = io.out().split('\n');
    expect(title).toBe('HighCPU (f1) on prod: fired 2 times, FIRING now');
    expect(head).toMatch(/^#\s+STARTED\s+ENDED\s+DURATION\s+STATE\s+AGE$/);
    expect(first).toMatch(/^1\s+2026-03-01T09:00:00.000Z\s+2026-03-01T09:20:00.000Z\s+20m 0s\s+RESOLVED\s+60m$/);
    expect(second).toMatch(/^2\s+2026-03-01T09:25:00.000Z\s+-\s+35m 0s\+\s+FIRING\s+35m$/);
    const json = memoryIo(env, cwd);
    expect(await runCli(['alerts', 'history', 'f1', '-o', 'json'], json)).toBe(0);
    const history = JSON.parse(json.out());
    expect(history.kind).toBe('AlertHistory');
    expect(history.events.map((e: { state: string }) => e.state)).toEqual(['FIRING', 'RESOLVED', 'FIRING']);
    expect(history.firings).toHaveLength(2);
    const yaml = memoryIo(env, cwd);
    expect(await runCli(['alerts', 'history', 'DiskFull', '-o', 'yaml'], yaml)).toBe(0);
    expect(yaml.out()).toContain('kind: AlertHistory');
    const missing = memoryIo(env, cwd);
    expect(await runCli(['alerts', 'history', 'NoSuchAlert'], missing)).not.toBe(0);
    expect(missing.err()).toContain('no alert NoSuchAlert');
  });

  it('shows one alert by fingerprint and silences it in Alertmanager', async () => {
    const show = memoryIo(env, cwd);
    expect(await runCli(['alerts', 'show', 'f1', '-o', 'yaml'], show)).toBe(0);
    expect(show.out()).toContain('alertname: HighCPU');
    const silence = memoryIo(env, cwd);
    expect(
      await runCli(
        ['alerts', 'silence', 'f1', '--duration', '30m', '--comment', 'fix under way', '-o', 'json'],
        silence,
      ),
    ).toBe(0);
    const { silence_id, matchers } = JSON.parse(silence.out());
    expect(matchers).toEqual(['alertname=HighCPU', 'namespace=todo']);
    const list = memoryIo(env, cwd);
    expect(await runCli(['alerts', 'silences'], list)).toBe(0);
    expect(list.out()).toMatch(new RegExp(`${silence_id}\\s+active`));
    const expire = memoryIo(env, cwd);
    expect(await runCli(['alerts', 'expire', silence_id], expire)).toBe(0);
    expect(expire.out()).toContain('expired');
    const missing = memoryIo({ OPSPILOT_DATA_DIR: env.OPSPILOT_DATA_DIR as string }, cwd);
    expect(await runCli(['alerts', 'silences'], missing)).toBe(2);
    expect(missing.err()).toContain('alertmanager.url');
  });
});
