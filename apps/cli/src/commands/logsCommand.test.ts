import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@opspilot/core';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-logs-'));
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data') };
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('opspilot logs', () => {
  let sim: SimCluster;
  const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
  beforeAll(async () => {
    sim = await startSimCluster({ scenario: 'demo', clock });
    await advanceClock(clock, 60_000);
    writeFileSync(join(cwd, 'kubeconfig.yaml'), sim.kubeconfig);
  });
  afterAll(async () => sim?.stop());

  it('prints matching lines with their stream, says the limit, and refuses LogQL outside the subset', async () => {
    const io = memoryIo(env, cwd);
    io.clock = clock;
    const args = [
      'logs',
      '{namespace="todo", app="backend"} |= "GET"',
      '--since',
      '1h',
      '--limit',
      '2',
      '--kubeconfig',
      'kubeconfig.yaml',
    ];
    expect(await runCli(args, io)).toBe(0);
    const lines = io.out().trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^2026-03-01T\S+Z \S+\/todo\/backend-\S+\/backend .*GET/);
    expect(io.err()).toContain('showing 2');
    const bad = memoryIo(env, cwd);
    expect(await runCli(['logs', '{app="backend"} | json', '--kubeconfig', 'kubeconfig.yaml'], bad)).toBe(2);
    expect(bad.err()).toContain('position 17');
  });
});
