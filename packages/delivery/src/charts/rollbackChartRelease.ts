import { InputError, type Operation } from '@opspilot/core';
import {
  audit,
  CHART_RELEASE_TOOL,
  type ChartReleaseDeps,
  type ChartReleaseDetails,
  recordTransition,
} from './chartReleaseDeps.js';

/** What to roll back: a release, and the revision to return to (the one before the current when missing). */
export interface RollbackInput {
  release: string;
  namespace: string;
  revision?: number;
  timeoutSeconds?: number;
  user: string;
}

/**
 * Rolls a release back with `helm rollback` (waiting for readiness) as an audited operation approved by the acting
 * user: APPLIED with the revision now deployed, or FAILED saying why. InputError when the release or revision does
 * not exist.
 * @see https://helm.sh/docs/helm/helm_rollback/
 */
export async function rollbackChartRelease(deps: ChartReleaseDeps, input: RollbackInput): Promise<Operation> {
  const history = await deps.releaser.history(input.release, input.namespace);
  if (!history.ok) throw history.error;
  if (history.value.length === 0) {
    throw new InputError(`release ${input.release} does not exist in namespace ${input.namespace}`, {
      hint: 'list releases with helm list -n <namespace>',
    });
  }
  const current = history.value.at(-1)!;
  const target =
    input.revision ??
    history.value.filter((r) => r.revision < current.revision && r.status !== 'failed').at(-1)?.revision;
  if (target === undefined || !history.value.some((r) => r.revision === target)) {
    throw new InputError(`release ${input.release} has no revision ${input.revision ?? 'before the current one'}`, {
      hint: `revisions: ${history.value.map((r) => r.revision).join(', ')}`,
    });
  }
  const timeoutSeconds = input.timeoutSeconds ?? 300;
  const command = `helm rollback ${input.release} ${target} --namespace ${input.namespace} --wait --timeout ${timeoutSeconds}s`;
  const now = deps.clock.now().toISOString();
  const details: ChartReleaseDetails = {
    kind: 'helm-release',
    release: input.release,
    namespace: input.namespace,
    chart_name: current.chart,
    values: {},
    timeout_seconds: timeoutSeconds,
    config_ids: [],
    previous_revision: current.revision,
  };
  const request = `roll back release ${input.release} in ${input.namespace} to revision ${target}`;
  let op = await deps.operations.create({
    id: globalThis.crypto.randomUUID(),
    ...(deps.clusterId ? { cluster_id: deps.clusterId } : {}),
    request,
    plan: {
      request,
      summary: command,
      steps: [
        {
          op: 'apply',
          mode: 'patch',
          object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: input.namespace } },
          description: `helm rollback ${input.release} to revision ${target}`,
        },
      ],
      risk: 'write',
      riskReasons: [`returns release ${input.release} from revision ${current.revision} to ${target}`],
      assumptions: [],
      rendered: { bash: command, powershell: command },
      planner: CHART_RELEASE_TOOL,
    },
    risk: 'write',
    risk_reasons: [`returns release ${input.release} from revision ${current.revision} to ${target}`],
    confirmations: [],
    diff: '',
    state: 'NEEDS_REVIEW',
    proposed_by: input.user,
    problems: [],
    steps: [],
    result: '',
    details: details as unknown as Record<string, unknown>,
    created_at: now,
    updated_at: now,
  });
  await audit(deps, op, input.user, 'operation.proposed');
  op = await recordTransition(
    deps,
    { ...op, state: 'APPROVED', approved_by: input.user },
    'NEEDS_REVIEW',
    input.user,
    'operation.approved',
  );
  op = await recordTransition(deps, { ...op, state: 'APPLYING' }, 'APPROVED', input.user, 'operation.applying');
  const back = await deps.releaser.rollback(input.release, input.namespace, target, timeoutSeconds);
  const ok = back.ok && back.value.ok;
  const message = back.ok ? back.value.message : back.error.message;
  return recordTransition(
    deps,
    {
      ...op,
      state: ok ? 'APPLIED' : 'FAILED',
      steps: [{ index: 0, description: command, status: ok ? 'applied' : 'failed', message }],
      problems: ok ? [] : [`helm rollback failed: ${message}`],
      result: ok
        ? `release ${input.release} rolled back to revision ${target} (now revision ${back.ok ? (back.value.revision ?? '?') : '?'})`
        : '',
      details: { ...op.details, ...(back.ok && back.value.revision ? { revision: back.value.revision } : {}) },
    },
    'APPLYING',
    input.user,
    ok ? 'operation.applied' : 'operation.failed',
  );
}
