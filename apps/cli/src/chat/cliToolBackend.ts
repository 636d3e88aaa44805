import type { ProposedOperation, SignalFilter, ToolBackend } from '@opspilot/chat';
import type { OpspilotConfig } from '@opspilot/config';
import { systemClock } from '@opspilot/core';
import { diffObjects, type KubeClusterGateway } from '@opspilot/kube';
import { createOperations } from '@opspilot/ops';
import type { Store } from '@opspilot/store';
import { cliLifecycle, registeredClusterId } from '../commands/askApply.js';
import { createPlanner } from '../commands/askPlanner.js';
import { cliCostTools } from './cliCostTools.js';
import { cliSecurityTools } from './cliSecurityTools.js';

/** Options of {@link cliToolBackend}. */
export interface CliToolBackendOptions {
  config: OpspilotConfig;
  gateway: KubeClusterGateway;
  store: Store;
  /** Who proposes, for the operations and the audit trail. */
  user: string;
  /** No `propose` (`--read-only`). */
  readOnly?: boolean;
  /** Where progress of the operation lifecycle is told (stderr; never stdout, which may carry MCP). */
  err(text: string): void;
  /** The working directory and environment (the pricing file `OPSPILOT_COST_PRICING_FILE` of the cost tools). */
  io?: { cwd: string; env: Record<string, string | undefined> };
}

/**
 * The tools' view of the CLI's cluster (the kubeconfig context, or the simulated cluster): read through the gateway;
 * alerts, incidents and anomalies from the local store; cost allocation and recommendations computed as
 * `opspilot cost` does; security findings and posture scanned as `opspilot security scan` does; `propose` through
 * the operation lifecycle with the configured planner, so a change is stored as an operation waiting for
 * `opspilot review`/the dashboard.
 */
export async function cliToolBackend(options: CliToolBackendOptions): Promise<ToolBackend> {
  const { gateway, store } = options;
  const registered = await registeredClusterId(store, gateway.config.server);
  const cluster = { id: registered ?? gateway.config.cluster, name: gateway.config.cluster, status: 'CONNECTED' };
  const stored = async <T>(filter: SignalFilter, list: (limit: number) => Promise<{ items: T[] }>) =>
    filter.clusterIds.includes(cluster.id) ? (await list(filter.limit)).items : [];
  const ops = createOperations({
    gateway,
    operations: store.operations,
    audit: store.audit,
    commands: store.aiCommands,
    clock: systemClock,
    planner: createPlanner(options.config, gateway),
    diff: diffObjects,
    ...(registered ? { clusterId: registered } : {}),
    ...cliLifecycle(options.err),
  });
  return {
    clusters: async () => [cluster],
    cluster: async () => gateway,
    alerts: (filter) =>
      stored(filter, (limit) => store.alerts.list(registered ? { cluster_id: registered } : {}, { page_size: limit })),
    incidents: (filter) =>
      stored(filter, (limit) =>
        store.incidents.list(registered ? { cluster_id: registered } : {}, { page_size: limit }),
      ),
    ...cliCostTools(options.config, gateway, options.io ?? { cwd: process.cwd(), env: process.env }),
    ...cliSecurityTools(options.config, gateway),
    anomalies: (filter) =>
      stored(filter, (limit) =>
        store.anomalies.list(registered ? { cluster_id: registered } : {}, { page_size: limit }),
      ),
    ...(options.readOnly
      ? {}
      : {
          propose: async (_clusterId: string, request: string, namespace?: string): Promise<ProposedOperation> => {
            const proposed = await ops.propose(request, { user: options.user, ...(namespace ? { namespace } : {}) });
            if (proposed.kind !== 'operation') {
              const message =
                'question' in proposed
                  ? proposed.question
                  : 'message' in proposed
                    ? proposed.message
                    : proposed.understood;
              return { kind: proposed.kind, message: String(message) };
            }
            const op = proposed.operation;
            return {
              kind: 'operation',
              operation_id: op.id,
              state: op.state,
              risk: op.risk,
              summary: op.plan.summary,
              steps: op.plan.steps.map((s) => s.description),
              diff: op.diff,
              message:
                op.state === 'NEEDS_REVIEW'
                  ? `waits for approval in the dashboard (Ask → operations) or POST /api/v1/ops/${op.id}/approve; nothing has been changed`
                  : `the operation is ${op.state}`,
            };
          },
        }),
  };
}
