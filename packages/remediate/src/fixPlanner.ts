import type { ClusterGateway, HealingAction, Plan, PlanOutcome } from '@opspilot/core';
import { remediableClasses } from './builtinRemediations.js';
import { candidatePlan } from './candidatePlan.js';
import type { SettleSubject } from './createRemediator.js';
import { currentFindings } from './currentFindings.js';
import { baseName, fitOf, isFixRequest } from './fixRequest.js';
import { learnedRates } from './healing/healingStats.js';
import { proposeFixes } from './proposeFixes.js';

type Planner = (request: string, context: { namespace?: string }) => Promise<PlanOutcome>;

/** A planner that answers repair requests from the catalogue, and remembers the fix behind each plan it made. */
export type FixPlanner = Planner & {
  /**
   * The candidate behind a plan this planner made (same request and summary), for settling it after the apply
   * (`Remediator.settle`): what proves it and how it is undone. Undefined for other plans.
   */
  fixOf(plan: Pick<Plan, 'request' | 'summary'>): SettleSubject | undefined;
};

const keyOf = (plan: Pick<Plan, 'request' | 'summary'>) => `${plan.request}\u0000${plan.summary}`;

/**
 * Wraps a planner so that repair requests ("fix the oom pod", "the webapp is not working, repair it", "why is api
 * crashing and fix it") are answered from the remediation catalogue: the findings on the cluster now that the request
 * points at (by the object's or its workload's name, or a word naming the problem), the best candidate fix of the best
 * fitting one as the plan — with its evidence and exact difference as the plan's assumptions — or a question when
 * several objects fit equally. Other requests, and repair requests that point at no finding, go to `planner`. Ranked
 * with what the healing history taught (`history`); `fixOf(plan)` gives the fix behind a plan, so that the caller
 * settles it after the apply (`Remediator.settle`: the settle window, then a rollback when it does not hold).
 */
export function fixPlanner(
  planner: Planner,
  deps: { gateway: ClusterGateway; now: () => Date; history?: () => Promise<HealingAction[]> },
): FixPlanner {
  const classes = new Set(remediableClasses());
  const made = new Map<string, SettleSubject>();
  const plan: Planner = async (request, context) => {
    if (!isFixRequest(request)) return planner(request, context);
    const findings = (
      await currentFindings(deps.gateway, deps.now(), context.namespace ? { namespace: context.namespace } : {})
    ).filter((f) => classes.has(f.analyzer));
    const scored = findings.map((f) => ({ f, score: fitOf(request, f) })).filter((s) => s.score > 0);
    if (scored.length === 0) return planner(request, context);
    const best = Math.max(...scored.map((s) => s.score));
    const top = scored.filter((s) => s.score === best).map((s) => s.f);
    const subjects = new Set(top.map((f) => `${f.resource.namespace}/${baseName(f.resource.name)}`));
    if (subjects.size > 1) {
      return {
        kind: 'question',
        question: 'Several objects have problems that fit the request; which one should be fixed?',
        understood: 'fix a finding',
        candidates: top.map((f) => ({
          ref: f.resource,
          label: `${f.resource.namespace}/${f.resource.name}: ${f.message}`,
        })),
        notices: [],
      };
    }
    const namespaces = await deps.gateway.list('Namespace');
    const notices: string[] = [];
    for (const finding of top) {
      const rates = deps.history ? learnedRates(await deps.history(), finding.analyzer) : undefined;
      const proposal = await proposeFixes(finding, { gateway: deps.gateway, now: deps.now() }, rates ? { rates } : {});
      const candidate = proposal.candidates[0];
      if (!candidate) {
        notices.push(...proposal.declined);
        continue;
      }
      const fix = candidatePlan(candidate, request, namespaces);
      made.set(keyOf(fix), candidate);
      return {
        kind: 'plan',
        plan: fix,
        notices: [`diagnosed ${finding.id}: ${finding.message}`, ...proposal.declined],
      };
    }
    return {
      kind: 'unsupported',
      message: `found ${top.map((f) => f.id).join(', ')} but no safe fix: ${notices.join('; ')}`,
      understood: 'fix a finding',
      suggestions: ['opspilot analyze', 'opspilot fix <finding-id>'],
      notices: [],
    };
  };
  return Object.assign(plan, { fixOf: (p: Pick<Plan, 'request' | 'summary'>) => made.get(keyOf(p)) });
}
