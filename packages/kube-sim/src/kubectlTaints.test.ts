import { ManualClock } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from './startSimCluster.js';
import { advanceClock, createKubectlOk } from './testing/index.js';

let sim: SimCluster;
let clock: ManualClock;
let ok: (args: string[]) => Promise<string>;
const advance = (ms: number, step = 1000) => advanceClock(clock, ms, step);
const podsOn = async (node: string) =>
  (await ok(['get', 'pods', '-l', 'app=api', '--field-selector', `spec.nodeName=${node}`, '-o', 'name']))
    .split('\n')
    .filter(Boolean);

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ clock });
  ok = createKubectlOk(sim.kubeconfig);
}, 60_000);
afterAll(async () => sim?.stop());

describe('real kubectl: taint-based evictions', () => {
  it('evicts with kubectl taint …:NoExecute, reports TaintManagerEviction events, and untaints', async () => {
    await ok(['create', 'deployment', 'api', '--image=nginx:1.27', '--replicas=4']);
    await advance(8_000);
    const before = await podsOn('sim-worker-1');
    expect(before.length).toBeGreaterThan(0);
    expect(await ok(['taint', 'nodes', 'sim-worker-1', 'maintenance=true:NoExecute'])).toBe(
      'node/sim-worker-1 tainted\n',
    );
    await advance(8_000);
    expect(await podsOn('sim-worker-1')).toEqual([]);
    expect(await podsOn('sim-worker-2')).toHaveLength(4);
    const messages = await ok([
      'get',
      'events',
      '--field-selector',
      'reason=TaintManagerEviction',
      '-o',
      'jsonpath={range .items[*]}{.source.component} {.message}{"\\n"}{end}',
    ]);
    expect(messages.trim().split('\n').sort()).toEqual(
      before.map((p) => `taint-eviction-controller Marking for deletion Pod default/${p.replace('pod/', '')}`).sort(),
    );
    expect(await ok(['taint', 'nodes', 'sim-worker-1', 'maintenance=true:NoExecute-'])).toBe(
      'node/sim-worker-1 untainted\n',
    );
    expect(await ok(['get', 'node', 'sim-worker-1', '-o', 'jsonpath={.spec.taints}'])).toBe('');
  });

  it('marks a node NotReady through the status subresource and evicts after the 300 s default toleration', async () => {
    await ok([
      'patch',
      'node',
      'sim-worker-2',
      '--subresource=status',
      '--type=strategic',
      '-p',
      '{"status":{"conditions":[{"type":"Ready","status":"Unknown","reason":"NodeStatusUnknown","message":"Kubelet stopped posting node status."}]}}',
    ]);
    await advance(1_000);
    expect(await ok(['get', 'node', 'sim-worker-2', '-o', 'jsonpath={.spec.taints[*].key}'])).toBe(
      'node.kubernetes.io/unreachable node.kubernetes.io/unreachable',
    );
    await advance(290_000, 10_000);
    expect(await podsOn('sim-worker-2')).toHaveLength(4);
    await advance(20_000, 10_000);
    expect(await podsOn('sim-worker-2')).toEqual([]);
    expect(await podsOn('sim-worker-1')).toHaveLength(4);
  });
});
