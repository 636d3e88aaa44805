import type { Finding, HealingRule } from '@opspilot/core';
import { currentFindings } from '../currentFindings.js';
import { baseName } from '../fixRequest.js';
import { alertFiresFor } from './alertTrigger.js';
import type { EngineContext, HealingEngineDeps, HealingPassReport, RuleTrigger } from './engineContext.js';
import { breakerTrips } from './healingGates.js';
import { allActions } from './healingStore.js';
import { anomalyTriggers, incidentTriggers, type Trigger } from './healingTriggers.js';
import { isValid, reconcileActions } from './reconcileActions.js';
import { remediationAction } from './remediationAction.js';
import { runbookAction } from './runbookAction.js';
import { type ParsedRule, validateHealingRule } from './validateHealingRule.js';

export type { HealingEngineDeps, HealingPassReport } from './engineContext.js';

/**
 * Self-healing: each pass reads what triggers this cluster's enabled rules — the cluster's analyzer findings of a
 * rule's class, or (for `anomaly` and `incident` rules) the anomalies and open incidents about objects in its scope —
 * and carries out each rule's action for each trigger: a remediation of the catalogue (for an anomaly or incident,
 * of the finding the object shows now) or an incident runbook. Cooldowns, maintenance windows, rate limits, attempts,
 * the blast radius and the actions running at once hold it back (recorded, with the reason); a rule whose actions keep
 * failing is paused (its circuit breaker). Run one pass at a time per cluster (the `healing.pass` job is exclusive).
 */
export function createHealingEngine(deps: HealingEngineDeps) {
  const publish: EngineContext['publish'] = async (event_type, namespace, payload) => {
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

  return {
    /**
     * One pass over this cluster's enabled rules and what triggers them now; returns what it did. `recover` (the first
     * pass after the process started) recovers the actions a stopped process left RUNNING at once — an applied fix's
     * interrupted settle window runs again — instead of after their verification time.
     */
    async runPass(options: { signal?: AbortSignal; recover?: boolean } = {}): Promise<HealingPassReport> {
      const report: HealingPassReport = { actions: [], held: [], paused: [] };
      const ctx: EngineContext = { deps, report, publish, signal: options.signal };
      const { items } = await deps.store.rules.list({ enabled: true }, { page_size: 100 });
      const rules = items.filter((r) => !r.cluster_id || r.cluster_id === deps.clusterId);
      report.actions.push(
        ...(await reconcileActions(deps, rules.filter(isValid), { recover: options.recover ?? false })),
      );
      const byNamespace = new Map<string, Finding[]>();
      const findingsIn = async (namespace: string) => {
        if (!byNamespace.has(namespace)) {
          byNamespace.set(
            namespace,
            await currentFindings(deps.gateway, deps.clock.now(), { namespace }).catch(() => []),
          );
        }
        return byNamespace.get(namespace)!;
      };
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
        for (const trigger of await triggersOf(parsed, findingsIn)) {
          if (options.signal?.aborted) return report;
          const rt: RuleTrigger = { rule, parsed, trigger };
          if (!parsed.remediation) {
            await runbookAction(ctx, rt);
            continue;
          }
          const finding = trigger.finding ?? (await findingAbout(trigger, parsed, findingsIn));
          if (!finding) {
            report.held.push({
              rule: rule.name,
              target: `${trigger.ref.kind.toLowerCase()}/${trigger.ref.namespace}/${trigger.ref.name}`,
              reason: `${trigger.kind} ${trigger.id}: no finding of ${fixedClasses(parsed).join(', ')} about it now`,
            });
            continue;
          }
          await remediationAction(ctx, rt, finding);
        }
      }
      return report;
    },
  };

  /** What triggers a rule now, in its scope: findings of its class, or anomalies or incidents about objects. */
  async function triggersOf(
    parsed: ParsedRule,
    findingsIn: (namespace: string) => Promise<Finding[]>,
  ): Promise<Trigger[]> {
    if (parsed.trigger === 'anomaly' || parsed.trigger === 'incident') {
      const found =
        parsed.trigger === 'anomaly'
          ? anomalyTriggers(
              (await deps.triggers?.anomalies?.(
                new Date(deps.clock.now().getTime() - parsed.scope.within_seconds * 1000),
              )) ?? [],
              parsed.scope,
              deps.clock.now(),
            )
          : incidentTriggers((await deps.triggers?.incidents?.()) ?? [], parsed.scope);
      const kept: Trigger[] = [];
      for (const t of found) if (await labelled(t.ref, parsed)) kept.push(t);
      return kept;
    }
    const triggers: Trigger[] = [];
    for (const namespace of parsed.scope.namespaces) {
      const matching = (await findingsIn(namespace)).filter((f) => parsed.classes.includes(f.analyzer));
      for (const f of await inScope(matching, parsed)) {
        triggers.push({ kind: 'finding', id: f.id, ref: f.resource, summary: f.message.slice(0, 300), finding: f });
      }
    }
    return triggers;
  }

  /** The finding of the remediation's classes about a trigger's object (its pods, for a workload), if it has one now. */
  async function findingAbout(
    trigger: Trigger,
    parsed: ParsedRule,
    findingsIn: (namespace: string) => Promise<Finding[]>,
  ): Promise<Finding | undefined> {
    const classes = fixedClasses(parsed);
    const { name, namespace } = trigger.ref;
    const findings = (await findingsIn(namespace!)).filter((f) => classes.includes(f.analyzer));
    return (
      findings.find((f) => f.resource.kind === trigger.ref.kind && f.resource.name === name) ??
      findings.find((f) => f.resource.name === name || baseName(f.resource.name) === baseName(name))
    );
  }

  async function labelled(ref: Trigger['ref'], parsed: ParsedRule): Promise<boolean> {
    const wanted = Object.entries(parsed.scope.labels);
    if (wanted.length === 0) return true;
    const object = await deps.gateway.get(ref);
    return !!object && wanted.every(([k, v]) => object.metadata.labels?.[k] === v);
  }

  async function inScope(findings: Finding[], parsed: ParsedRule): Promise<Finding[]> {
    const alerted = parsed.scope.alerts;
    const firing = alerted.length > 0 ? ((await deps.alerts?.firing()) ?? []) : [];
    const kept: Finding[] = [];
    for (const f of findings) {
      if (alerted.length > 0 && !alertFiresFor(f, alerted, firing)) continue;
      if (await labelled(f.resource, parsed)) kept.push(f);
    }
    return kept;
  }
}

/** The finding classes a rule's remediations fix (what an anomaly or incident trigger's object is diagnosed for). */
const fixedClasses = (parsed: ParsedRule) => [...new Set(parsed.remediations.flatMap((r) => r.findingClasses))];

/** The healing engine built by {@link createHealingEngine}. */
export type HealingEngine = ReturnType<typeof createHealingEngine>;
