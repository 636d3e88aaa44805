import { createMemoryEventBus } from '@opspilot/bus';
import type { Event, NewHealingRule } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployment, namespace, remediateHarness } from '../__fixtures__/remediateHarness.js';
import { concurrencyLimit } from './concurrencyLimit.js';
import { createHealingEngine } from './createHealingEngine.js';
import { healingStats } from './healingStats.js';

let h: Awaited<ReturnType<typeof remediateHarness>>;
const events: Event[] = [];
let engine: ReturnType<typeof createHealingEngine>;
beforeAll(async () => {
  h = await remediateHarness({ deps: { verifyTimeoutMs: 60_000 } });
  const bus = createMemoryEventBus();
  bus.subscribe({}, (e) => {
    events.push(e);
  });
  engine = createHealingEngine({
    gateway: h.gateway,
    clock: h.clock,
    audit: h.store.audit,
    store: { rules: h.store.healingRules, actions: h.store.healingActions },
    remediator: h.remediator,
    events: bus,
  });
});
afterAll(() => h?.stop());

const oomRule = (name: string, ns: string, over: Partial<NewHealingRule> = {}, limits: Record<string, unknown> = {}) =>
  h.store.healingRules.create({
    name,
    condition_type: 'pod-oom-killed',
    condition_config: { namespaces: [ns] },
    action_type: 'oom:raise-memory-limit',
    action_config: { mode: 'automatic', verify_settle_seconds: 30, ...limits },
    cooldown_seconds: 600,
    max_retries: 0,
    ...over,
  });
const hog = (ns: string, name: string, memory: string) =>
  deployment(ns, name, { image: 'opspilot/memory-hog:1.0', resources: { limits: { memory } } }, {}, 1);
/** stress mapping 900M under a 256Mi limit: a command's kill reports no need above the limit, so the fix doubles it. */
const stress = (ns: string, name: string) =>
  deployment(
    ns,
    name,
    {
      image: 'polinux/stress:1.0.4',
      command: ['stress'],
      args: ['--vm', '1', '--vm-bytes', '900M', '--vm-hang', '1'],
      resources: { limits: { memory: '256Mi' } },
    },
    {},
    1,
  );

describe('the healing engine on the simulated cluster', () => {
  it('heals an OOM-killed workload automatically within its limits, verified, audited and published', async () => {
    const rule = await oomRule('oom-auto', 'auto');
    await h.apply(namespace('auto'), hog('auto', 'cache', '512Mi'));
    await h.findingFor('pod-oom-killed', 'cache-', 'auto');
    const report = await h.whileRunning(engine.runPass());
    expect(report.actions).toEqual([
      expect.objectContaining({
        rule_id: rule.id,
        target: 'deployment/auto/cache',
        status: 'SUCCEEDED',
        dry_run: false,
      }),
    ]);
    expect(report.actions[0]!.result).toMatchObject({ outcome: 'VERIFIED', remediation: 'oom:raise-memory-limit' });
    expect(report.actions[0]!.result.time_to_recover_ms).toBeGreaterThan(0);
    const live = await h.gateway.get({ kind: 'Deployment', name: 'cache', namespace: 'auto' });
    expect(JSON.stringify(live?.spec)).toContain('"memory":"1Gi"');
    const approved = await h.store.audit.list({ action: 'operation.approved', target: 'deployment/auto/cache' });
    expect(approved.items[0]?.user_id).toBe('policy:healing-rule:oom-auto');
    expect(events.map((e) => e.event_type)).toEqual(
      expect.arrayContaining(['HEALING_ACTION_STARTED', 'HEALING_ACTION_FINISHED']),
    );
    const again = await h.whileRunning(engine.runPass());
    expect(again.actions).toEqual([]);
    const stats = healingStats((await h.store.healingActions.list({ rule_id: rule.id })).items, (a) => a.rule_id!);
    expect(stats).toEqual([expect.objectContaining({ runs: 1, succeeded: 1, success_rate: 1 })]);
    await h.store.healingRules.update(rule.id, { enabled: false });
  });

  it('only plans in dry-run mode: the operation waits, nothing changes', async () => {
    const rule = await oomRule('oom-dry', 'dry', {}, { dry_run: true });
    await h.apply(namespace('dry'), hog('dry', 'cache', '512Mi'));
    await h.findingFor('pod-oom-killed', 'cache-', 'dry');
    const report = await h.whileRunning(engine.runPass());
    expect(report.actions).toEqual([expect.objectContaining({ status: 'SUCCEEDED', dry_run: true })]);
    expect(report.actions[0]!.result).toMatchObject({ outcome: 'PLANNED' });
    expect(String(report.actions[0]!.result.diff)).toMatch(/\+\s+memory: 1Gi/);
    const live = await h.gateway.get({ kind: 'Deployment', name: 'cache', namespace: 'dry' });
    expect(JSON.stringify(live?.spec)).toContain('"memory":"512Mi"');
    await h.store.healingRules.update(rule.id, { enabled: false });
  });

  it('leaves an approval-mode action to a person, and records how its fix settled on the next pass', async () => {
    const rule = await oomRule('oom-approval', 'appr', {}, { mode: 'approval' });
    await h.apply(namespace('appr'), hog('appr', 'cache', '512Mi'));
    const finding = await h.findingFor('pod-oom-killed', 'cache-', 'appr');
    const first = await h.whileRunning(engine.runPass());
    expect(first.actions).toEqual([expect.objectContaining({ status: 'AWAITING_APPROVAL' })]);
    const operationId = String(first.actions[0]!.result.operation_id);
    expect((await h.remediator.operation(operationId)).state).toBe('NEEDS_REVIEW');
    const { candidates } = await h.remediator.diagnose(finding);
    const outcome = await h.whileRunning(
      h.remediator.execute(operationId, candidates[0]!, { user: 'carol', approver: 'carol' }),
    );
    expect(outcome.status).toBe('VERIFIED');
    const second = await h.whileRunning(engine.runPass());
    expect(second.actions).toEqual([
      expect.objectContaining({
        status: 'SUCCEEDED',
        result: expect.objectContaining({ outcome: 'VERIFIED', time_to_recover_ms: expect.any(Number) }),
      }),
    ]);
    await h.store.healingRules.update(rule.id, { enabled: false });
  });

  it('acts on an alert-triggered rule only while the alert fires about the object', async () => {
    const alerting = createHealingEngine({
      gateway: h.gateway,
      clock: h.clock,
      audit: h.store.audit,
      store: { rules: h.store.healingRules, actions: h.store.healingActions },
      remediator: h.remediator,
      alerts: {
        firing: async () =>
          (await h.store.alerts.list({ state: 'FIRING' }, { page_size: 100 })).items.map((a) => ({
            alertname: a.alertname,
            labels: a.labels,
          })),
      },
    });
    const rule = await h.store.healingRules.create({
      name: 'oom-on-alert',
      condition_type: 'pod-oom-killed',
      condition_config: { namespaces: ['alerted'], alerts: ['KubeContainerOOMKilled'] },
      action_type: 'oom:raise-memory-limit',
      action_config: { mode: 'automatic', verify_settle_seconds: 30 },
    });
    await h.apply(namespace('alerted'), hog('alerted', 'cache', '512Mi'));
    await h.findingFor('pod-oom-killed', 'cache-', 'alerted');
    expect((await h.whileRunning(alerting.runPass())).actions).toEqual([]);
    await h.store.alerts.upsert({
      fingerprint: 'f-oom-cache',
      alertname: 'KubeContainerOOMKilled',
      severity: 'CRITICAL',
      state: 'FIRING',
      labels: { namespace: 'alerted', deployment: 'cache' },
      starts_at: h.clock.now().toISOString(),
    });
    const report = await h.whileRunning(alerting.runPass());
    expect(report.actions).toEqual([
      expect.objectContaining({ target: 'deployment/alerted/cache', status: 'SUCCEEDED' }),
    ]);
    await h.store.healingRules.update(rule.id, { enabled: false });
  });

  it('heals a bad image tag and a Service selector typo under their own automatic rules in one pass', async () => {
    const rules = await Promise.all([
      h.store.healingRules.create({
        name: 'image-auto',
        condition_type: 'pod-image-pull',
        condition_config: { namespaces: ['many'] },
        action_type: 'image-pull:previous-image',
        action_config: { mode: 'automatic', verify_settle_seconds: 20 },
      }),
      h.store.healingRules.create({
        name: 'selector-auto',
        condition_type: 'service-selector-no-match',
        condition_config: { namespaces: ['many'] },
        action_type: 'service:fix-selector',
        action_config: { mode: 'automatic', verify_settle_seconds: 20 },
      }),
    ]);
    await h.apply(namespace('many'), deployment('many', 'web', {}), {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'many' },
      spec: { selector: { app: 'wbe' }, ports: [{ port: 80 }] },
    } as never);
    await h.advance(20_000);
    await h.gateway.patch(
      { kind: 'Deployment', name: 'web', namespace: 'many' },
      { spec: { template: { spec: { containers: [{ name: 'app', image: 'nginx:0.0.404' }] } } } },
    );
    await h.findingFor('pod-image-pull', 'web-', 'many');
    const report = await h.whileRunning(engine.runPass());
    expect(report.actions.map((a) => [a.target, a.status, a.result.remediation]).sort()).toEqual([
      ['deployment/many/web', 'SUCCEEDED', 'image-pull:previous-image'],
      ['service/many/web', 'SUCCEEDED', 'service:fix-selector'],
    ]);
    for (const rule of rules) await h.store.healingRules.update(rule.id, { enabled: false });
  });

  it('refuses a fix beyond the share of replicas it may touch, and beyond the actions that may run at once', async () => {
    const narrow = await oomRule('oom-narrow', 'narrow', {}, { max_replicas_percent: 30 });
    await h.apply(namespace('narrow'), hog('narrow', 'cache', '512Mi'));
    await h.findingFor('pod-oom-killed', 'cache-', 'narrow');
    const first = await h.whileRunning(engine.runPass());
    expect(first.actions.map((a) => [a.target, a.status, a.result.reason])).toEqual([
      [
        'deployment/narrow/cache',
        'SKIPPED',
        'blast radius: the rollout touches 1 of 1 replicas at once (100%, at most 30%)',
      ],
    ]);
    expect(events).toContainEqual(
      expect.objectContaining({
        event_type: 'HEALING_ACTION_FINISHED',
        namespace: 'narrow',
        payload: expect.objectContaining({ status: 'SKIPPED', reason: expect.stringMatching(/^blast radius:/) }),
      }),
    );
    await h.store.healingRules.update(narrow.id, { enabled: false });
    // Another replica's action still running: a rule allowing one at a time waits, and says so in the history.
    const elsewhere = await h.store.healingActions.create({
      rule_id: narrow.id,
      target: 'deployment/other/app',
      status: 'RUNNING',
      started_at: h.clock.now().toISOString(),
    });
    const busy = await oomRule('oom-busy', 'busy', {}, { max_concurrent: 1 });
    await h.apply(namespace('busy'), hog('busy', 'cache', '512Mi'));
    await h.findingFor('pod-oom-killed', 'cache-', 'busy');
    const second = await h.whileRunning(engine.runPass());
    expect(second.actions.map((a) => [a.target, a.status, a.result.reason])).toEqual([
      ['deployment/busy/cache', 'SKIPPED', 'concurrency: 1 healing action(s) running in all (at most 1)'],
    ]);
    expect(
      await concurrencyLimit({ rules: h.store.healingRules, actions: h.store.healingActions }, undefined, {
        max_concurrent: 5,
        max_concurrent_per_cluster: 1,
      }),
    ).toBe('concurrency: 1 healing action(s) running on this cluster (at most 1)');
    // Once it finished, the next pass acts: a concurrency refusal does not start a cooldown.
    await h.store.healingActions.update(elsewhere.id, {
      status: 'SUCCEEDED',
      finished_at: h.clock.now().toISOString(),
    });
    const third = await h.whileRunning(engine.runPass());
    expect(third.actions.map((a) => [a.target, a.status])).toEqual([['deployment/busy/cache', 'SUCCEEDED']]);
    await h.store.healingRules.update(busy.id, { enabled: false });
  });

  it('holds a flapping failure with its cooldown and attempts, then its circuit breaker pauses the rule', async () => {
    // stress maps 900M: twice 256Mi is still too little, so every fix fails verification and is rolled back.
    const rule = await oomRule('oom-flap', 'flap', {}, { breaker_failures: 3, max_actions_per_window: 10 });
    await h.apply(namespace('flap'), stress('flap', 'a'), stress('flap', 'b'));
    await h.findingFor('pod-oom-killed', 'a-', 'flap');
    await h.findingFor('pod-oom-killed', 'b-', 'flap');
    const first = await h.whileRunning(engine.runPass());
    expect(first.actions.map((a) => [a.target, a.status]).sort()).toEqual([
      ['deployment/flap/a', 'FAILED'],
      ['deployment/flap/b', 'FAILED'],
    ]);
    const second = await h.whileRunning(engine.runPass());
    // The refusal is on record once per cooldown, with its reason; a pass later adds nothing.
    expect(second.actions.map((a) => [a.target, a.status, a.result.reason]).sort()).toEqual([
      ['deployment/flap/a', 'SKIPPED', expect.stringMatching(/^cooldown: acted on it at/)],
      ['deployment/flap/b', 'SKIPPED', expect.stringMatching(/^cooldown: acted on it at/)],
    ]);
    expect([...new Set(second.held.map((x) => x.target))].sort()).toEqual(['deployment/flap/a', 'deployment/flap/b']);
    expect(second.held.every((x) => x.reason.startsWith('cooldown'))).toBe(true);
    expect((await h.whileRunning(engine.runPass())).actions).toEqual([]);
    await h.advance(600_000, 10_000);
    const third = await h.whileRunning(engine.runPass());
    expect(third.actions.map((a) => [a.status, a.result.reason])).toEqual([
      ['SKIPPED', expect.stringMatching(/^attempts: 1 failed/)],
      ['SKIPPED', expect.stringMatching(/^attempts: 1 failed/)],
    ]);
    await h.apply(stress('flap', 'c'));
    await h.findingFor('pod-oom-killed', 'c-', 'flap');
    const fourth = await h.whileRunning(engine.runPass());
    expect(fourth.actions.filter((a) => a.status === 'FAILED').map((a) => a.target)).toEqual(['deployment/flap/c']);
    const fifth = await h.whileRunning(engine.runPass());
    expect(fifth.paused).toEqual([{ rule: 'oom-flap', reason: 'circuit breaker: the last 3 actions failed' }]);
    expect((await h.store.healingRules.get(rule.id)).enabled).toBe(false);
    expect((await h.store.audit.list({ action: 'healing.rule.paused' })).items).toHaveLength(1);
    expect(events.map((e) => e.event_type)).toContain('HEALING_RULE_PAUSED');
  });
});
