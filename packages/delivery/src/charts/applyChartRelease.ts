import {
  type ChartFile,
  ConflictError,
  InputError,
  type KubeObject,
  type Operation,
  type StepOutcome,
} from '@opspilot/core';
import { type ChartReleaseDeps, chartDetailsOf, recordTransition } from './chartReleaseDeps.js';
import { observeWhileWaiting, verifyWorkloads, whyNotReady } from './verifyWorkloads.js';

/** Approves a proposed chart release (the configuration review is the approval when applied from review). */
export async function approveChartRelease(deps: ChartReleaseDeps, id: string, user: string): Promise<Operation> {
  const op = await chartOperation(deps, id);
  if (op.state !== 'NEEDS_REVIEW') {
    throw new ConflictError(`operation ${id} is ${op.state}, not NEEDS_REVIEW`, { hint: 'propose the release again' });
  }
  return recordTransition(
    deps,
    { ...op, state: 'APPROVED', approved_by: user },
    'NEEDS_REVIEW',
    user,
    'operation.approved',
  );
}

/** The chart release operation `id`; NotFound/Input errors otherwise. */
export async function chartOperation(deps: ChartReleaseDeps, id: string): Promise<Operation> {
  const op = await deps.operations.get(id);
  if (!op) throw new InputError(`no operation ${id}`, { hint: 'list operations with opspilot ops' });
  if (!chartDetailsOf(op)) throw new InputError(`operation ${id} is not a chart release`);
  return op;
}

/**
 * Applies an APPROVED chart release: `helm upgrade --install` (rolled back by helm on failure, waiting for
 * readiness), then verifies the rollout of every workload it rendered; a workload that is not ready is rolled back
 * with `helm rollback` to the revision before. The operation ends APPLIED, or FAILED with the reasons (helm's
 * message and the cluster's Warning events and pod states) and what was rolled back.
 * @see https://helm.sh/docs/helm/helm_rollback/
 */
export async function applyChartRelease(
  deps: ChartReleaseDeps,
  id: string,
  chart: ChartFile[],
  user: string,
): Promise<Operation> {
  const approved = await chartOperation(deps, id);
  if (approved.state !== 'APPROVED') {
    throw new ConflictError(`operation ${id} is ${approved.state}, not APPROVED`, { hint: 'approve it first' });
  }
  const details = chartDetailsOf(approved)!;
  const request = {
    release: details.release,
    namespace: details.namespace,
    chart,
    values: details.values,
    timeoutSeconds: details.timeout_seconds,
  };
  const history = await deps.releaser.history(details.release, details.namespace);
  const previous = history.ok ? history.value.filter((r) => r.status === 'deployed').at(-1)?.revision : undefined;
  let op = await recordTransition(deps, { ...approved, state: 'APPLYING' }, 'APPROVED', user, 'operation.applying');
  const steps: StepOutcome[] = [];
  const problems: string[] = [];
  const workloads = approved.plan.steps.flatMap((s) => (s.op === 'apply' ? [s.object as KubeObject] : []));
  const running = deps.releaser.upgradeInstall(request);
  const observed = observeWhileWaiting(deps, details.namespace, workloads, running);
  const outcome = await running;
  if (!outcome.ok || !outcome.value.ok) {
    const why = outcome.ok ? outcome.value.message : outcome.error.message;
    steps.push({ index: 0, description: 'helm upgrade --install', status: 'failed', message: why });
    problems.push(`helm upgrade --install failed: ${why}`);
    const seen = await observed;
    problems.push(...new Set([...seen, ...(await whyNotReady(deps, details.namespace, workloads))]));
    steps.push({
      index: 1,
      description: 'roll back',
      status: 'rolled_back',
      message:
        previous !== undefined
          ? `helm rolled the release back to revision ${previous}`
          : 'helm removed the release it had installed (no earlier revision)',
    });
    const failed: Operation = {
      ...op,
      state: 'FAILED',
      steps,
      problems,
      result: `release ${details.release} was not deployed`,
    };
    return recordTransition(deps, failed, 'APPLYING', user, 'operation.failed');
  }
  const revision = outcome.value.revision;
  steps.push({ index: 0, description: 'helm upgrade --install', status: 'applied', message: outcome.value.message });
  const verified = await verifyWorkloads(deps, workloads);
  if (verified.notReady.length === 0) {
    const done: Operation = {
      ...op,
      state: 'APPLIED',
      steps,
      result: [`release ${details.release} revision ${revision ?? '?'} deployed`, ...verified.lines].join('\n'),
      details: { ...op.details, revision, ...(previous ? { previous_revision: previous } : {}) },
    };
    return recordTransition(deps, done, 'APPLYING', user, 'operation.applied');
  }
  problems.push(...verified.notReady, ...(await whyNotReady(deps, details.namespace, workloads)));
  const back =
    previous !== undefined
      ? await deps.releaser.rollback(details.release, details.namespace, previous, details.timeout_seconds)
      : undefined;
  steps.push({
    index: 1,
    description: previous !== undefined ? `helm rollback ${details.release} ${previous}` : 'roll back',
    status: back?.ok && back.value.ok ? 'rolled_back' : 'not_undone',
    message:
      back === undefined ? 'no earlier revision to roll back to' : back.ok ? back.value.message : back.error.message,
  });
  op = { ...op, state: 'FAILED', steps, problems, result: `release ${details.release} did not become ready` };
  return recordTransition(deps, op, 'APPLYING', user, 'operation.failed');
}
