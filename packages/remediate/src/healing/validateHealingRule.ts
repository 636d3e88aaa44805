import { InputError, type NewHealingRule } from '@opspilot/core';
import { PROTECTED_NAMESPACES } from '@opspilot/ops';
import { BUILTIN_REMEDIATIONS } from '../builtinRemediations.js';
import type { Remediation } from '../remediation.js';
import { HealingLimits, HealingScope } from './healingPolicy.js';
import { isTriggerType, type TriggerType } from './healingTriggers.js';

/** A rule's scope and limits, parsed. */
export interface ParsedRule {
  scope: HealingScope;
  limits: HealingLimits;
  /** The remediation it runs (its `action_type`); undefined when its action is a runbook (`limits.runbook`). */
  remediation?: Remediation;
  /** Every remediation it may choose from: `action_type` first, then `action_config.remediations`. */
  remediations: Remediation[];
  /** The finding classes that trigger it: `condition_type` and `condition_config.classes` (finding rules). */
  classes: string[];
  /** What triggers it: analyzer findings of its class, or anomalies or incidents about an object. */
  trigger: 'finding' | TriggerType;
}

/** The action type of a rule that runs an incident runbook (named by `action_config.runbook`). */
export const RUNBOOK_ACTION = 'runbook';

const issues = (error: { issues: { path: PropertyKey[]; message: string }[] }) =>
  error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');

/**
 * Checks a healing rule before it is saved, and throws InputError with the reason: its action must be a remediation
 * of the catalogue (with `action_config.remediations`, several) that fixes its finding classes (any class for `anomaly` and `incident` triggers, whose object is
 * diagnosed), or `runbook` naming one in `action_config.runbook`; its scope must list namespaces, none of them a system namespace,
 * and no more than its `max_namespaces`; automatic mode only for remediations that are never destructive.
 */
export function validateHealingRule(
  rule: Pick<NewHealingRule, 'condition_type' | 'condition_config' | 'action_type' | 'action_config'>,
  catalogue: readonly Remediation[] = BUILTIN_REMEDIATIONS,
): ParsedRule {
  const trigger = isTriggerType(rule.condition_type) ? rule.condition_type : 'finding';
  const runbook = rule.action_type === RUNBOOK_ACTION;
  const remediation = runbook ? undefined : catalogue.find((r) => r.id === rule.action_type);
  if (!runbook && !remediation) {
    throw new InputError(`no remediation ${rule.action_type}`, {
      hint: `use one of: ${catalogue.map((r) => r.id).join(', ')}, or "runbook" with action_config.runbook`,
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
  if (runbook && !limits.data.runbook) {
    throw new InputError('a runbook rule names no runbook', {
      hint: 'set action_config.runbook to the name of an incident runbook (opspilot runbooks list)',
    });
  }
  const remediations = remediation ? [remediation, ...alsoOf(limits.data.remediations, remediation, catalogue)] : [];
  const classes = trigger === 'finding' ? [...new Set([rule.condition_type, ...scope.data.classes])] : [];
  if (remediation) checkClasses(classes, remediations);
  const destructive = remediations.find((r) => r.effect !== 'write');
  if (destructive && limits.data.mode === 'automatic') {
    throw new InputError(`remediation ${destructive.id} can be destructive and cannot run automatically`, {
      hint: 'use mode "approval": a person approves each action',
    });
  }
  return { scope: scope.data, limits: limits.data, remediation, remediations, classes, trigger };
}

/** The remediations of `action_config.remediations`, each of the catalogue and named once. */
function alsoOf(ids: string[], primary: Remediation, catalogue: readonly Remediation[]): Remediation[] {
  return [...new Set(ids)]
    .filter((id) => id !== primary.id)
    .map((id) => {
      const found = catalogue.find((r) => r.id === id);
      if (!found) {
        throw new InputError(`no remediation ${id} in action_config.remediations`, {
          hint: `use ones of: ${catalogue.map((r) => r.id).join(', ')}`,
        });
      }
      return found;
    });
}

/** Every class must be fixed by one of the remediations, and every remediation must fix one of the classes. */
function checkClasses(classes: string[], remediations: Remediation[]): void {
  for (const c of classes) {
    if (!remediations.some((r) => r.findingClasses.includes(c))) {
      const names = remediations.map((r) => r.id).join(', ');
      throw new InputError(`remediation ${names} does not fix ${c} findings`, {
        hint: `it fixes: ${[...new Set(remediations.flatMap((r) => r.findingClasses))].join(', ')}`,
      });
    }
  }
  if (classes.length === 0) return;
  for (const r of remediations) {
    if (!r.findingClasses.some((c) => classes.includes(c))) {
      throw new InputError(`remediation ${r.id} fixes none of the rule's classes (${classes.join(', ')})`, {
        hint: `it fixes: ${r.findingClasses.join(', ')}; add one as condition_config.classes or drop it`,
      });
    }
  }
}
