import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namespace, remediateHarness } from '../__fixtures__/remediateHarness.js';
import { FAILURE_SCENARIOS } from '../testing/failureScenarios.js';
import { createHealingEngine } from './createHealingEngine.js';
import { DEFAULT_HEALING_RULES, defaultRulesFor } from './defaultRules.js';
import { validateHealingRule } from './validateHealingRule.js';

let h: Awaited<ReturnType<typeof remediateHarness>>;
let engine: ReturnType<typeof createHealingEngine>;
beforeAll(async () => {
  h = await remediateHarness();
  engine = createHealingEngine({
    gateway: h.gateway,
    clock: h.clock,
    audit: h.store.audit,
    store: { rules: h.store.healingRules, actions: h.store.healingActions },
    remediator: h.remediator,
  });
});
afterAll(() => h?.stop());

describe('the default healing rules', () => {
  it('ship disabled, one per failure class, automatic only where every remediation is non-destructive', () => {
    const rules = defaultRulesFor({ namespaces: ['shop'] });
    expect(rules.map((r) => [r.name, r.enabled, (r.action_config as { mode: string }).mode])).toEqual(
      DEFAULT_HEALING_RULES.map((d) => [d.name, false, d.name === 'rbac-denied' ? 'approval' : 'automatic']),
    );
    for (const s of FAILURE_SCENARIOS) {
      const parsed = validateHealingRule(rules.find((r) => r.name === s.rule)!);
      expect(parsed.classes).toContain(s.finding);
      expect(parsed.remediations.map((r) => r.id)).toContain(s.remediation);
    }
    expect(() => defaultRulesFor({ namespaces: ['kube-system'] })).toThrow(/system namespace kube-system/);
    expect(() => defaultRulesFor({ namespaces: ['a'], only: ['nope'] })).toThrow(/no default healing rule nope/);
  });

  it('refuses extra classes no remediation of the rule fixes, and a destructive extra remediation in automatic mode', () => {
    const base = {
      condition_type: 'pod-readiness-probe',
      action_type: 'probe:fix-target',
      action_config: { mode: 'automatic' },
    };
    expect(() =>
      validateHealingRule({ ...base, condition_config: { namespaces: ['a'], classes: ['pod-oom-killed'] } }),
    ).toThrow(/does not fix pod-oom-killed findings/);
    expect(() =>
      validateHealingRule({
        ...base,
        condition_type: 'pod-crash-loop',
        action_type: 'deployment:restore-last-working-revision',
        condition_config: { namespaces: ['a'] },
        action_config: { mode: 'automatic', remediations: ['rbac:grant-denied-rule'] },
      }),
    ).toThrow(/rbac:grant-denied-rule can be destructive/);
  });

  // One end-to-end repair per class: every default rule installed (enabled) in the class's namespace, the failure
  // planted, the clock driven until the analyzers report it, one pass — the rule of the class repairs and verifies it.
  for (const s of FAILURE_SCENARIOS) {
    it(`repairs ${s.key} (${s.finding}) with rule ${s.rule} and ${s.remediation}, verified`, async () => {
      const ns = `heal-${s.key}`;
      await h.apply(namespace(ns), ...s.healthy(ns));
      if (s.healthy(ns).length > 0) await h.advance(20_000);
      await s.breaks(h.gateway, ns);
      await h.findingFor(s.finding, '', ns);
      const rules = [];
      for (const r of defaultRulesFor({ namespaces: [ns], enabled: true, prefix: s.key })) {
        rules.push(await h.store.healingRules.create(r));
      }
      const rule = rules.find((r) => r.name === `${s.key}-${s.rule}`)!;
      const first = await h.whileRunning(engine.runPass());
      const acted = first.actions.filter((a) => a.rule_id === rule.id);
      if (s.rule === 'rbac-denied') {
        // RBAC is destructive: the rule proposes, a person approves; the next pass records the verified outcome.
        expect(acted.map((a) => a.status)).toEqual(['AWAITING_APPROVAL']);
        const finding = await h.findingFor(s.finding, '', ns);
        const { candidates } = await h.remediator.diagnose(finding, { only: s.remediation });
        const outcome = await h.whileRunning(
          h.remediator.execute(String(acted[0]!.result.operation_id), candidates[0]!, {
            user: 'carol',
            approver: 'carol',
          }),
        );
        expect(outcome.status, outcome.message).toBe('VERIFIED');
        const second = (await h.whileRunning(engine.runPass())).actions.filter((a) => a.rule_id === rule.id);
        // The planted container still exits after its list: the finding stays, and the cooldown holds the rule.
        expect(second.filter((a) => a.id !== acted[0]!.id).map((a) => [a.status, a.result.reason])).toEqual([
          ['SKIPPED', expect.stringMatching(/^cooldown: acted on it at/)],
        ]);
        acted.splice(0, 1, ...second.filter((a) => a.id === acted[0]!.id));
      }
      expect(
        acted.map((a) => [a.target.split('/')[1], a.status, a.result.outcome, a.result.remediation]),
        JSON.stringify(first.held),
      ).toEqual([[ns, 'SUCCEEDED', 'VERIFIED', s.remediation]]);
      expect(acted[0]!.result.time_to_recover_ms).toBeGreaterThan(0);
      expect(await s.observe(h.gateway, ns)).toMatch(s.repaired);
      // No other rule changed anything in the namespace: at most a refusal on record.
      expect(first.actions.filter((a) => a.rule_id !== rule.id && a.status !== 'SKIPPED')).toEqual([]);
      for (const r of rules) await h.store.healingRules.update(r.id, { enabled: false });
    });
  }
});
