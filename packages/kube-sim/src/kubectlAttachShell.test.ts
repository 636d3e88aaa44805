import { ManualClock } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type SimCluster, startSimCluster } from './startSimCluster.js';
import { advanceClock, createKubectl, createKubectlProcess, type KubectlResult } from './testing/index.js';

vi.setConfig({ testTimeout: 120_000 });

let sim: SimCluster;
let clock: ManualClock;
let kubectl: (args: string[], input?: string) => Promise<KubectlResult>;
let start: ReturnType<typeof createKubectlProcess>;

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ clock });
  kubectl = createKubectl(sim.kubeconfig);
  start = createKubectlProcess(sim.kubeconfig);
}, 120_000);
afterAll(async () => sim?.stop());

/** `kubectl run -i --rm NAME -n NS --image=busybox:1.36 --restart=Never -- sh` fed `input`, until kubectl ends. */
async function runShell(namespace: string, name: string, input: string) {
  const run = start(
    ['run', '-i', '--rm', name, '-n', namespace, '--image=busybox:1.36', '--restart=Never', '--', 'sh'],
    input,
  );
  for (let i = 0; i < 60 && run.child.exitCode === null; i++) {
    await advanceClock(clock, 1000);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (run.child.exitCode === null) await run.stop();
  return { code: await run.exited, stdout: run.stdout(), stderr: run.stderr() };
}

describe('real kubectl run -i of a shell fed on stdin', () => {
  it('runs the lines it is sent, exits with `exit N`, and kubectl deletes the pod', async () => {
    expect((await kubectl(['create', 'namespace', 'shell'])).code).toBe(0);
    const ended = await runShell('shell', 't', 'X=hi\necho $X\nexit 3\necho never\n');
    expect(ended.stdout).toMatch(/^hi\n/);
    expect(ended.stdout).not.toContain('never');
    expect(ended.code).toBe(3);
    expect((await kubectl(['get', 'pods', '-n', 'shell', '-o', 'name'])).stdout).toBe('');

    const closed = await runShell('shell', 'u', 'echo bye\n');
    expect(closed.stdout).toMatch(/^bye\npod "u" deleted/);
    expect(closed.code).toBe(0);

    // Nobody attached: the shell waits for input and the pod keeps running.
    const detached = await kubectl([
      'run',
      'w',
      '-n',
      'shell',
      '-i',
      '--attach=false',
      '--image=busybox:1.36',
      '--restart=Never',
      '--',
      'sh',
    ]);
    expect(detached.code).toBe(0);
    await advanceClock(clock, 30_000);
    await expect
      .poll(async () => (await kubectl(['get', 'pod', 'w', '-n', 'shell', '-o', 'jsonpath={.status.phase}'])).stdout)
      .toBe('Running');
  });
});
