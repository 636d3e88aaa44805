import type { CostQuestion, RequestReader } from '@opspilot/core';
import { parseCostQuestion } from './costQuestion.js';

/** One line saying what a cost question asks, for `Understood:`. */
export function describeCostQuestion(q: CostQuestion): string {
  if (q.kind === 'rightsize') return `rightsize ${q.workload}${q.namespace ? ` in namespace ${q.namespace}` : ''}`;
  if (q.kind === 'savings') return `what can be saved${q.namespace ? ` in namespace ${q.namespace}` : ''}`;
  const what = q.namespace ? `namespace ${q.namespace}` : q.workload ? `workload ${q.workload}` : 'the cluster';
  return `what ${what} costs per ${q.period}`;
}

/**
 * The cost optimizer's reader for `ask` (registered with the planner by the CLI and the server): "how much does
 * namespace todo cost per month", "what can I save", "rightsize backend" become `{ kind: 'cost', question }`, which
 * the caller answers with allocation, recommendations, or the workload's rightsizing plan for review.
 */
export const costRequestReader: RequestReader = {
  id: 'cost',
  read(text) {
    const question = parseCostQuestion(text);
    if (!question) return undefined;
    return { kind: 'cost', question, understood: describeCostQuestion(question), notices: [] };
  },
};
