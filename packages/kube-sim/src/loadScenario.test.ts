import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, ManualClock } from '@opspilot/core';
import { afterEach, describe, expect, it } from 'vitest';
import { AnomalySchedule } from './behaviour/anomalySchedule.js';
import { loadScenario } from './loadScenario.js';
import { type SimCluster, startSimCluster } from './startSimCluster.js';

type Json = Record<string, unknown>;
let sim: SimCluster | undefined;
afterEach(async () => sim?.stop());

async function run(scenario: string, ms: number): Promise<SimCluster> {
  const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ clock, tls: false, scenario });
  for (let t = 0; t < ms; t += 500) {
    await new Promise((r) => setTimeout(r, 10));
    await clock.advance(500);
  }
  await new Promise((r) => setTimeout(r, 30));
  return sim;
}
const pods = (s: SimCluster, ns: string) =>
  s.store.list(s.api.registry.find('', 'v1', 'pods')!, { namespace: ns }).items;
const waiting = (p: { status?: Json }) =>
  (((p.status?.containerStatuses as Json[] | undefined)?.[0]?.state as Json | undefined)?.waiting as Json | undefined)
    ?.reason;

describe('scenarios', () => {
  it('demo: the Todo app, monitoring and DNS all running and ready', async () => {
    const s = await run('demo', 4000);
    const todo = pods(s, 'todo');
    expect(todo).toHaveLength(4);
    expect(
      todo.every(
        (p) =>
          (p.status as Json).phase === 'Running' &&
          ((p.status as Json).conditions as Json[]).some((c) => c.type === 'Ready' && c.status === 'True'),
      ),
    ).toBe(true);
    const secret = s.store.get(s.api.registry.find('', 'v1', 'secrets')!, 'todo', 'todo-secrets') as unknown as {
      data: Record<string, string>;
    };
    expect(Buffer.from(secret.data.JWT_SECRET_KEY!, 'base64').toString()).toBe('change-me');
    expect(pods(s, 'monitoring')).toHaveLength(1);
    expect(pods(s, 'kube-system')).toHaveLength(2);
  });

  it('broken: one failing workload per failure mode', async () => {
    const s = await run('broken', 6000);
    const byApp = (app: string) => pods(s, 'broken').find((p) => p.metadata.labels?.app === app)!;
    expect(waiting(byApp('bad-image'))).toBe('ImagePullBackOff');
    expect(waiting(byApp('crashloop'))).toBe('CrashLoopBackOff');
    expect(((byApp('oom').status as Json).containerStatuses as Json[])[0]!.lastState).toMatchObject({
      terminated: { reason: 'OOMKilled' },
    });
    expect((byApp('unschedulable').status as Json).phase).toBe('Pending');
    expect(((byApp('not-ready').status as Json).containerStatuses as Json[])[0]!.ready).toBe(false);
    const endpoints = s.store.get(
      s.api.registry.find('', 'v1', 'endpoints')!,
      'broken',
      'orphan-service',
    ) as unknown as Json;
    expect(endpoints).not.toHaveProperty('subsets');
    expect(pods(s, 'todo')).toHaveLength(4);
  });

  it('names the file, document and problem of a bad scenario', async () => {
    sim = await startSimCluster({ tls: false, controllers: false });
    const dir = mkdtempSync(join(tmpdir(), 'opspilot-scenario-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok, namespace: default}\n---\napiVersion: v1\nkind: Widget\nmetadata: {name: w}\n',
    );
    expect(() => loadScenario(sim!.api, file)).toThrowError(
      /bad\.yaml, document 2: the simulated cluster does not serve Widget in v1/,
    );
    expect(() => loadScenario(sim!.api, file)).toThrowError(InputError);
    expect(() => loadScenario(sim!.api, file)).toThrowError(/document 1: configmaps "ok" already exists/);
    expect(() => loadScenario(sim!.api, 'nope')).toThrowError(/no scenario "nope"/);
  });

  it('schedules Anomaly documents, and names the field of a bad one', async () => {
    sim = await startSimCluster({ tls: false, controllers: false });
    const dir = mkdtempSync(join(tmpdir(), 'opspilot-scenario-'));
    const anomaly = (spec: string) =>
      `apiVersion: sim.opspilot.dev/v1\nkind: Anomaly\nmetadata: {name: spike}\nspec: ${spec}\n`;
    const good = join(dir, 'good.yaml');
    writeFileSync(good, anomaly('{type: cpu-spike, namespace: todo, after: 5m, duration: 1m}'));
    const schedule = new AnomalySchedule();
    expect(loadScenario(sim.api, good, { anomalies: schedule })).toBe(1);
    expect(schedule.size).toBe(1);
    expect(() => loadScenario(sim!.api, good)).toThrowError(/document 1: anomalies need a running behaviour model/);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, anomaly('{type: cpu-spike, namespace: todo, after: soon}'));
    expect(() => loadScenario(sim!.api, bad, { anomalies: schedule })).toThrowError(
      /bad\.yaml, document 1: spec\.after expected a duration/,
    );
    expect(schedule.size).toBe(1);
  });
});
