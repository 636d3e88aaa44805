import { anomalySignal, toAnomalyDetection } from '@opspilot/anomaly';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signalFromAlert, signalFromAnomaly } from '../correlate/signalFromAlert.js';
import { type Drill, drillHarness } from './__fixtures__/drillHarness.js';
import { evaluateThrottling } from './__fixtures__/throttlingRule.js';

let d: Drill;
beforeAll(async () => {
  d = await drillHarness('noisy-neighbour');
});
afterAll(() => d?.stop());

const cadvisor = async () => (await d.sim.api.hooks.metrics?.('cadvisor'))?.text ?? '';
const podOf = async (namespace: string, app: string) =>
  (await d.gateway.list('Pod', { namespace, labelSelector: `app=${app}` }))[0]!;

describe('drill: a noisy neighbour', () => {
  it('correlates the hog and the throttled API into one incident, names the hog, caps its CPU by runbook, resolves and writes the post-mortem', async () => {
    await d.advanceSampling(60_000);
    expect(await d.observe()).toEqual([]);
    const before = await cadvisor();
    await d.advanceSampling(30_000);
    expect(evaluateThrottling(before, await cadvisor(), d.clock.now())).toEqual([]); // healthy: nothing throttled

    // Two minutes in the miner's CPU spikes: the node is over-committed and shared by requests.
    await d.advanceSampling(60_000);
    const during = await cadvisor();
    await d.advanceSampling(30_000);
    const alerts = evaluateThrottling(during, await cadvisor(), d.clock.now());
    const api = await podOf('shop', 'api');
    const miner = await podOf('batch', 'miner');
    expect(alerts.map((a) => a.labels.pod)).toEqual([api.metadata.name]); // the API is throttled, not the miner
    const [node] = [(api.spec as { nodeName: string }).nodeName];
    expect((miner.spec as { nodeName: string }).nodeName).toBe(node);

    // The signals, as they would arrive: the throttling alert, and the miner's CPU spike from the anomaly scan.
    const usage = (await d.gateway.podMetrics()).find((u) => u.ref.name === miner.metadata.name)!;
    const spike = toAnomalyDetection(
      '0d5f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b',
      anomalySignal('pod-cpu')!,
      { namespace: 'batch', pod: miner.metadata.name, workload: 'miner' },
      {
        index: 0,
        time: d.clock.now().getTime() / 1000 - 60,
        type: 'SPIKE',
        direction: 1,
        score: 0.99,
        actual: usage.cpuMillicores / 1000,
        expected: 0.2,
        normal: 0.2,
        normalScale: 0.01,
        deviations: 250,
        seasonal: false,
        components: { forecast: 1, changePoint: 1, baseline: 1, threshold: 0 },
      },
    );
    await d.observe(); // the topology the signals are correlated on
    await d.commander.ingest(alerts.map(signalFromAlert));
    // The drill's store registers no cluster: the signal names none, like the alerts.
    const { cluster_id: _none, ...fromScan } = signalFromAnomaly({ ...spike, id: crypto.randomUUID() } as never);
    await d.commander.ingest([fromScan]);

    const open = await d.store.incidents.list({ status: 'DETECTED' });
    const withApi = open.items.filter((i) => i.affected_resources.some((r) => r.name === api.metadata.name));
    expect(withApi).toHaveLength(1);
    const incident = withApi[0]!;
    expect(incident.affected_resources.map((r) => r.name)).toEqual(
      expect.arrayContaining([api.metadata.name, miner.metadata.name]),
    );

    const analysis = await d.commander.analyze(incident.id, 'alice');
    const top = analysis.causes[0]!;
    expect(top).toMatchObject({
      kind: 'noisy-neighbour',
      subject: { kind: 'Deployment', namespace: 'batch', name: 'miner' },
      runbook: { name: 'limit-noisy-neighbour', input: { namespace: 'batch', workload: 'miner', kind: 'Deployment' } },
    });
    expect(top.summary).toMatch(
      new RegExp(`deployment miner hogs the CPU of node ${node} .*starving api on the same node`),
    );
    const details = top.evidence.map((e) => e.detail).join('\n');
    expect(details).toMatch(new RegExp(`node ${node} uses 3\\.\\d cores of its 3\\.8 cores allocatable`));
    expect(details).toMatch(/against a request of 0\.5 cores, with no CPU limit/);
    expect(details).toContain(`deployment/shop/api runs on node ${node} beside deployment/batch/miner`);
    expect(top.evidence.some((e) => e.kind === 'signal' && e.source === 'alert CPUThrottlingHigh')).toBe(true);

    // The runbook caps the miner's CPU at its request through a reviewed operation; its spike is then held there.
    let run = await d.whileRunning(d.commander.executeRunbook(incident.id, { user: 'alice' }));
    expect(run.status).toBe('AWAITING_APPROVAL');
    expect(run.step_results[1]?.output).toMatch(
      /cap the CPU of miner in miner at 500m \(limit was none, request 500m\)/,
    );
    run = await d.whileRunning(d.runner.approve(run.id, { user: 'bob' }));
    expect(run.status, JSON.stringify(run.step_results)).toBe('SUCCEEDED');
    const limited = await d.gateway.get({ kind: 'Deployment', namespace: 'batch', name: 'miner' });
    expect(JSON.stringify(limited?.spec)).toContain('"limits":{"cpu":"500m"}');

    // The API is no longer throttled: its alert resolves; the miner's anomaly is not repeated and goes stale.
    await d.advanceSampling(30_000);
    const calm = await cadvisor();
    await d.advanceSampling(30_000);
    expect(evaluateThrottling(calm, await cadvisor(), d.clock.now())).toEqual([]);
    const endsAt = d.clock.now().toISOString();
    await d.commander.ingest(alerts.map((a) => signalFromAlert({ ...a, state: 'RESOLVED', ends_at: endsAt })));
    await d.advance(16 * 60_000); // past the anomaly's time-to-live
    expect(await d.commander.tick()).toEqual([]); // the stale anomaly clears now; the hysteresis starts
    await d.advance(125_000);
    const [resolved] = await d.commander.tick();
    expect(resolved).toMatchObject({ id: incident.id, status: 'RESOLVED' });
    const pm = await d.commander.generatePostMortem(incident.id, 'alice');
    expect(pm.markdown).toContain('hogs the CPU of node');
    expect(pm.markdown).toContain('Runbook **limit-noisy-neighbour** (SUCCEEDED');
  });
});
