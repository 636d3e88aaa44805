import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anomalySignal, toAnomalyDetection } from '@opspilot/anomaly';
import { type AnomalyDetection, ManualClock } from '@opspilot/core';
import { openStore } from '@opspilot/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-anomalies-'));
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data') };
const ids: string[] = [];

beforeAll(async () => {
  expect(await runCli(['db', 'migrate'], memoryIo(env, cwd))).toBe(0);
  const store = await openStore({ sqlitePath: join(cwd, 'data', 'opspilot.db') });
  const cluster = await store.clusters.create({ name: 'prod', api_server_url: 'https://10.0.0.2' });
  const episode = (type: AnomalyDetection['anomaly_type'], minute: number, score: number, direction: 1 | -1) => ({
    index: 0,
    time: Date.parse('2026-03-01T09:00:00Z') / 1000 + minute * 60,
    type,
    direction,
    score,
    actual: direction > 0 ? 0.9 : 0.05,
    expected: 0.2,
    normal: 0.2,
    normalScale: 0.01,
    deviations: direction * 70,
    seasonal: false,
    components: { forecast: 1, changePoint: 0, baseline: 1, threshold: 0 },
  });
  for (const [signal, labels, e] of [
    ['pod-cpu', { namespace: 'todo', pod: 'backend-7d9f8c6b5d-x2k4q' }, episode('SPIKE', 0, 0.99, 1)],
    ['node-cpu', { node: 'worker-1' }, episode('DROP', 30, 0.91, -1)],
  ] as const) {
    ids.push((await store.anomalies.create(toAnomalyDetection(cluster.id, anomalySignal(signal)!, labels, e))).id);
  }
  await store.close();
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('opspilot anomalies', () => {
  it('lists anomalies as a kubectl-style table, newest first, and as JSON or YAML with filters', async () => {
    const io = memoryIo(env, cwd);
    io.clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
    expect(await runCli(['anomalies'], io)).toBe(0);
    const [head, first, second] = io.out().split('\n');
    expect(head).toMatch(
      /^TYPE\s+SEVERITY\s+CONFIDENCE\s+SIGNAL\s+NAMESPACE\s+SUBJECT\s+ACTUAL\s+EXPECTED\s+AGE\s+ID$/,
    );
    expect(first).toMatch(/^DROP\s+MEDIUM\s+0\.91\s+node-cpu\s+-\s+node\/worker-1\s+0\.05\s+0\.2\s+30m\s/);
    expect(second).toMatch(
      /^SPIKE\s+HIGH\s+0\.99\s+pod-cpu\s+todo\s+pod\/backend-7d9f8c6b5d-x2k4q\s+0\.9\s+0\.2\s+60m\s/,
    );

    const json = memoryIo(env, cwd);
    expect(await runCli(['anomalies', 'list', '--workload', 'backend', '-o', 'json'], json)).toBe(0);
    expect(JSON.parse(json.out()).items.map((a: AnomalyDetection) => a.id)).toEqual([ids[0]]);
    const yaml = memoryIo(env, cwd);
    expect(await runCli(['anomalies', '--type', 'drop', '--cluster', 'prod', '-o', 'yaml'], yaml)).toBe(0);
    expect(parse(yaml.out()).items.map((a: AnomalyDetection) => a.id)).toEqual([ids[1]]);
  });

  it('shows one anomaly with its explanation, and refuses bad input with exit code 2', async () => {
    const io = memoryIo(env, cwd);
    expect(await runCli(['anomalies', 'show', ids[0]!], io)).toBe(0);
    expect(io.out()).toMatch(/Explanation: {2}CPU of pod todo\/backend-7d9f8c6b5d-x2k4q jumped to 900m cores/);
    expect(await runCli(['anomalies', '--severity', 'loud'], memoryIo(env, cwd))).toBe(2);
    expect(await runCli(['anomalies', 'show', 'nope'], memoryIo(env, cwd))).toBe(2);
    const missing = memoryIo(env, cwd);
    expect(await runCli(['anomalies', 'show', '0b5c7f7e-7c1a-4f57-9a55-3d7f2f6f9e01'], missing)).not.toBe(0);
    expect(missing.err()).toMatch(/not found/);
  });
});
