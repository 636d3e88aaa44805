import type {
  AiCommand,
  AuditLog,
  Clock,
  ClusterGateway,
  KubeObject,
  NewAiCommand,
  OperationStore,
  PlanOutcome,
  PlanStep,
} from '@opspilot/core';

/** Turns a request into a plan, a question or an unsupported answer (the offline planner or a model's). */
export type Planner = (request: string, context: { namespace?: string }) => Promise<PlanOutcome>;

/** Records the seed-000 AI Command of each request (the store's `aiCommands` repository fits). */
export interface CommandRecorder {
  create(command: NewAiCommand): Promise<AiCommand>;
  update(id: string, patch: Partial<AiCommand>): Promise<AiCommand>;
}

/**
 * What the operation lifecycle runs on, all through ports: the cluster, where operations and the audit trail are
 * kept, the clock (verification deadlines), the planner, and a kubectl-style diff of live against proposed objects
 * (`diffObjects` of `@opspilot/kube`).
 */
export interface OpsDeps {
  gateway: ClusterGateway;
  operations: OperationStore;
  audit: AuditLog;
  clock: Clock;
  planner: Planner;
  diff(live: KubeObject | undefined, proposed: KubeObject): string;
  commands?: CommandRecorder;
  /** Answers an `analyze` step ("what's wrong with X") as text; the built-in analyzers over a snapshot by default. */
  analyze?(step: Extract<PlanStep, { op: 'analyze' }>): Promise<string>;
  /** The cluster the gateway talks to, recorded on operations and audit entries. */
  clusterId?: string;
  /** How long verification waits for the expected state (default 120 s of clock time). */
  verifyTimeoutMs?: number;
  /** How often verification looks (default 1 s of clock time). */
  pollMs?: number;
}
