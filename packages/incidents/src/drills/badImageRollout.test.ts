import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signalFromAlert } from '../correlate/signalFromAlert.js';
import { type Drill, drillHarness } from './__fixtures__/drillHarness.js';
import { createErrorRateRule } from './__fixtures__/errorRateRule.js';

let d: Drill;
beforeAll(async () => {
  d = await drillHarness('bad-image-rollout');
});
afterAll(() => d?.stop());

const backend = { kind: 'Deployment', namespace: 'todo', name: 'backend' };
const rule = createErrorRateRule();
const apps = async () => (await d.sim.api.hooks.metrics?.('apps'))?.text ?? '';
/** Two scrapes 30 s apart, the rule evaluated over them and its alerts fed to the commander as signals. */
async function alerts() {
  const before = await apps();
  await d.advance(30_000);
  const fired = rule.evaluate(before, await apps(), d.clock.now());
  await d.observe(); // the live findings, and the topology the alerts are correlated on
  await d.commander.ingest(fired.map(signalFromAlert));
  return fired;
}

describe('drill: a bad image rollout raises the error rate', () => {
  it('opens one incident for the failing pods, ranks the audited rollout first, rolls it back by runbook, resolves and writes the post-mortem', async () => {
    expect(await alerts()).toEqual([]);
    const rolled = await d.change('roll out backend 2.0 -n todo', [
      {
        op: 'apply',
        mode: 'patch',
        object: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'backend', namespace: 'todo' },
          spec: {
            template: {
              metadata: { labels: { version: '2.0' } },
              spec: { containers: [{ name: 'backend', image: 'todo/backend:2.0' }] },
            },
          },
        },
        description: 'backend image → todo/backend:2.0',
      },
    ]);
    expect(rolled.state, rolled.result).toBe('APPLIED');
    await d.advance(60_000);

    const fired = await alerts();
    expect(fired.filter((a) => a.state === 'FIRING').length).toBeGreaterThanOrEqual(2);
    const open = await d.store.incidents.list({ status: 'DETECTED' });
    expect(open.items).toHaveLength(1); // one incident, not one per pod
    const incident = open.items[0]!;

    const analysis = await d.commander.analyze(incident.id, 'alice');
    const top = analysis.causes[0]!;
    expect(top).toMatchObject({ kind: 'bad-rollout', subject: backend, runbook: { name: 'rollback-bad-rollout' } });
    expect(top.evidence.find((e) => e.kind === 'audit')?.source).toContain(`operation ${rolled.id}`);
    expect(
      top.evidence.some((e) => e.kind === 'change' && /todo\/backend:1\.0 → todo\/backend:2\.0/.test(e.detail)),
    ).toBe(true);

    let run = await d.whileRunning(d.commander.executeRunbook(incident.id, { user: 'alice' }));
    expect(run.status).toBe('AWAITING_APPROVAL');
    run = await d.whileRunning(d.runner.approve(run.id, { user: 'bob' }));
    expect(run.status).toBe('SUCCEEDED');
    const image = (
      (await d.gateway.get(backend))?.spec as { template: { spec: { containers: { image: string }[] } } } | undefined
    )?.template.spec.containers[0]?.image;
    expect(image).toBe('todo/backend:1.0');

    // The old version answers without errors: the alerts resolve, and after the hysteresis the incident too.
    await d.advance(30_000);
    const after = await alerts();
    expect(after.every((a) => a.state === 'RESOLVED')).toBe(true);
    await d.advance(125_000);
    const [resolved] = await d.commander.tick();
    expect(resolved).toMatchObject({ id: incident.id, status: 'RESOLVED' });
    const pm = await d.commander.generatePostMortem(incident.id, 'alice');
    expect(pm.markdown).toContain('rollout of deployment/todo/backend');
    expect(pm.markdown).toContain('Runbook **rollback-bad-rollout** (SUCCEEDED');
  });
});
