import type {
  AiCommand,
  AuditLog,
  Clock,
  ClusterGateway,
  KubeObject,
  NewAiCommand,
  OperationStore,
  Plan,
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

/** Where one step of an apply is: shown as progress (the CLI prints it on stderr). */
export type ApplyPhase = 'applying' | 'verifying' | 'applied' | 'failed' | 'rolling back';

/** A progress report of an apply: step `index` (0-based) of `total`. */
export interface ApplyProgress {
  index: number;
  total: number;
  description: string;
  phase: ApplyPhase;
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
  /** Called as each step of an apply starts, is verified, fails or is rolled back. */
  progress?(event: ApplyProgress): void | Promise<void>;
  /**
   * Who applies, written on the lease of an APPLYING operation and in the audit trail (e.g. `cli:host:pid`); a
   * random `opspilot:<uuid>` when missing. Unique per process.
   */
  leaseOwner?: string;
  /** How long a lease holds unless renewed (default 30 s of clock time); renewed every third of it while applying. */
  leaseMs?: number;
  /**
   * Gates a plan before review (the security guardian's image gate: images must pass security scanning): each
   * problem returned makes the operation INVALID with that reason, like a refused dry run.
   */
  planGate?(plan: Plan): Promise<string[]>;
}
