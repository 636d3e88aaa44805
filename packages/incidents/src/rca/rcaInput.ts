import type { Finding, ObjectRef } from '@opspilot/core';
import type { Signal } from '../correlate/signal.js';
import type { Change } from './change.js';
import type { MemoryTrend, OomKill } from './memoryEvidence.js';
import type { SlowSpan } from './traceEvidence.js';

/** A resource used near (or over) its limit: a container's CPU or memory, or a node's. */
export interface Saturation {
  subject: ObjectRef;
  resource: 'cpu' | 'memory';
  used: number;
  limit: number;
  /** The node it runs on, for pods. */
  node?: string;
  /** True for a pod outside the incident's scope on one of its nodes (a noisy neighbour). */
  neighbour: boolean;
  /** The workload the pod belongs to, when known (for the suggested runbook). */
  workload?: ObjectRef;
  /** For a hog on a busy node: the node's CPU in use, the hog's CPU request, and the workloads it starves there. */
  nodeUsed?: number;
  requested?: number;
  victims?: ObjectRef[];
}

/** A log line with an error, from a pod of the incident's scope (untrusted cluster text). */
export interface LogHit {
  pod: ObjectRef;
  line: string;
}

/** Everything the ranking looks at, gathered by `collectEvidence` (or built by hand in tests). */
export interface RcaInput {
  incidentId: string;
  firstSignalAt: string;
  analyzedAt: string;
  signals: Signal[];
  changes: Change[];
  /** Analyzer findings on the objects of the incident's scope. */
  findings: Finding[];
  logs: LogHit[];
  saturation: Saturation[];
  /** The workloads of the scope (for causes found on their pods). */
  workloads: ObjectRef[];
  /** Nodes the scope runs on. */
  nodes: string[];
  /** Containers of the scope whose last run ended OOMKilled. */
  oomKills?: OomKill[];
  /** The memory working set of the scope's pods over the window (through the metrics port). */
  memory?: MemoryTrend[];
  /** The slowest and the failing spans of the scope's services in the window (through the traces port). */
  spans?: SlowSpan[];
}
