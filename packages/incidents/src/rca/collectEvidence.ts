import { analyzeSnapshot } from '@opspilot/analyzers';
import {
  type AuditLog,
  type AuditTrailEntry,
  type ClusterGateway,
  type ClusterSnapshot,
  type Finding,
  type KubeObject,
  type MetricsSource,
  type ObjectRef,
  parseQuantity,
  type TraceSource,
} from '@opspilot/core';
import type { Signal } from '../correlate/signal.js';
import { auditChanges } from './auditChanges.js';
import { clusterChanges } from './clusterChanges.js';
import { type IncidentScope, incidentScope, keyOf } from './incidentScope.js';
import { memoryTrends, oomKillsOf } from './memoryEvidence.js';
import { noisyNeighbours } from './noisyNeighbours.js';
import { GRACE_MS, LOOKBACK_MS } from './rankCauses.js';
import type { LogHit, RcaInput, Saturation } from './rcaInput.js';
import { spanEvidence } from './traceEvidence.js';

/** What evidence is gathered through: the cluster, our audit log, the clock; metrics and traces when there are. */
export interface EvidenceDeps {
  gateway: ClusterGateway;
  audit: Pick<AuditLog, 'list'>;
  clock: { now(): Date };
  /** The cluster's metrics (memory series of the scope's pods); with `clusterId`. */
  metrics?: MetricsSource;
  /** Spans received or in Tempo (the slowest and failing spans of the scope's services); with `clusterId`. */
  traces?: TraceSource;
  clusterId?: string;
}

/** How far before the first signal the metric and trace windows start. */
const SERIES_BEFORE_MS = 30 * 60_000;

// biome-ignore lint/suspicious/noExplicitAny: objects from the cluster are read field by field
type Any = Record<string, any>;
const ERROR_LINE = /\b(error|exception|fatal|panic|failed|refused|timeout|oom)\b/i;
const MAX_AUDIT_PAGES = 20;

/** Audit entries from `from` on, newest first, stopping at the first older one (pages of 100, at most 2,000). */
async function auditSince(audit: EvidenceDeps['audit'], from: string): Promise<AuditTrailEntry[]> {
  const out: AuditTrailEntry[] = [];
  for (let page = 1; page <= MAX_AUDIT_PAGES; page++) {
    const found = await audit.list({}, { page, page_size: 100 });
    for (const e of found.items) {
      if (e.timestamp < from) return out;
      out.push(e);
    }
    if (page >= found.total_pages) break;
  }
  return out;
}

const cpuOf = (spec: Any | undefined, field: 'limits' | 'requests') =>
  ((spec?.containers ?? []) as Any[]).reduce((sum, c) => sum + (parseQuantity(c.resources?.[field]?.cpu) ?? 0), 0);
const memoryOf = (spec: Any | undefined) =>
  ((spec?.containers ?? []) as Any[]).reduce((sum, c) => sum + (parseQuantity(c.resources?.limits?.memory) ?? 0), 0);

/** Containers near their CPU or memory limit in the scope, and pods starving the scope's nodes. */
async function saturationOf(deps: EvidenceDeps, snapshot: ClusterSnapshot, scope: IncidentScope, signal?: AbortSignal) {
  const out: Saturation[] = [];
  const inScope = new Set(scope.pods.map((p) => keyOf({ ...p.metadata, kind: 'Pod' })));
  const pods = new Map((snapshot.objects.Pod ?? []).map((p) => [keyOf({ ...p.metadata, kind: 'Pod' }), p]));
  const usage = await deps.gateway.podMetrics({ signal }).catch(() => []);
  for (const u of usage) {
    const pod = pods.get(keyOf({ ...u.ref, kind: 'Pod' }));
    if (!pod) continue;
    const spec = pod.spec as Any | undefined;
    const node = spec?.nodeName as string | undefined;
    const mine = inScope.has(keyOf({ ...u.ref, kind: 'Pod' }));
    if (!mine && !(node && scope.nodes.includes(node))) continue;
    const cpuLimit = cpuOf(spec, 'limits') * 1000;
    const memLimit = memoryOf(spec);
    const workload = mine ? scope.ownerOfPod.get(keyOf({ ...u.ref, kind: 'Pod' })) : undefined;
    const subject: ObjectRef = { kind: 'Pod', namespace: u.ref.namespace, name: u.ref.name };
    if (cpuLimit > 0)
      out.push({ subject, resource: 'cpu', used: u.cpuMillicores, limit: cpuLimit, node, neighbour: !mine, workload });
    if (memLimit > 0 && mine)
      out.push({ subject, resource: 'memory', used: u.memoryBytes, limit: memLimit, node, neighbour: false, workload });
  }
  const hogs = noisyNeighbours(snapshot, scope, usage);
  const named = new Set(hogs.map((h) => keyOf(h.subject)));
  return [...out.filter((s) => s.used / s.limit >= 0.85 && !(s.neighbour && named.has(keyOf(s.subject)))), ...hogs];
}

/** Error lines from the logs of up to three of the scope's pods (troubled ones first). */
async function errorLogs(deps: EvidenceDeps, scope: IncidentScope, signal?: AbortSignal): Promise<LogHit[]> {
  const troubled = (p: KubeObject) =>
    (((p.status as Any | undefined)?.containerStatuses ?? []) as Any[]).some((c) => !c.ready || c.restartCount > 0);
  const pods = [...scope.pods].sort((a, b) => Number(troubled(b)) - Number(troubled(a))).slice(0, 3);
  const hits: LogHit[] = [];
  for (const pod of pods) {
    const ref = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name };
    const text = await deps.gateway.logs(ref, { tailLines: 100, signal }).catch(() => '');
    for (const line of text.split('\n')) if (ERROR_LINE.test(line)) hits.push({ pod: ref, line });
  }
  return hits.slice(-20);
}

/** The names the scope's services go by in traces: its workloads' and the Services selecting its pods. */
function serviceNames(snapshot: ClusterSnapshot, scope: IncidentScope): string[] {
  const names = scope.workloads.map((w) => w.metadata.name);
  for (const svc of snapshot.objects.Service ?? []) {
    const selector = Object.entries(((svc.spec as Any | undefined)?.selector ?? {}) as Record<string, string>);
    if (selector.length === 0) continue;
    const selects = scope.pods.some(
      (p) =>
        p.metadata.namespace === svc.metadata.namespace &&
        selector.every(([k, v]) => (p.metadata.labels as Record<string, string> | undefined)?.[k] === v),
    );
    if (selects) names.unshift(svc.metadata.name);
  }
  return [...new Set(names)];
}

/**
 * Gathers the evidence for ranking an incident's causes, through the ports: a snapshot of the cluster (the scope of
 * the incident: workloads, pods, nodes, ConfigMaps and Secrets), the audit log's applied operations on the scope in
 * the look-back before the first signal, the changes the cluster shows, the analyzers' findings on the scope, error
 * lines from the pods' logs, containers near their limits (or starving neighbours), OOM kills, and — when the ports
 * are given — the pods' memory series and the failing and slowest spans of the scope's services from half an hour
 * before the first signal on.
 */
export async function collectEvidence(
  deps: EvidenceDeps,
  incident: { id: string; detected_at: string; affected_resources: ObjectRef[] },
  signals: Signal[],
  signal?: AbortSignal,
): Promise<RcaInput & { scope: IncidentScope }> {
  const first = signals.map((s) => s.at).sort()[0] ?? incident.detected_at;
  const from = new Date(Date.parse(first) - LOOKBACK_MS).toISOString();
  const until = new Date(Math.max(Date.parse(first) + GRACE_MS, deps.clock.now().getTime())).toISOString();
  const snapshot = await deps.gateway.snapshot({ signal });
  const affected = [...incident.affected_resources, ...signals.flatMap((s) => (s.resource ? [s.resource] : []))];
  const scope = incidentScope(snapshot, affected);
  const audited = auditChanges(await auditSince(deps.audit, from)).filter((c) => scope.keys.has(keyOf(c.subject)));
  const findings: Finding[] = analyzeSnapshot(snapshot, { now: deps.clock.now() })
    .groups.flatMap((g) => [g.rootCause, ...g.symptoms])
    .filter((f) => scope.keys.has(keyOf(f.resource)));
  const seriesFrom = new Date(Date.parse(first) - SERIES_BEFORE_MS).toISOString();
  const seriesTo = deps.clock.now().toISOString();
  return {
    incidentId: incident.id,
    firstSignalAt: first,
    analyzedAt: deps.clock.now().toISOString(),
    signals,
    changes: [...audited, ...clusterChanges(snapshot, scope, from, until)],
    findings,
    logs: await errorLogs(deps, scope, signal),
    saturation: await saturationOf(deps, snapshot, scope, signal),
    workloads: scope.workloads.map((w) => ({ kind: w.kind, namespace: w.metadata.namespace, name: w.metadata.name })),
    nodes: scope.nodes,
    oomKills: oomKillsOf(scope),
    memory: await memoryTrends(deps.metrics, deps.clusterId, scope, seriesFrom, seriesTo, signal),
    spans: await spanEvidence(deps.traces, deps.clusterId, serviceNames(snapshot, scope), seriesFrom, seriesTo, signal),
    scope,
  };
}
