import type {
  AuditLog,
  Clock,
  ClusterGateway,
  EventBus,
  EventType,
  HealingAction,
  HealingRule,
  NewHealingAction,
  Operation,
} from '@opspilot/core';
import type { Remediator, SettleSubject } from '../createRemediator.js';
import type { FiringAlert } from './alertTrigger.js';
import type { HealingStore } from './healingStore.js';
import type { Trigger, TriggerSources } from './healingTriggers.js';
import type { RunbookPort } from './runbookPort.js';
import type { ParsedRule } from './validateHealingRule.js';

/** What one healing pass did per rule: the actions it recorded and the findings it held back on, with why. */
export interface HealingPassReport {
  actions: HealingAction[];
  held: { rule: string; target: string; reason: string }[];
  paused: { rule: string; reason: string }[];
}

/** What the healing engine runs on. */
export interface HealingEngineDeps {
  gateway: ClusterGateway;
  clock: Clock;
  audit: AuditLog;
  store: HealingStore;
  remediator: Remediator;
  /** The cluster the gateway talks to: rules of another cluster are left alone. */
  clusterId?: string;
  events?: EventBus;
  /** The alerts firing on this cluster now, for rules triggered by alerts (none fire without it). */
  alerts?: { firing(): Promise<FiringAlert[]> };
  /** Anomalies and incidents, for `anomaly` and `incident` rules (they never trigger without it). */
  triggers?: TriggerSources;
  /**
   * Called with an approval-mode fix's operation when it is proposed, so that whoever applies it settles it (the
   * server remembers the fix behind the operation); the next pass records how it ended.
   */
  remember?(operation: Operation, fix: SettleSubject): Promise<void>;
  /** Incident runbooks, for rules whose action is `runbook` (refused without it). */
  runbooks?: RunbookPort;
}

/** What an action of a pass shares: the deps, the pass report and how events are published. */
export interface EngineContext {
  deps: HealingEngineDeps;
  report: HealingPassReport;
  /** Stops the pass (and a settle window it is in) when aborted. */
  signal?: AbortSignal;
  publish(
    event_type: Extract<EventType, `HEALING_${string}`>,
    namespace: string | undefined,
    payload: Record<string, unknown>,
  ): Promise<void>;
}

/** One rule acting on one trigger: the rule, its parsed scope and limits, and what fired. */
export interface RuleTrigger {
  rule: HealingRule;
  parsed: ParsedRule;
  trigger: Trigger;
}

/** The `result.trigger` a healing action records: what fired (a finding, an anomaly or an incident). */
export const triggerRecord = (t: Trigger) => ({ kind: t.kind, id: t.id, summary: t.summary });

/** The fields every action of a rule on a target starts with. */
export function actionBase(
  ctx: EngineContext,
  rt: RuleTrigger,
  target: string,
  targetActions: HealingAction[],
): NewHealingAction & { started_at: string } {
  return {
    started_at: ctx.deps.clock.now().toISOString(),
    rule_id: rt.rule.id,
    cluster_id: ctx.deps.clusterId,
    target,
    dry_run: rt.parsed.limits.dry_run,
    attempt: Math.min(1 + targetActions.filter((a) => a.status === 'FAILED').length, 11),
  };
}
