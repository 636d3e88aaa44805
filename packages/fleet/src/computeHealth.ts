import type { ClusterState, FindingSeverity, KubeObject } from '@opspilot/core';

/** What {@link computeHealth} judges a cluster by. */
export interface HealthInputs {
  /** The API server answered the last probe. */
  reachable: boolean;
  /** How long the last probe took, in milliseconds. */
  latencyMs?: number;
  nodes: KubeObject[];
  pods: KubeObject[];
  /** Open findings of the analyzers on the live model, counted by severity. */
  findings: Record<FindingSeverity, number>;
  /** The time pod ages are judged against; without it no pod counts as starting. */
  now?: Date;
}

/** How long a new pod may be Pending or creating its containers before it counts as unhealthy. */
export const STARTING_GRACE_MS = 120_000;

const FAILING = /BackOff|Err|Invalid|Failed|OOMKilled|Error/;

/** A pod created less than {@link STARTING_GRACE_MS} ago that has not failed yet: neither healthy nor unhealthy. */
export function podStarting(pod: KubeObject, now: Date | undefined): boolean {
  if (!now || podHealthy(pod)) return false;
  const created = Date.parse(pod.metadata.creationTimestamp ?? '');
  if (Number.isNaN(created) || now.getTime() - created >= STARTING_GRACE_MS) return false;
  const status = pod.status as
    | { phase?: string; containerStatuses?: { restartCount?: number; state?: { waiting?: { reason?: string } } }[] }
    | undefined;
  if (status?.phase === 'Failed') return false;
  return (status?.containerStatuses ?? []).every(
    (c) => (c.restartCount ?? 0) === 0 && !FAILING.test(c.state?.waiting?.reason ?? ''),
  );
}

/** Counts behind a health score, shown beside it. */
export interface HealthCounts {
  nodes: number;
  nodes_ready: number;
  pods: number;
  pods_healthy: number;
}

/** The outcome of {@link computeHealth}. */
export interface Health {
  state: ClusterState;
  health_score: number;
  counts: HealthCounts;
}

/** Points taken per open finding, and the most all findings together can take. */
export const FINDING_PENALTY: Record<FindingSeverity, number> = { CRITICAL: 10, HIGH: 5, MEDIUM: 2, LOW: 1, INFO: 0 };
export const MAX_FINDING_PENALTY = 30;
/** A cluster scoring below this (or with a node not Ready) is DEGRADED. */
export const DEGRADED_BELOW = 80;

function conditionTrue(object: KubeObject, type: string): boolean {
  const conditions = (object.status as { conditions?: { type?: string; status?: string }[] } | undefined)?.conditions;
  return conditions?.some((c) => c.type === type && c.status === 'True') ?? false;
}

/** A pod that completed, or runs with every container ready. */
export function podHealthy(pod: KubeObject): boolean {
  const status = pod.status as { phase?: string; containerStatuses?: { ready?: boolean }[] } | undefined;
  if (status?.phase === 'Succeeded') return true;
  if (status?.phase !== 'Running') return false;
  return (status.containerStatuses ?? []).every((c) => c.ready === true);
}

/**
 * The health of one cluster, by the formula in the package README:
 * `100 − latency (5 over 300 ms, 10 over 1 s) − 40 × share of nodes not Ready − 25 × share of pods unhealthy (pods
 * still starting, see {@link podStarting}, left out) −
 * findings (CRITICAL 10, HIGH 5, MEDIUM 2, LOW 1, at most 30)`, rounded and kept within 0–100. An unreachable API
 * server is OFFLINE with score 0; below {@link DEGRADED_BELOW}, or with any node not Ready, the state is DEGRADED,
 * otherwise ONLINE.
 */
export function computeHealth(inputs: HealthInputs): Health {
  const nodesReady = inputs.nodes.filter((n) => conditionTrue(n, 'Ready')).length;
  const podsHealthy = inputs.pods.filter(podHealthy).length;
  const podsStarting = inputs.pods.filter((p) => podStarting(p, inputs.now)).length;
  const counts: HealthCounts = {
    nodes: inputs.nodes.length,
    nodes_ready: nodesReady,
    pods: inputs.pods.length,
    pods_healthy: podsHealthy,
  };
  const judged = counts.pods - podsStarting;
  if (!inputs.reachable) return { state: 'OFFLINE', health_score: 0, counts };
  const latency = inputs.latencyMs ?? 0;
  const latencyPenalty = latency > 1_000 ? 10 : latency > 300 ? 5 : 0;
  const nodePenalty = counts.nodes === 0 ? 40 : (40 * (counts.nodes - nodesReady)) / counts.nodes;
  const podPenalty = judged === 0 ? 0 : (25 * (judged - podsHealthy)) / judged;
  let findingPenalty = 0;
  for (const [severity, count] of Object.entries(inputs.findings)) {
    findingPenalty += FINDING_PENALTY[severity as FindingSeverity] * count;
  }
  const score = Math.round(
    100 - latencyPenalty - nodePenalty - podPenalty - Math.min(MAX_FINDING_PENALTY, findingPenalty),
  );
  const health_score = Math.max(0, Math.min(100, score));
  const degraded = health_score < DEGRADED_BELOW || nodesReady < counts.nodes;
  return { state: degraded ? 'DEGRADED' : 'ONLINE', health_score, counts };
}

/** The band a score falls in: a change of band (not of every point) is worth telling people about. */
export function scoreBand(score: number | undefined): 'HEALTHY' | 'WARNING' | 'CRITICAL' | 'UNMEASURED' {
  if (score === undefined) return 'UNMEASURED';
  if (score >= DEGRADED_BELOW) return 'HEALTHY';
  return score >= 50 ? 'WARNING' : 'CRITICAL';
}
