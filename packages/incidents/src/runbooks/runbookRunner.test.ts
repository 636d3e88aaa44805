import { createOperations } from '@opspilot/ops';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Drill, drillHarness } from '../drills/__fixtures__/drillHarness.js';

let d: Drill;
beforeAll(async () => {
  d = await drillHarness('config-change-crash-loop');
  await d.library.save(
    `apiVersion: opspilot.dev/v1
kind: Runbook
metadata: { name: scale-then-check }
parameters: { namespace: {}, workload: {}, node: {} }
steps:
  - id: scale
    type: action
    action: workload:scale
    with: { namespace: "{{ namespace }}", workload: "{{ workload }}", replicas: 3 }
    rollback: { action: workload:scale, with: { namespace: "{{ namespace }}", workload: "{{ workload }}", replicas: 2 } }
  - id: node-ready
    type: check
    action: check:node-ready
    with: { node: "{{ node }}" }
    timeout_seconds: 10
    interval_seconds: 5
`,
    'alice',
  );
});
afterAll(() => d?.stop());

const frontend = { kind: 'Deployment', namespace: 'todo', name: 'frontend' };
const replicas = async () => ((await d.gateway.get(frontend))?.spec as { replicas: number } | undefined)?.replicas;

describe('createRunbookRunner against the simulated cluster', () => {
  it('stops on a failed check and rolls back the applied step that declares a rollback', async () => {
    let run = await d.whileRunning(
      d.runner.start({
        runbook: 'scale-then-check',
        input: { namespace: 'todo', workload: 'frontend', node: 'no-such-node' },
        user: 'alice',
      }),
    );
    expect(run.status).toBe('AWAITING_APPROVAL');
    expect(run.step_results[0]?.output).toMatch(/scale deployment\/frontend in todo from 2 to 3/);
    run = await d.whileRunning(d.runner.approve(run.id, { user: 'bob' }));
    expect(run).toMatchObject({ status: 'FAILED' });
    expect(run.step_results.map((r) => r.status)).toEqual(['SUCCEEDED', 'FAILED']);
    expect(run.step_results[1]?.error).toMatch(/check did not hold within 10s: node no-such-node Ready=unknown/);
    expect(await replicas()).toBe(2);
    const trail = (await d.store.audit.list({ target: 'deployment/todo/frontend' }, { page_size: 20 })).items;
    expect(trail.filter((e) => e.action === 'operation.applied')).toHaveLength(2); // the scale, then its rollback
  });

  it('refuses a run missing a parameter, naming it', async () => {
    await expect(
      d.runner.start({ runbook: 'scale-then-check', input: { namespace: 'todo' }, user: 'alice' }),
    ).rejects.toMatchObject({
      message: 'runbook scale-then-check needs workload, node',
    });
  });

  it('resumes after a restart: an action the dead process applied counts as done, and the run goes on', async () => {
    let run = await d.whileRunning(
      d.runner.start({ runbook: 'scale-out', input: { namespace: 'todo', workload: 'backend' }, user: 'alice' }),
    );
    expect(run.status).toBe('AWAITING_APPROVAL');
    // The process approved and applied the change, then died before recording it: the execution says RUNNING.
    const operationId = /^operation (\S+)/.exec(run.step_results[1]?.output ?? '')?.[1] as string;
    const ops = createOperations({
      ...d.opsDeps,
      planner: async () => ({ kind: 'unsupported', message: 'x', understood: '', suggestions: [], notices: [] }),
    });
    await ops.approve(operationId, { user: 'bob' });
    await d.whileRunning(ops.apply(operationId, { user: 'bob' }));
    await d.store.runbookExecutions.update(run.id, { status: 'RUNNING' });

    const [resumed] = await d.whileRunning(d.makeRunner().recover());
    expect(resumed).toMatchObject({ id: run.id, status: 'SUCCEEDED' });
    expect(resumed?.step_results.map((r) => r.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    expect(
      (
        (await d.gateway.get({ kind: 'Deployment', namespace: 'todo', name: 'backend' }))?.spec as
          | { replicas: number }
          | undefined
      )?.replicas,
    ).toBe(4);
    run = await d.runner.get(run.id);
    expect(run.finished_at).toBeDefined();
  });
});
