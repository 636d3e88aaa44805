import {
  type AuditLog,
  type Clock,
  type ClusterGateway,
  type EventBus,
  type EventType,
  type Finding,
  formatRef,
  type HealingAction,
  type HealingRule,
} from '@opspilot/core';
import type { Remediator } from '../createRemediator.js';
import { currentFindings } from '../currentFindings.js';
import { alertFiresFor, type FiringAlert } from './alertTrigger.js';
import { blastRadius } from './blastRadius.js';
import { concurrencyLimit } from './concurrencyLimit.js';
import { breakerTrips, cooldownNoted, holdBack } from './healingGates.js';
import { successRates } from './healingStats.js';
import { allActions, type HealingStore } from './healingStore.js';
import { isValid, reconcileActions } from './reconcileActions.js';
import { type ParsedRule, validateHealingRule } from './validateHealingRule.js';

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
}

/**
 * Self-healing: each pass reads the cluster's findings and, for every enabled rule of this cluster whose finding
 * class and scope match one, diagnoses it with the catalogue (ranked with what was learned), and — unless a cooldown,
 * the rule's window, its attempts or its blast radius hold it back — records a healing action and carries out the
 * rule's mode: `suggest` keeps the dry-run plan, `approval` leaves the operation for a person, `automatic` applies,
 * verifies and rolls back through the remediator. A rule whose actions keep failing is paused (its circuit breaker).
 * Run one pass at a time per cluster (the `healing.pass` job is exclusive).
 */
export function createHealingEngine(deps: HealingEngineDeps) {
  const publish = async (
    event_type: Extract<EventType, `HEALING_${string}`>,
    namespace: string | undefined,
    payload: Record<string, unknown>,
  ) => {
    await deps.events
      ?.publish({
        event_type,
        cluster_id: deps.clusterId,
        namespace,
        timestamp: deps.clock.now().toISOString(),
        payload,
      })
      .catch(() => undefined);
  };

  async function pause(rule: HealingRule, reason: string, report: HealingPassReport) {
    await deps.store.rules.update(rule.id, { enabled: false });
    await deps.audit.append({
      action: 'healing.rule.paused',
      user_id: 'system',
      status: 'ERROR',
      target: `healingrule/${rule.name}`,
      cluster_id: deps.clusterId,
      details: { rule_id: rule.id, reason },
    });
    await publish('HEALING_RULE_PAUSED', undefined, { rule_id: rule.id, name: rule.name, reason });
    report.paused.push({ rule: rule.name, reason });
  }

  async function act(rule: HealingRule, parsed: ParsedRule, finding: Finding, report: HealingPassReport) {
    const ruleActions = await allActions(deps.store, { rule_id: rule.id });
    const proposal = await deps.remediator.diagnose(finding, {
      rates: successRates(ruleActions),
      only: parsed.remediation.id,
    });
    const candidate = proposal.candidates[0];
    // A finding gathered at the start of the pass whose object an earlier action replaced (a pod of the rollout
    // it fixed) is gone: nothing to act on, nothing to record.
    if (!candidate && !(await deps.gateway.get(finding.resource))) {
      report.held.push({ rule: rule.name, target: formatRef(finding.resource), reason: 'gone since the pass began' });
      return;
    }
    const target = candidate ? formatRef(candidate.subject) : formatRef(finding.resource);
    const targetActions = ruleActions.filter((a) => a.target === target);
    const limits = { ...parsed.limits, cooldown_seconds: rule.cooldown_seconds, max_retries: rule.max_retries };
    const held = holdBack({ rule: ruleActions, target: targetActions }, limits, deps.clock.now());
    const base = {
      started_at: deps.clock.now().toISOString(),
      rule_id: rule.id,
      cluster_id: deps.clusterId,
      target,
      dry_run: parsed.limits.dry_run,
      attempt: Math.min(1 + targetActions.filter((a) => a.status === 'FAILED').length, 11),
    };
    const about = {
      finding_id: finding.id,
      finding_class: finding.analyzer,
      remediation: parsed.remediation.id,
      mode: parsed.limits.mode,
    };
    if (held?.startsWith('cooldown')) {
      report.held.push({ rule: rule.name, target, reason: held });
      // One history line per cooldown (not one per pass): the refusal is on record with its reason.
      if (!cooldownNoted(targetActions)) {
        report.actions.push(
          await deps.store.actions.create({ ...base, status: 'SKIPPED', result: { ...about, reason: held } }),
        );
      }
      return;
    }
    const blast = candidate && (await blastRadius(deps.gateway, candidate, parsed.limits));
    const busy =
      held || blast || !candidate ? undefined : await concurrencyLimit(deps.store, deps.clusterId, parsed.limits);
    const reason = held ?? blast ?? busy ?? (candidate ? undefined : `no candidate: ${proposal.declined.join('; ')}`);
    if (reason || !candidate) {
      report.held.push({ rule: rule.name, target, reason: reason ?? 'no candidate' });
      report.actions.push(
        await deps.store.actions.create({ ...base, status: 'SKIPPED', result: { ...about, reason: reason ?? '' } }),
      );
      return;
    }
    let action = await deps.store.actions.create({
      ...base,
      status: 'RUNNING',
      result: { ...about, summary: candidate.summary, evidence: candidate.evidence.slice(0, 8) as never },
    });
    await publish('HEALING_ACTION_STARTED', candidate.subject.namespace, {
      action_id: action.id,
      rule: rule.name,
      target,
      summary: candidate.summary,
    });
    const user = `healing-rule:${rule.name}`;
    const proposed = await deps.remediator.propose(candidate, {
      user,
      request: `heal ${finding.id} (rule ${rule.name})`,
    });
    const finish = async (status: HealingAction['status'], result: Record<string, unknown>) => {
      action = await deps.store.actions.update(action.id, {
        status,
        finished_at: deps.clock.now().toISOString(),
        result: { ...action.result, ...result } as never,
      });
      await publish('HEALING_ACTION_FINISHED', candidate.subject.namespace, {
        action_id: action.id,
        rule: rule.name,
        target,
        status,
      });
      report.actions.push(action);
    };
    if (proposed.kind === 'abandoned')
      return finish('SKIPPED', { outcome: 'ABANDONED', reason: proposed.reasons.join('; ') });
    const operation = proposed.operation;
    if (parsed.limits.dry_run || parsed.limits.mode === 'suggest') {
      return finish('SUCCEEDED', {
        outcome: 'PLANNED',
        operation_id: operation.id,
        diff: operation.diff,
        problems: operation.problems,
      });
    }
    if (parsed.limits.mode === 'approval') {
      action = await deps.store.actions.update(action.id, {
        status: 'AWAITING_APPROVAL',
        result: { ...action.result, operation_id: operation.id, diff: operation.diff } as never,
      });
      report.actions.push(action);
      return;
    }
    const outcome = await deps.remediator.execute(operation.id, candidate, {
      user,
      approver: `policy:${user}`,
      recovery: {
        settleMs: parsed.limits.verify_settle_seconds * 1000,
        timeoutMs: parsed.limits.verify_timeout_seconds * 1000,
      },
    });
    const healthy = outcome.recovery?.healthy_at;
    await finish(outcome.status === 'VERIFIED' ? 'SUCCEEDED' : outcome.status === 'ABANDONED' ? 'SKIPPED' : 'FAILED', {
      outcome: outcome.status,
      message: outcome.message,
      operation_id: operation.id,
      ...(outcome.status === 'VERIFIED' && healthy
        ? { time_to_recover_ms: new Date(healthy).getTime() - new Date(base.started_at).getTime() }
        : {}),
    });
  }

  return {
    /** One pass over the cluster's findings and this cluster's enabled rules; returns what it did. */
    async runPass(options: { signal?: AbortSignal } = {}): Promise<HealingPassReport> {
      const report: HealingPassReport = { actions: [], held: [], paused: [] };
      const { items } = await deps.store.rules.list({ enabled: true }, { page_size: 100 });
      const rules = items.filter((r) => !r.cluster_id || r.cluster_id === deps.clusterId);
      report.actions.push(...(await reconcileActions(deps, rules.filter(isValid))));
      const byNamespace = new Map<string, Finding[]>();
      for (const rule of rules) {
        let parsed: ParsedRule;
        try {
          parsed = validateHealingRule(rule);
        } catch (error) {
          await pause(rule, `invalid rule: ${(error as Error).message}`, report);
          continue;
        }
        const tripped = breakerTrips(await allActions(deps.store, { rule_id: rule.id }), parsed.limits);
        if (tripped) {
          await pause(rule, tripped, report);
          continue;
        }
        for (const namespace of parsed.scope.namespaces) {
          if (options.signal?.aborted) return report;
          if (!byNamespace.has(namespace)) {
            byNamespace.set(
              namespace,
              await currentFindings(deps.gateway, deps.clock.now(), { namespace }).catch(() => []),
            );
          }
          const matching = byNamespace.get(namespace)!.filter((f) => f.analyzer === rule.condition_type);
          for (const finding of await inScope(matching, parsed)) await act(rule, parsed, finding, report);
        }
      }
      return report;
    },
  };

  async function inScope(findings: Finding[], parsed: ParsedRule): Promise<Finding[]> {
    const wanted = Object.entries(parsed.scope.labels);
    const alerted = parsed.scope.alerts;
    const firing = alerted.length > 0 ? ((await deps.alerts?.firing()) ?? []) : [];
    const kept: Finding[] = [];
    for (const f of findings) {
      if (alerted.length > 0 && !alertFiresFor(f, alerted, firing)) continue;
      if (wanted.length === 0) {
        kept.push(f);
        continue;
      }
      const object = await deps.gateway.get(f.resource);
      if (object && wanted.every(([k, v]) => object.metadata.labels?.[k] === v)) kept.push(f);
    }
    return kept;
  }
}

/** The healing engine built by {@link createHealingEngine}. */
export type HealingEngine = ReturnType<typeof createHealingEngine>;
