import type { ClusterGateway, PlanOutcome } from '@opspilot/core';
import { remediableClasses } from './builtinRemediations.js';
import { candidatePlan } from './candidatePlan.js';
import { currentFindings } from './currentFindings.js';
import { baseName, fitOf, isFixRequest } from './fixRequest.js';
import { proposeFixes } from './proposeFixes.js';

type Planner = (request: string, context: { namespace?: string }) => Promise<PlanOutcome>;

/**
 * Wraps a planner so that repair requests ("fix the oom pod", "the webapp is not working, repair it", "why is api
 * crashing and fix it") are answered from the remediation catalogue: the findings on the cluster now that the request
 * points at (by the object's or its workload's name, or a word naming the problem), the best candidate fix of the best
 * fitting one as the plan — with its evidence and exact difference as the plan's assumptions — or a question when
 * several objects fit equally. Other requests, and repair requests that point at no finding, go to `planner`.
 */
export function fixPlanner(planner: Planner, deps: { gateway: ClusterGateway; now: () => Date }): Planner {
  const classes = new Set(remediableClasses());
  return async (request, context) => {
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
      const proposal = await proposeFixes(finding, { gateway: deps.gateway, now: deps.now() });
      const candidate = proposal.candidates[0];
      if (!candidate) {
        notices.push(...proposal.declined);
        continue;
      }
      return {
        kind: 'plan',
        plan: candidatePlan(candidate, request, namespaces),
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
}
