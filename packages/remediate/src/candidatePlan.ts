import { finishPlan } from '@opspilot/ai';
import type { KubeObject, Plan } from '@opspilot/core';
import type { RemediationCandidate } from './remediation.js';

/**
 * The plan of a candidate, as `@opspilot/ops` takes it: its steps with the risk classified from them, the kubectl
 * commands for bash and PowerShell, and the evidence and exact difference as assumptions the reviewer reads.
 */
export function candidatePlan(
  candidate: RemediationCandidate,
  request: string,
  namespaces: readonly KubeObject[],
): Plan {
  return finishPlan(
    {
      request,
      summary: candidate.summary,
      steps: candidate.steps,
      assumptions: [
        `fixes ${candidate.finding_id} (${candidate.remediation})`,
        ...candidate.evidence.slice(0, 6).map((e) => `evidence ${e.source}: ${e.detail}`),
        ...candidate.revision_diff.map((d) => `changes ${d}`),
      ],
      planner: `remediate:${candidate.remediation}`,
    },
    namespaces,
  );
}
