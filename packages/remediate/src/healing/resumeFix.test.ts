import type { HealingRule } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployment, namespace, remediateHarness } from '../__fixtures__/remediateHarness.js';
import { createHealingEngine } from './createHealingEngine.js';

let h: Awaited<ReturnType<typeof remediateHarness>>;
beforeAll(async () => {
  h = await remediateHarness({ deps: { verifyTimeoutMs: 60_000 } });
});
afterAll(() => h?.stop());

/** A healing engine on the harness's store, as a freshly started process builds it. */
const newEngine = () =>
  createHealingEngine({
    gateway: h.gateway,
    clock: h.clock,
    audit: h.store.audit,
    store: { rules: h.store.healingRules, actions: h.store.healingActions },
    remediator: h.remediator,
  });

const hog = (ns: string, memory: string) =>
  deployment(ns, 'cache', { image: 'opspilot/memory-hog:1.0', resources: { limits: { memory } } }, {}, 1);

/** Runs a pass until its fix is applied and 10 s into the settle window, then stops it as a process stop would. */
async function interruptMidSettle(rule: HealingRule) {
  const stop = new AbortController();
  const pass = newEngine().runPass({ signal: stop.signal });
  pass.catch(() => undefined);
  for (let waited = 0; waited < 300; waited++) {
    const [action] = (await h.store.healingActions.list({ rule_id: rule.id })).items;
    const operationId = action?.result.operation_id;
    if (typeof operationId === 'string' && (await h.remediator.operation(operationId)).state === 'APPLIED') break;
    await h.advance(1000);
  }
  await h.advance(10_000);
  stop.abort(new Error('process stopped'));
  await expect(pass).rejects.toThrow('process stopped');
  const [action] = (await h.store.healingActions.list({ rule_id: rule.id })).items;
  expect(action).toMatchObject({ status: 'RUNNING', result: expect.objectContaining({ fix: expect.anything() }) });
  return action!;
}

const oomRule = (name: string, ns: string) =>
  h.store.healingRules.create({
    name,
    condition_type: 'pod-oom-killed',
    condition_config: { namespaces: [ns] },
    action_type: 'oom:raise-memory-limit',
    action_config: { mode: 'automatic', verify_settle_seconds: 60, max_actions_per_window: 10 },
    cooldown_seconds: 600,
    max_retries: 0,
  });

describe('a settle interrupted by a restart', () => {
  it('is resumed by the first pass after the start and concludes VERIFIED from the current state', async () => {
    const rule = await oomRule('oom-restart', 'restart');
    await h.apply(namespace('restart'), hog('restart', '512Mi'));
    await h.findingFor('pod-oom-killed', 'cache-', 'restart');
    const interrupted = await interruptMidSettle(rule);
    // A later ordinary pass leaves a fresh RUNNING action alone (its process may still be settling it)…
    expect((await h.whileRunning(newEngine().runPass())).actions).toEqual([]);
    // …the first pass of a started process recovers it: the settle window runs again on the live state.
    const report = await h.whileRunning(newEngine().runPass({ recover: true }));
    expect(report.actions.map((a) => [a.id, a.status, a.result.outcome])).toEqual([
      [interrupted.id, 'SUCCEEDED', 'VERIFIED'],
    ]);
    expect(String(report.actions[0]!.result.message)).toMatch(/^settled after an interruption: 1 pod\(s\) ready/);
    expect(report.actions[0]!.result.time_to_recover_ms).toBeGreaterThan(0);
    const live = await h.gateway.get({ kind: 'Deployment', name: 'cache', namespace: 'restart' });
    expect(JSON.stringify(live?.spec)).toContain('"memory":"1Gi"');
    const verified = await h.store.audit.list({ action: 'remediation.verified', target: 'deployment/restart/cache' });
    expect(verified.items.map((e) => e.details.operation_id)).toEqual([interrupted.result.operation_id]);
    await h.store.healingRules.update(rule.id, { enabled: false });
  });

  it('rolls the fix back when the resumed settle finds it does not hold', async () => {
    const rule = await oomRule('oom-restart-bad', 'restart-bad');
    await h.apply(namespace('restart-bad'), hog('restart-bad', '256Mi'));
    await h.findingFor('pod-oom-killed', 'cache-', 'restart-bad');
    const interrupted = await interruptMidSettle(rule);
    // While no process watched it, the workload broke again (a bad image rolled out): the fix does not hold now.
    await h.gateway.patch(
      { kind: 'Deployment', name: 'cache', namespace: 'restart-bad' },
      { spec: { template: { spec: { containers: [{ name: 'app', image: 'opspilot/memory-hog:9.9.404' }] } } } },
    );
    const report = await h.whileRunning(newEngine().runPass({ recover: true }));
    expect(report.actions.map((a) => [a.id, a.status, a.result.outcome])).toEqual([
      [interrupted.id, 'FAILED', 'ROLLED_BACK'],
    ]);
    expect(String(report.actions[0]!.result.message)).toMatch(/^settled after an interruption: verification failed/);
    const live = await h.gateway.get({ kind: 'Deployment', name: 'cache', namespace: 'restart-bad' });
    expect(JSON.stringify(live?.spec)).toContain('"memory":"256Mi"');
    await h.store.healingRules.update(rule.id, { enabled: false });
  });

  it('abandons a fix stopped before it was applied: its operation rejected, nothing applied', async () => {
    const rule = await oomRule('oom-restart-early', 'restart-early');
    await h.apply(namespace('restart-early'), hog('restart-early', '512Mi'));
    const finding = await h.findingFor('pod-oom-killed', 'cache-', 'restart-early');
    const { candidates } = await h.remediator.diagnose(finding);
    const proposed = await h.remediator.propose(candidates[0]!, { user: 'healing-rule:oom-restart-early' });
    if (proposed.kind !== 'operation') throw new Error(proposed.reasons.join('; '));
    const action = await h.store.healingActions.create({
      rule_id: rule.id,
      target: 'deployment/restart-early/cache',
      status: 'RUNNING',
      started_at: h.clock.now().toISOString(),
      result: { operation_id: proposed.operation.id, remediation: 'oom:raise-memory-limit' },
    });
    const report = await h.whileRunning(newEngine().runPass({ recover: true }));
    expect(report.actions.filter((a) => a.id === action.id).map((a) => [a.status, a.result.outcome])).toEqual([
      ['SKIPPED', 'INTERRUPTED'],
    ]);
    expect((await h.remediator.operation(proposed.operation.id)).state).toBe('REJECTED');
    await h.store.healingRules.update(rule.id, { enabled: false });
  });
});
