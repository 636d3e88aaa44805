import { type KubeObject, Plan, type PlanStep } from '@opspilot/core';
import { renderPlanCommands } from '../render/renderPlanCommands.js';
import { classifyRisk } from './classifyRisk.js';

/** What {@link finishPlan} turns into a {@link Plan}. */
export interface PlanDraft {
  request: string;
  summary: string;
  steps: PlanStep[];
  assumptions: string[];
  planner: string;
}

/**
 * Completes a draft: risk classified by {@link classifyRisk} from the steps (whatever proposed them), commands
 * rendered for bash and PowerShell, and the whole parsed with the `Plan` schema.
 */
export function finishPlan(draft: PlanDraft, namespaces: readonly KubeObject[]): Plan {
  const { risk, reasons } = classifyRisk(draft.steps, namespaces);
  return Plan.parse({
    request: draft.request,
    summary: draft.summary,
    steps: draft.steps,
    risk,
    riskReasons: reasons,
    assumptions: [...new Set(draft.assumptions)],
    rendered: renderPlanCommands(draft.steps),
    planner: draft.planner,
  });
}
