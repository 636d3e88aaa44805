import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, systemClock } from '@opspilot/core';
import { createIncidentEngine, type Signal } from '@opspilot/incidents';
import { openStore } from '@opspilot/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-incidents-'));
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data'), OPSPILOT_USER: 'alice' };
let id = '';

beforeAll(async () => {
  expect(await runCli(['db', 'migrate'], memoryIo(env, cwd))).toBe(0);
  const store = await openStore({ sqlitePath: join(cwd, 'data', 'opspilot.db') });
  const engine = createIncidentEngine({ records: store.incidents, audit: store.audit, clock: systemClock });
  const at = new Date().toISOString();
  const [incident] = await engine.ingest(
    ['backend-1', 'backend-2'].map((pod, i) => ({
      source: 'ALERT' as const,
      fingerprint: `fp${i}`,
      title: 'backend answers 500s',
      severity: 'HIGH' as const,
      state: 'FIRING' as const,
      labels: { alertname: 'HighErrorRate', namespace: 'todo', deployment: 'backend', pod },
      resource: { kind: 'Pod', namespace: 'todo', name: pod },
      at,
    })),
  );
  id = incident!.id;
  await store.close();
  writeFileSync(
    join(cwd, 'runbook.yaml'),
    'apiVersion: opspilot.dev/v1\nkind: Runbook\nmetadata: { name: mine }\nsteps:\n  - id: a\n    type: wait\n    seconds: 5\n    after: [a]\n',
  );
});
afterAll(() => undefined);

describe('opspilot incidents, runbooks and postmortem', () => {
  it('lists the incident as a table and as JSON, acknowledges and resolves it, and prints its post-mortem', async () => {
    const table = memoryIo(env, cwd);
    expect(await runCli(['incidents'], table)).toBe(0);
    expect(table.out()).toMatch(/^ID\s+SEVERITY\s+STATUS\s+OWNER\s+AGE\s+FIRST SEEN\s+SEEN\s+TITLE\n/);
    expect(table.out()).toContain(`${id}  HIGH      OPEN`);

    const ack = memoryIo(env, cwd);
    expect(await runCli(['incidents', 'ack', id, '--note', 'on it'], ack)).toBe(0);
    expect(ack.out()).toBe(`incident ${id} acknowledged (owner alice)\n`);
    const again = memoryIo(env, cwd);
    expect(await runCli(['incidents', 'ack', id], again)).not.toBe(0);
    expect(again.err()).toMatch(/ACKNOWLEDGED and cannot become ACKNOWLEDGED/);

    const resolve = memoryIo(env, cwd);
    expect(await runCli(['incidents', 'resolve', id, '--root-cause', 'bad build', '-o', 'json'], resolve)).toBe(0);
    expect(JSON.parse(resolve.out())).toMatchObject({ id, status: 'RESOLVED', root_cause: 'bad build' });

    const active = memoryIo(env, cwd);
    expect(await runCli(['incidents', 'list', '-o', 'json'], active)).toBe(0);
    expect(JSON.parse(active.out()).items).toEqual([]);
    const all = memoryIo(env, cwd);
    expect(await runCli(['incidents', 'list', '-A', '-o', 'yaml'], all)).toBe(0);
    expect(parse(all.out()).items[0]).toMatchObject({ id, status: 'RESOLVED' });

    const show = memoryIo(env, cwd);
    expect(await runCli(['incidents', 'show', id], show)).toBe(0);
    expect(show.out()).toContain('Status:    RESOLVED');
    expect(show.out()).toMatch(/signal\s+alert firing: backend answers 500s/);

    const pm = memoryIo(env, cwd);
    expect(await runCli(['postmortem', id], pm)).toBe(0);
    expect(pm.out()).toContain('# Post-mortem: backend answers 500s on pod/todo/backend-1');
    expect(pm.out()).toContain('Resolved by alice');
    const html = memoryIo(env, cwd);
    expect(await runCli(['postmortem', id, '--html'], html)).toBe(0);
    expect(html.out()).toContain('<h2>What went well</h2>');
  });

  it('shows when a recurring cause was first seen and how many incidents it has had, in the table, JSON and show', async () => {
    const store = await openStore({ sqlitePath: join(cwd, 'data', 'opspilot.db') });
    const clock = new ManualClock(new Date(Date.now() - 2 * 3600_000));
    const engine = createIncidentEngine({ records: store.incidents, audit: store.audit, clock });
    const firstSeen = new Date(Date.now() - 3 * 3600_000).toISOString();
    const finding = (state: Signal['state']): Signal => ({
      source: 'FINDING',
      fingerprint: 'pod-crash-loop:deployment/todo/worker',
      title: 'worker crash-loops',
      severity: 'HIGH',
      state,
      resource: { kind: 'Deployment', namespace: 'todo', name: 'worker' },
      labels: { analyzer: 'pod-crash-loop' },
      at: clock.now().toISOString(),
      sighting: {
        identity: 'pod-crash-loop:deployment/todo/worker',
        first_seen: firstSeen,
        last_seen: clock.now().toISOString(),
        runs: 5,
      },
    });
    const [first] = await engine.ingest([finding('FIRING')]);
    await engine.resolve(first!.id, { user: 'alice' });
    await engine.close(first!.id, { user: 'alice' });
    await clock.advance(3600_000);
    const [second] = await engine.ingest([finding('FIRING')]);
    await store.close();

    const table = memoryIo(env, cwd);
    expect(await runCli(['incidents'], table)).toBe(0);
    const row = table
      .out()
      .split('\n')
      .find((line) => line.startsWith(second!.id));
    expect(row).toMatch(/OPEN\s+-\s+60m\s+3h\s+2 \(recurring\)\s+worker crash-loops/);
    const json = memoryIo(env, cwd);
    expect(await runCli(['incidents', '-o', 'json'], json)).toBe(0);
    expect(JSON.parse(json.out()).items.find((i: { id: string }) => i.id === second!.id)).toMatchObject({
      cause_identity: 'pod-crash-loop:deployment/todo/worker',
      first_seen: firstSeen,
      sightings: 5,
      occurrences: 2,
      recurring: true,
    });
    const onlyRecurring = memoryIo(env, cwd);
    expect(await runCli(['incidents', '--all', '--recurring', '-o', 'json'], onlyRecurring)).toBe(0);
    expect(JSON.parse(onlyRecurring.out()).items.map((i: { id: string }) => i.id)).toEqual([second!.id]);
    const show = memoryIo(env, cwd);
    expect(await runCli(['incidents', 'show', second!.id], show)).toBe(0);
    expect(show.out()).toContain('Cause:     pod-crash-loop:deployment/todo/worker');
    expect(show.out()).toContain(`Seen:      first ${firstSeen}`);
    expect(show.out()).toContain('Recurring: yes, occurrence 2 of this cause');
    expect(show.out()).toContain(`recurring: seen 2 times since ${firstSeen}`);
  });

  it('counts a reopen within the window as an occurrence: recurring in the table and YAML, and --no-recurring leaves it out', async () => {
    const store = await openStore({ sqlitePath: join(cwd, 'data', 'opspilot.db') });
    const clock = new ManualClock(new Date(Date.now() - 3600_000));
    const engine = createIncidentEngine({ records: store.incidents, audit: store.audit, clock });
    const alert = (state: Signal['state']): Signal => ({
      source: 'ALERT',
      fingerprint: 'cart-errors',
      title: 'cart answers 500s',
      severity: 'HIGH',
      state,
      labels: { alertname: 'HighErrorRate', namespace: 'todo', deployment: 'cart', pod: 'cart-5f6-x' },
      at: clock.now().toISOString(),
    });
    const [first] = await engine.ingest([alert('FIRING')]);
    await clock.advance(60_000);
    await engine.ingest([alert('CLEARED')]);
    await clock.advance(6 * 60_000);
    expect((await engine.tick()).map((i) => i.id)).toEqual([first!.id]);
    await clock.advance(60_000);
    const [reopened] = await engine.ingest([alert('FIRING')]);
    expect(reopened).toMatchObject({ id: first!.id, status: 'DETECTED', recurring: true, occurrences: 2 });
    await store.close();

    const table = memoryIo(env, cwd);
    expect(await runCli(['incidents', '--recurring'], table)).toBe(0);
    const row = table
      .out()
      .split('\n')
      .find((line) => line.startsWith(first!.id));
    expect(row).toMatch(/OPEN\s+-\s+\d+m\s+\d+m\s+2 \(recurring\)\s+cart answers 500s/);
    const yaml = memoryIo(env, cwd);
    expect(await runCli(['incidents', '--recurring', '-o', 'yaml'], yaml)).toBe(0);
    expect(yaml.out()).toContain('cause_identity: HighErrorRate:deployment/todo/cart');
    expect(yaml.out()).toMatch(/occurrences: 2\n\s+recurring: true/);
    const firsts = memoryIo(env, cwd);
    expect(await runCli(['incidents', '--all', '--no-recurring', '-o', 'json'], firsts)).toBe(0);
    const ids = JSON.parse(firsts.out()).items.map((i: { id: string; recurring?: boolean }) => i.id);
    expect(ids).not.toContain(first!.id);
    const show = memoryIo(env, cwd);
    expect(await runCli(['incidents', 'show', first!.id], show)).toBe(0);
    expect(show.out()).toContain('Recurring: yes, occurrence 2 of this cause');
    expect(show.out()).toMatch(/reopened: "cart answers 500s" fired again; recurring: seen 2 times since/);
  });

  it('lists the shipped runbooks and refuses a runbook with a cycle, naming the line', async () => {
    const list = memoryIo(env, cwd);
    expect(await runCli(['runbooks', 'list'], list)).toBe(0);
    expect(list.out()).toMatch(/rollback-bad-rollout\s+4\s+bad-rollout\s+required/);
    const save = memoryIo(env, cwd);
    expect(await runCli(['runbooks', 'save', 'runbook.yaml'], save)).not.toBe(0);
    expect(save.err()).toContain('line 8: steps a → a wait for each other (a cycle)');
  });
});
