import type { ClusterGateway } from '@opspilot/core';

/** A registered cluster as the tools name it. */
export interface ToolClusterInfo {
  id: string;
  name: string;
  status?: string;
}

/** What tools may do with one cluster: read it. Built by the composition root over the cluster's gateway. */
export type ToolCluster = Pick<ClusterGateway, 'get' | 'list' | 'logs' | 'events' | 'snapshot'>;

/** A search of log lines. */
export interface LogSearch {
  clusterId: string;
  namespace?: string;
  pod?: string;
  /** A LogQL selector/pipeline, when the backend speaks LogQL. */
  query?: string;
  /** Plain text every returned line contains. */
  contains?: string;
  sinceMs: number;
  limit: number;
}

/** A search of traces. */
export interface TraceSearch {
  clusterId?: string;
  service?: string;
  minDurationMs?: number;
  errorsOnly?: boolean;
  sinceMs: number;
  limit: number;
}

/** A filter of alerts, incidents and anomalies. */
export interface SignalFilter {
  clusterIds: string[];
  /** States the caller asks for, e.g. FIRING or OPEN; empty for the backend's default. */
  states?: string[];
  limit: number;
}

/** An operation created by `propose_operation`, as the tool reports it. */
export interface ProposedOperation {
  kind: string;
  operation_id?: string;
  state?: string;
  risk?: string;
  summary?: string;
  diff?: string;
  /** A question, refusal or answer when the planner made no operation. */
  message?: string;
  [key: string]: unknown;
}

/**
 * Everything the built-in tools reach the world through, wired by the server or the CLI for one caller: only the
 * clusters the caller may see (and the conversation is scoped to), read-only views of them, and the signal sources
 * that exist there. A missing optional member makes its tools answer that the capability is not configured.
 */
export interface ToolBackend {
  clusters(): Promise<ToolClusterInfo[]>;
  cluster(id: string): Promise<ToolCluster>;
  metrics?: {
    catalog(): Promise<{ name: string; description?: string }[]>;
    named(clusterId: string, name: string, params: Record<string, string>): Promise<unknown>;
    promql(clusterId: string, query: string, rangeMinutes?: number): Promise<unknown>;
  };
  searchLogs?(search: LogSearch): Promise<unknown>;
  searchTraces?(search: TraceSearch): Promise<unknown>;
  alerts?(filter: SignalFilter): Promise<unknown[]>;
  incidents?(filter: SignalFilter): Promise<unknown[]>;
  anomalies?(filter: SignalFilter): Promise<unknown[]>;
  /** The latest security scan's findings (most severe first, at most `limit`). */
  securityFindings?(
    clusterId: string,
    filter: { severity?: string; namespace?: string; limit: number },
  ): Promise<unknown>;
  /** The latest security scan's summary: status, score, counts, namespaces. */
  securityPosture?(clusterId: string): Promise<unknown>;
  /** Cost per group over the last `sinceHours` (OpenCost method), idle apart. */
  costAllocation?(clusterId: string, query: { by: string; sinceHours: number; namespace?: string }): Promise<unknown>;
  /** The open cost recommendations, the largest saving first. */
  costRecommendations?(clusterId: string, query: { namespace?: string; limit: number }): Promise<unknown>;
  /** Creates an operation through the operation lifecycle; writes wait for approval. */
  propose?(clusterId: string, request: string, namespace?: string): Promise<ProposedOperation>;
}

/** What every tool runs with: the caller's backend, who asks, and the namespace they work in. */
export interface ToolContext {
  backend: ToolBackend;
  user: string;
  namespace?: string;
  signal?: AbortSignal;
  now?: Date;
}
