// Benchmark of event aggregation (run on demand: `npx tsx bench/kubeSimEvents.ts`): prints figures, asserts nothing.
// The `broken` scenario runs 30 simulated minutes, then `kubectl get events -A` is timed (goal: < 200 Events, < 1 s).
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ManualClock } from '@opspilot/core';
import { startSimCluster } from '@opspilot/kube-sim';
import { advanceClock, toolBinary } from '@opspilot/kube-sim/testing';

const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
const sim = await startSimCluster({ clock, scenario: 'broken' });
const simulated = performance.now();
await advanceClock(clock, 30 * 60_000, 1000);
const simulatedMs = performance.now() - simulated;

const home = mkdtempSync(join(tmpdir(), 'opspilot-bench-'));
writeFileSync(join(home, 'kubeconfig'), sim.kubeconfig);
const kubectl = toolBinary('kubectl');
// kubectl runs as a child process while this process serves it, so the call must not block the event loop.
const getEvents = async (): Promise<number> => {
  const args = ['--kubeconfig', join(home, 'kubeconfig'), '--cache-dir', join(home, 'cache'), 'get', 'events', '-A'];
  const { stdout } = await promisify(execFile)(kubectl, [...args, '--no-headers'], {
    env: { HOME: home, PATH: process.env.PATH ?? '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.trim().split('\n').length;
};
await getEvents();
const times: number[] = [];
let rows = 0;
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  rows = await getEvents();
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`30 simulated minutes of the broken scenario in ${(simulatedMs / 1000).toFixed(1)} s`);
console.log(
  `kubectl get events -A: ${rows} Events, median ${times[2]!.toFixed(0)} ms, best ${times[0]!.toFixed(0)} ms`,
);
await sim.stop();
