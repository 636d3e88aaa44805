import type { HealingAction } from '@opspilot/core';
import type { SuccessRates } from '../proposeFixes.js';

/** How a rule or a remediation has done: runs that acted, their outcomes and the median time to recover. */
export interface HealingStat {
  key: string;
  runs: number;
  succeeded: number;
  failed: number;
  success_rate: number;
  /** Median milliseconds from the action's start to the subject seen healthy; null before any recovery. */
  median_time_to_recover_ms: number | null;
}

const acted = (a: HealingAction) => (a.status === 'SUCCEEDED' || a.status === 'FAILED') && !a.dry_run;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** Groups actions by `keyOf` into {@link HealingStat}s (actions that applied something; skips and dry runs left out). */
export function healingStats(actions: HealingAction[], keyOf: (a: HealingAction) => string): HealingStat[] {
  const groups = new Map<string, HealingAction[]>();
  for (const a of actions.filter(acted)) groups.set(keyOf(a), [...(groups.get(keyOf(a)) ?? []), a]);
  return [...groups].map(([key, list]) => {
    const succeeded = list.filter((a) => a.status === 'SUCCEEDED').length;
    const times = list.map((a) => a.result.time_to_recover_ms).filter((t): t is number => typeof t === 'number');
    return {
      key,
      runs: list.length,
      succeeded,
      failed: list.length - succeeded,
      success_rate: Math.round((succeeded / list.length) * 1000) / 1000,
      median_time_to_recover_ms: median(times),
    };
  });
}

/** The learned success rate per remediation id, as {@link proposeFixes} weighs it. */
export function successRates(actions: HealingAction[]): SuccessRates {
  const stats = healingStats(actions, (a) => String(a.result.remediation ?? 'unknown'));
  return Object.fromEntries(stats.map((s) => [s.key, { rate: s.success_rate, runs: s.runs }]));
}

/**
 * What the ranking learns from the healing history for a finding class: each remediation's success rate on findings
 * of that class (actions recorded before classes were, count for every class).
 */
export function learnedRates(actions: HealingAction[], findingClass: string): SuccessRates {
  return successRates(actions.filter((a) => (a.result.finding_class ?? findingClass) === findingClass));
}

/** The `by_rule` key of fixes a person applied (trigger MANUAL, no rule). */
const MANUAL = 'MANUAL';

/** What was learned from the healing history, per rule, per remediation (or runbook) and per finding class. */
export interface HealingLearning {
  by_rule: (HealingStat & { name: string })[];
  by_remediation: (HealingStat & { name: string })[];
  /** Per finding class; actions triggered without one (a runbook on an incident) by their trigger kind. */
  by_class: (HealingStat & { name: string })[];
}

/** The success rate and median time to recover of every rule, remediation and finding class in `actions`. */
export function healingLearning(actions: HealingAction[], ruleNames: Map<string, string>): HealingLearning {
  const named = (stats: HealingStat[], name: (key: string) => string = (k) => k) =>
    stats.map((s) => ({ ...s, name: name(s.key) }));
  return {
    by_rule: named(
      healingStats(actions, (a) => a.rule_id ?? MANUAL),
      (id) => (id === MANUAL ? 'manual fixes' : (ruleNames.get(id) ?? id)),
    ),
    by_remediation: named(healingStats(actions, (a) => String(a.result.remediation ?? a.result.runbook ?? 'unknown'))),
    by_class: named(
      healingStats(actions, (a) =>
        String(a.result.finding_class ?? (a.result.trigger as { kind?: string } | undefined)?.kind ?? 'unknown'),
      ),
    ),
  };
}
