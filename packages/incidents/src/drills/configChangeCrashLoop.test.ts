import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Drill, drillHarness } from './__fixtures__/drillHarness.js';

let d: Drill;
beforeAll(async () => {
  d = await drillHarness('config-change-crash-loop');
});
afterAll(() => d?.stop());

const worker = { kind: 'Deployment', namespace: 'todo', name: 'worker' };

describe('drill: a ConfigMap change makes a workload crash-loop', () => {
  it('opens one incident, ranks the audited ConfigMap change first, reverts it by runbook, resolves and writes the post-mortem', async () => {
    expect(await d.observe()).toEqual([]); // the healthy cluster opens no incident

    // alice changes the ConfigMap through an operation (bob approves); then both pods are replaced and crash.
    const changed = await d.change('set STARTUP_CHECK to false in configmap worker-config -n todo', [
      {
        op: 'apply',
        mode: 'patch',
        object: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'worker-config', namespace: 'todo' },
          data: { STARTUP_CHECK: 'false' },
        },
        description: 'set STARTUP_CHECK=false',
      },
    ]);
    expect(changed.state).toBe('APPLIED');
    await d.advance(60_000);
    for (const pod of await d.gateway.list('Pod', { namespace: 'todo', labelSelector: 'app=worker' })) {
      await d.gateway.delete({ kind: 'Pod', namespace: 'todo', name: pod.metadata.name });
    }
    await d.advance(60_000);

    // Signals → one incident, not one per pod.
    await expect.poll(async () => (await d.observe()).length, { timeout: 60_000 }).toBeGreaterThan(0);
    await d.advance(30_000);
    await d.observe();
    const open = await d.store.incidents.list({ status: 'DETECTED' });
    expect(open.items).toHaveLength(1);
    const incident = open.items[0]!;
    const signals = await d.commander.signalsOf(incident.id);
    expect(new Set(signals.map((s) => s.signal.resource?.name)).size).toBeGreaterThanOrEqual(2);

    // The right cause first, with the audit-log change as evidence, and its runbook.
    const analysis = await d.commander.analyze(incident.id, 'alice');
    const top = analysis.causes[0]!;
    expect(top).toMatchObject({ kind: 'config-change', subject: { kind: 'ConfigMap', name: 'worker-config' } });
    expect(top.evidence.find((e) => e.kind === 'audit')?.source).toContain(`operation ${changed.id}`);
    expect(top.runbook).toMatchObject({
      name: 'revert-config-change',
      input: { operation_id: changed.id, workload: 'worker' },
    });

    // The runbook: each change waits for approval, then runs through the operation lifecycle.
    let run = await d.whileRunning(d.commander.executeRunbook(incident.id, { user: 'alice' }));
    expect(run.status).toBe('AWAITING_APPROVAL');
    run = await d.whileRunning(d.runner.approve(run.id, { user: 'bob' }));
    expect(run.status).toBe('AWAITING_APPROVAL'); // the restart, next
    run = await d.whileRunning(d.runner.approve(run.id, { user: 'bob' }));
    expect(run.status).toBe('SUCCEEDED');
    expect(run.step_results.map((r) => r.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    const cm = await d.gateway.get({ kind: 'ConfigMap', namespace: 'todo', name: 'worker-config' });
    expect((cm as { data?: Record<string, string> }).data?.STARTUP_CHECK).toBe('true');
    expect((await d.gateway.rolloutStatus(worker)).done).toBe(true);

    // Signals clear; after the hysteresis the incident resolves itself.
    await d.advance(30_000);
    await d.observe();
    await d.advance(130_000);
    const [resolved] = await d.commander.tick();
    expect(resolved).toMatchObject({ id: incident.id, status: 'RESOLVED' });

    const pm = await d.commander.generatePostMortem(incident.id, 'alice');
    expect(pm.markdown).toContain('## Root cause');
    expect(pm.markdown).toContain('worker-config');
    expect(pm.markdown).toContain('Runbook **revert-config-change** (SUCCEEDED');
    expect(pm.html).toContain('<h2>Timeline</h2>');
    const trail = (await d.store.audit.list({}, { page_size: 100 })).items.map((e) => e.action);
    expect(trail).toEqual(
      expect.arrayContaining([
        'incident.opened',
        'incident.analyzed',
        'runbook.started',
        'runbook.succeeded',
        'incident.resolved',
        'incident.postmortem_generated',
      ]),
    );
    expect((await d.store.audit.verify()).ok).toBe(true);
  });
});
