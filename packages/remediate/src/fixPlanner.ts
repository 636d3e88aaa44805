import type { ClusterGateway, HealingAction, Plan, PlanOutcome } from '@opspilot/core';
import { remediableClasses } from './builtinRemediations.js';
import { candidatePlan } from './candidatePlan.js';
import type { SettleSubject } from './createRemediator.js';
import { currentFindings } from './currentFindings.js';
import { isFixRequest } from './fixRequest.js';
import { fixSubjects } from './fixSubjects.js';
import { learnedRates } from './healing/healingStats.js';
import { proposeFixes } from './proposeFixes.js';
import type { RemediationCandidate } from './remediation.js';

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
 * points at (by the object's or its workload's name, a word naming the problem, or an object it depends on such as
 * the claim a pod mounts), the best candidate fix of the best fitting one as the plan — with its evidence, exact
 * difference, risk and the candidates not chosen as the plan's assumptions — or a question when several objects fit
 * equally, or why no fix applies (each remediation's failed precondition). Other requests, and repair requests that point at no finding, go to `planner`. Ranked
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
    const scored = await fixSubjects(request, findings, deps.gateway);
    const best = scored[0];
    if (!best) return planner(request, context);
    const top = scored.filter((s) => s.score === best.score);
    if (new Set(top.map((s) => s.subject)).size > 1) {
      return {
        kind: 'question',
        question: 'Several objects have problems that fit the request; which one should be fixed?',
        understood: 'fix a finding',
        candidates: top.map(({ finding: f }) => ({
          ref: f.resource,
          label: `${f.resource.namespace}/${f.resource.name}: ${f.message}`,
        })),
        notices: [],
      };
    }
    // Every finding of the chosen object (and of what it depends on), best fitting first: the first with a fix wins.
    const mine = scored.filter((s) => s.subject === best.subject).map((s) => s.finding);
    const namespaces = await deps.gateway.list('Namespace');
    const declined: string[] = [];
    for (const finding of mine) {
      const rates = deps.history ? learnedRates(await deps.history(), finding.analyzer) : undefined;
      const proposal = await proposeFixes(finding, { gateway: deps.gateway, now: deps.now() }, rates ? { rates } : {});
      const candidate = proposal.candidates[0];
      if (!candidate) {
        declined.push(...proposal.declined.map((d) => (mine.length > 1 ? `${finding.id}: ${d}` : d)));
        continue;
      }
      const fix = candidatePlan(candidate, request, namespaces);
      fix.assumptions.push(...choiceNotes(candidate, proposal.candidates.slice(1)));
      made.set(keyOf(fix), candidate);
      return {
        kind: 'plan',
        plan: fix,
        notices: [`diagnosed ${finding.id}: ${finding.message}`, ...proposal.declined, ...declined],
      };
    }
    return {
      kind: 'unsupported',
      message: `found ${mine.map((f) => f.id).join(', ')} but no safe fix: ${declined.join('; ')}`,
      understood: 'fix a finding',
      suggestions: ['opspilot analyze', 'opspilot fix <finding-id>'],
      notices: [],
    };
  };
  return Object.assign(plan, { fixOf: (p: Pick<Plan, 'request' | 'summary'>) => made.get(keyOf(p)) });
}

const percent = (c: RemediationCandidate) => `${Math.round(c.confidence * 100)}%`;

/**
 * What the reviewer reads about the choice: the fix chosen and its confidence, its risk, the other candidates of the
 * catalogue (not chosen, with theirs) and the other ways out the chosen one names.
 */
function choiceNotes(chosen: RemediationCandidate, others: RemediationCandidate[]): string[] {
  return [
    `chosen ${chosen.remediation} (confidence ${percent(chosen)})${others.length ? ` of ${others.length + 1} candidates` : ''}`,
    ...chosen.risk.map((r) => `risk: ${r}`),
    ...others.map((o) => `alternative ${o.remediation} (confidence ${percent(o)}): ${o.summary}`),
    ...chosen.alternatives.map((a) => `alternative: ${a}`),
  ];
}
