import { describe, expect, it } from 'vitest';
import { validateHealingRule } from './validateHealingRule.js';

const rule = (over: Record<string, unknown> = {}) => ({
  condition_type: 'pod-oom-killed',
  condition_config: { namespaces: ['shop'] },
  action_type: 'oom:raise-memory-limit',
  action_config: { mode: 'automatic' },
  ...over,
});

describe('validateHealingRule', () => {
  it('accepts an automatic rule for a write remediation in listed namespaces', () => {
    expect(validateHealingRule(rule()).limits).toMatchObject({ mode: 'automatic', max_objects: 1, dry_run: false });
  });
  it('refuses kube-system with the reason', () => {
    expect(() => validateHealingRule(rule({ condition_config: { namespaces: ['shop', 'kube-system'] } }))).toThrow(
      /may not act in system namespace kube-system/,
    );
  });
  it('refuses more namespaces than the blast radius allows', () => {
    expect(() =>
      validateHealingRule(
        rule({ condition_config: { namespaces: ['a', 'b', 'c'] }, action_config: { max_namespaces: 2 } }),
      ),
    ).toThrow(/spans 3 namespaces, more than its blast radius of 2/);
  });
  it('refuses a rule with no namespaces, an unknown remediation or one for another class', () => {
    expect(() => validateHealingRule(rule({ condition_config: {} }))).toThrow(/invalid scope: namespaces/);
    expect(() => validateHealingRule(rule({ action_type: 'pod:nuke' }))).toThrow(/no remediation pod:nuke/);
    expect(() => validateHealingRule(rule({ condition_type: 'pod-image-pull' }))).toThrow(
      /does not fix pod-image-pull/,
    );
  });
  it('refuses automatic mode for a remediation that can be destructive (RBAC), but allows approval', () => {
    const grant = { condition_type: 'pod-crash-loop', action_type: 'rbac:grant-denied-rule' };
    expect(() => validateHealingRule(rule(grant))).toThrow(/can be destructive and cannot run automatically/);
    expect(validateHealingRule(rule({ ...grant, action_config: { mode: 'approval' } })).limits.mode).toBe('approval');
  });
  it('refuses unknown limits', () => {
    expect(() => validateHealingRule(rule({ action_config: { max_pods: 0 } }))).toThrow(/invalid limits: max_pods/);
  });
  it('takes anomaly and incident triggers with any remediation, and runbook actions that name their runbook', () => {
    const anomaly = validateHealingRule(rule({ condition_type: 'anomaly' }));
    expect(anomaly.trigger).toBe('anomaly');
    expect(anomaly.scope).toMatchObject({ min_severity: 'LOW', within_seconds: 900, metrics: [] });
    const runbook = validateHealingRule(
      rule({ condition_type: 'incident', action_type: 'runbook', action_config: { runbook: 'scale-out' } }),
    );
    expect([runbook.trigger, runbook.remediation, runbook.limits.runbook]).toEqual([
      'incident',
      undefined,
      'scale-out',
    ]);
    expect(() => validateHealingRule(rule({ condition_type: 'incident', action_type: 'runbook' }))).toThrow(
      /names no runbook/,
    );
    expect(() =>
      validateHealingRule(
        rule({ condition_type: 'incident', condition_config: { namespaces: ['a'], min_severity: 'URGENT' } }),
      ),
    ).toThrow(/invalid scope: min_severity/);
  });
});
