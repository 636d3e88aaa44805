import type {
  AuditLog,
  Clock,
  ClusterGateway,
  EventBus,
  KubeObject,
  Operation,
  OperationState,
  OperationStore,
} from '@opspilot/core';
import type { ChartReleaser } from './chartReleaser.js';

/** The tool name the audit trail records for chart releases. */
export const CHART_RELEASE_TOOL = 'opspilot-helm';

/** What the chart release lifecycle needs from the outside world (wired by the CLI and the server). */
export interface ChartReleaseDeps {
  releaser: ChartReleaser;
  gateway: ClusterGateway;
  operations: OperationStore;
  audit: AuditLog;
  clock: Clock;
  /** `kubectl diff`-style text of live against proposed (`@opspilot/kube`'s diffObjects). */
  diff: (live: KubeObject | undefined, proposed: KubeObject) => string;
  events?: EventBus;
  clusterId?: string;
}

/** The release a chart operation installs, kept in the operation's `details`. */
export interface ChartReleaseDetails {
  kind: 'helm-release';
  release: string;
  namespace: string;
  chart_name: string;
  values: Record<string, unknown>;
  timeout_seconds: number;
  config_ids: string[];
  revision?: number;
  previous_revision?: number;
}

/** The chart release details of an operation, or undefined when it is not a chart release. */
export function chartDetailsOf(operation: Operation): ChartReleaseDetails | undefined {
  const d = operation.details as Partial<ChartReleaseDetails>;
  return d.kind === 'helm-release' ? (d as ChartReleaseDetails) : undefined;
}

/**
 * Stores `next` (checking the operation was still `expected`), appends the audit entry of the move and publishes
 * `PLAN_STATE_CHANGED`, so every state of a chart release is audited and seen live.
 */
export async function recordTransition(
  deps: ChartReleaseDeps,
  next: Operation,
  expected: OperationState,
  user: string,
  action: string,
): Promise<Operation> {
  const now = deps.clock.now().toISOString();
  const stored = await deps.operations.update({ ...next, updated_at: now }, expected);
  await audit(deps, stored, user, action);
  return stored;
}

/** Appends the audit entry of `action` on a chart operation and publishes its state. */
export async function audit(deps: ChartReleaseDeps, op: Operation, user: string, action: string): Promise<void> {
  const details = chartDetailsOf(op);
  await deps.audit.append({
    user_id: user,
    action,
    target: `operation/${op.id}`,
    ai_tool: CHART_RELEASE_TOOL,
    input_prompt: op.request,
    output_generated: op.plan.rendered.bash,
    status: op.state === 'FAILED' || op.state === 'INVALID' ? 'ERROR' : 'SUCCESS',
    ...(deps.clusterId ? { cluster_id: deps.clusterId } : {}),
    details: {
      state: op.state,
      release: details?.release ?? '',
      namespace: details?.namespace ?? '',
      ...(details?.revision ? { revision: details.revision } : {}),
      ...(op.problems.length > 0 ? { problems: op.problems } : {}),
    },
  });
  await deps.events?.publish({
    event_type: 'PLAN_STATE_CHANGED',
    timestamp: deps.clock.now().toISOString(),
    namespace: details?.namespace,
    ...(deps.clusterId ? { cluster_id: deps.clusterId } : {}),
    payload: { operation_id: op.id, state: op.state, kind: 'helm-release', release: details?.release ?? '' },
  });
}
