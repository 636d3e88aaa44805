import type { Finding } from '@opspilot/core';
import type { remediateHarness } from './remediateHarness.js';

type Harness = Awaited<ReturnType<typeof remediateHarness>>;

/** Diagnoses a finding, proposes its best candidate (of `only` when given) and has `bob` approve and apply it. */
export async function fixFinding(h: Harness, finding: Finding, only?: string) {
  const proposal = await h.remediator.diagnose(finding, only ? { only } : {});
  const candidate = proposal.candidates[0];
  if (!candidate) throw new Error(proposal.declined.join('; '));
  const proposed = await h.remediator.propose(candidate, { user: 'alice' });
  if (proposed.kind !== 'operation') throw new Error(proposed.reasons.join('; '));
  const outcome = await h.whileRunning(
    h.remediator.execute(proposed.operation.id, candidate, { user: 'alice', approver: 'bob' }),
  );
  return { proposal, candidate, proposed, outcome };
}
