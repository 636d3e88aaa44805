import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './__fixtures__/harness.js';

type Json = Record<string, unknown>;
let h: Harness;

const pod = (name: string, init: Json[], restartPolicy = 'Always') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { restartPolicy, initContainers: init, containers: [{ name: 'app', image: 'nginx:1.27' }] },
});
const step = (name: string, script: string) => ({ name, image: 'busybox:1.36', command: ['sh', '-c', script] });
const statusOf = (name: string) => h.get('Pod', name)!.status as Json;
const stateOf = (s: Json) => s.state as Json;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.sim.stop());

describe('init containers', () => {
  it('runs them in order before the app containers', async () => {
    h.create(pod('ok', [step('migrate', 'echo migrated; exit 0'), step('warm', 'exit 0')]));
    await h.advance(60_000);
    const status = statusOf('ok');
    expect(status.phase).toBe('Running');
    const init = status.initContainerStatuses as Json[];
    expect(init.map((s) => (stateOf(s).terminated as Json | undefined)?.reason)).toEqual(['Completed', 'Completed']);
    expect(stateOf((status.containerStatuses as Json[])[0]!).running).toBeDefined();
    expect((status.conditions as Json[]).find((c) => c.type === 'Initialized')?.status).toBe('True');
  });

  it('crash-loops a failing one and keeps the pod Pending, the app containers waiting', async () => {
    h.create(pod('blocked', [step('wait-db', 'echo db unreachable; exit 1'), step('warm', 'exit 0')]));
    await h.advance(120_000);
    const status = statusOf('blocked');
    expect(status.phase).toBe('Pending');
    const [first, second] = status.initContainerStatuses as Json[];
    expect(stateOf(first!).waiting).toMatchObject({ reason: 'CrashLoopBackOff' });
    expect(((first!.lastState as Json).terminated as Json).exitCode).toBe(1);
    expect(Number(first!.restartCount)).toBeGreaterThan(0);
    expect(stateOf(second!).waiting).toEqual({ reason: 'PodInitializing' });
    expect(stateOf((status.containerStatuses as Json[])[0]!).waiting).toEqual({ reason: 'PodInitializing' });
    expect((status.conditions as Json[]).find((c) => c.type === 'Initialized')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [wait-db warm]',
    });
    expect(h.events('BackOff').map((e) => e.message)).toContain(
      'Back-off restarting failed container wait-db in pod blocked',
    );
  });

  it('fails the pod when restartPolicy is Never', async () => {
    h.create(pod('once', [step('check', 'exit 3')], 'Never'));
    await h.advance(60_000);
    expect(statusOf('once').phase).toBe('Failed');
  });
});
