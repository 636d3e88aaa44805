/**
 * @opspilot/ops — the operation lifecycle: plan → validate → dry-run + diff → review → apply → verify → audit.
 * Talks to the cluster, the store and the planner only through the ports of `@opspilot/core`.
 */
export { type Approval, checkApproval } from './approvalPolicy.js';
export { classifyRisk, PROTECTED_NAMESPACES, type RiskAssessment } from './classifyRisk.js';
export { type DryRunResult, dryRunPlan } from './dryRunPlan.js';
export { inversePatch } from './inversePatch.js';
export { type ActContext, createOperations, type Operations, type ProposeResult } from './operations.js';
export type { ApplyPhase, ApplyProgress, CommandRecorder, OpsDeps, Planner } from './opsDeps.js';
export { type Reconciled, reconcileOperation } from './reconcileOperation.js';
export { type RunOutcome, runPlan } from './runPlan.js';
export { stepInEffect } from './stepInEffect.js';
export { type UndoResult, undoApplied } from './undoApplied.js';
export { type Verification, verifyStep } from './verifyStep.js';
