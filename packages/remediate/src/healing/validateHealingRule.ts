import { InputError, type NewHealingRule } from '@opspilot/core';
import { PROTECTED_NAMESPACES } from '@opspilot/ops';
import { BUILTIN_REMEDIATIONS } from '../builtinRemediations.js';
import type { Remediation } from '../remediation.js';
import { HealingLimits, HealingScope } from './healingPolicy.js';

/** A rule's scope and limits, parsed. */
export interface ParsedRule {
  scope: HealingScope;
  limits: HealingLimits;
  remediation: Remediation;
}

const issues = (error: { issues: { path: PropertyKey[]; message: string }[] }) =>
  error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');

/**
 * Checks a healing rule before it is saved, and throws InputError with the reason: its action must be a remediation
 * of the catalogue that fixes its finding class; its scope must list namespaces, none of them a system namespace,
 * and no more than its `max_namespaces`; automatic mode only for remediations that are never destructive.
 */
export function validateHealingRule(
  rule: Pick<NewHealingRule, 'condition_type' | 'condition_config' | 'action_type' | 'action_config'>,
  catalogue: readonly Remediation[] = BUILTIN_REMEDIATIONS,
): ParsedRule {
  const remediation = catalogue.find((r) => r.id === rule.action_type);
  if (!remediation) {
    throw new InputError(`no remediation ${rule.action_type}`, {
      hint: `use one of: ${catalogue.map((r) => r.id).join(', ')}`,
    });
  }
  if (!remediation.findingClasses.includes(rule.condition_type)) {
    throw new InputError(`remediation ${remediation.id} does not fix ${rule.condition_type} findings`, {
      hint: `it fixes: ${remediation.findingClasses.join(', ')}`,
    });
  }
  const scope = HealingScope.safeParse(rule.condition_config ?? {});
  if (!scope.success)
    throw new InputError(`invalid scope: ${issues(scope.error)}`, { hint: 'e.g. { "namespaces": ["shop"] }' });
  const limits = HealingLimits.safeParse(rule.action_config ?? {});
  if (!limits.success)
    throw new InputError(`invalid limits: ${issues(limits.error)}`, {
      hint: 'see docs/self-healing.md for the limits',
    });
  const system = scope.data.namespaces.filter((n) => PROTECTED_NAMESPACES.has(n));
  if (system.length > 0) {
    throw new InputError(`a healing rule may not act in system namespace ${system.join(', ')}`, {
      hint: 'remove it from the namespaces: the cluster itself runs there',
    });
  }
  if (scope.data.namespaces.length > limits.data.max_namespaces) {
    throw new InputError(
      `the rule spans ${scope.data.namespaces.length} namespaces, more than its blast radius of ${limits.data.max_namespaces}`,
      { hint: 'list fewer namespaces, or raise max_namespaces deliberately' },
    );
  }
  if (limits.data.mode === 'automatic' && remediation.effect !== 'write') {
    throw new InputError(`remediation ${remediation.id} can be destructive and cannot run automatically`, {
      hint: 'use mode "approval": a person approves each action',
    });
  }
  return { scope: scope.data, limits: limits.data, remediation };
}
