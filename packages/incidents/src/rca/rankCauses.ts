import type { Finding, ObjectRef } from '@opspilot/core';
import type { Signal } from '../correlate/signal.js';
import { contentionRole } from '../correlate/topology.js';
import type { Cause, CauseEvidence, CauseKind, SuggestedRunbook } from './cause.js';
import type { Change, ChangeKind } from './change.js';
import type { MemoryTrend, OomKill } from './memoryEvidence.js';
import type { RcaInput, Saturation } from './rcaInput.js';
import { describeSpan, type SlowSpan } from './traceEvidence.js';

/** How far before the first signal a change still counts, and how far after (clock skew, the change's own alert). */
export const LOOKBACK_MS = 2 * 60 * 60_000;
export const GRACE_MS = 2 * 60_000;

const BASE: Partial<Record<ChangeKind, number>> = {
  image: 0.55,
  rollout: 0.45,
  resources: 0.5,
  config: 0.5,
  secret: 0.45,
  scaling: 0.4,
  node: 0.5,
  delete: 0.35,
  other: 0.25,
};
const CAUSE_OF: Partial<Record<ChangeKind, CauseKind>> = {
  image: 'bad-rollout',
  rollout: 'bad-rollout',
  resources: 'saturation',
  config: 'config-change',
  secret: 'secret-change',
  scaling: 'scaling-change',
  node: 'node-failure',
  delete: 'finding',
  other: 'finding',
};
/** Findings that corroborate each kind of cause (analyzer ids). */
const CORROBORATES: Partial<Record<CauseKind, RegExp>> = {
  'bad-rollout': /image-pull|crash-loop|pod-crash|rollout|probe|error/,
  'config-change': /crash-loop|pod-crash|config|probe|error/,
  'secret-change': /crash-loop|pod-crash|config|secret/,
  'scaling-change': /unavailable|replica|pending/,
  oom: /oom/,
  'node-failure': /node|pending|unschedul/,
};
const ORDER: CauseKind[] = [
  'bad-rollout',
  'config-change',
  'secret-change',
  'oom',
  'node-failure',
  'noisy-neighbour',
  'saturation',
  'scaling-change',
  'finding',
];

const key = (r: ObjectRef) => `${r.kind}/${r.namespace ?? ''}/${r.name}`;
const pct = (v: number) => `${Math.round(v * 100)}%`;
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
const clamp = (v: number) => Math.max(0, Math.min(0.97, Math.round(v * 100) / 100));

/** 1 for a change within 10 minutes before the first signal, falling to 0.4 at the end of the look-back. */
function recency(changeAt: string, first: string): number {
  const before = Date.parse(first) - Date.parse(changeAt);
  if (before <= 10 * 60_000) return 1;
  return 1 - (0.6 * (before - 10 * 60_000)) / (LOOKBACK_MS - 10 * 60_000);
}

function changeEvidence(c: Change): CauseEvidence {
  if (c.audit) {
    return {
      kind: 'audit',
      source: `audit #${c.audit.sequence} ${c.audit.action}${c.audit.operation_id ? ` (operation ${c.audit.operation_id})` : ''}`,
      detail: `${c.summary} on ${key(c.subject)}`,
      at: c.at,
    };
  }
  return { kind: 'change', source: `cluster ${key(c.subject)}`, detail: c.summary, at: c.at };
}

function findingEvidence(f: Finding): CauseEvidence {
  return { kind: 'finding', source: `${f.analyzer} ${key(f.resource)}`, detail: f.message };
}

/** The workload a change or object belongs to in the scope (for ConfigMaps: the first workload reading it). */
function workloadFor(input: RcaInput, subject: ObjectRef): ObjectRef | undefined {
  if (input.workloads.some((w) => key(w) === key(subject))) return subject;
  return input.workloads.find((w) => w.namespace === subject.namespace);
}

/** The shipped runbook for a cause, with its input (see `SHIPPED_RUNBOOKS`). */
export function suggestRunbook(
  kind: CauseKind,
  subject: ObjectRef,
  input: RcaInput,
  change?: Change,
): SuggestedRunbook | undefined {
  const workload = workloadFor(input, subject);
  const workloadInput = workload
    ? { namespace: workload.namespace ?? 'default', workload: workload.name, kind: workload.kind }
    : undefined;
  switch (kind) {
    case 'bad-rollout':
      return workload?.kind === 'Deployment'
        ? { name: 'rollback-bad-rollout', input: { ...workloadInput } }
        : undefined;
    case 'config-change':
      return workload
        ? {
            name: 'revert-config-change',
            input: {
              ...workloadInput,
              configmap: subject.name,
              ...(change?.audit?.operation_id ? { operation_id: change.audit.operation_id } : {}),
            },
          }
        : undefined;
    case 'oom':
      return workload ? { name: 'raise-memory-limit', input: { ...workloadInput } } : undefined;
    case 'node-failure':
      return { name: 'cordon-and-drain-node', input: { node: subject.name } };
    case 'saturation':
    case 'scaling-change':
      return workload ? { name: 'scale-out', input: { ...workloadInput } } : undefined;
    case 'noisy-neighbour':
      return workload ? { name: 'limit-noisy-neighbour', input: { ...workloadInput } } : undefined;
    default:
      return undefined;
  }
}

/**
 * Ranks candidate causes of an incident, deterministically, from the evidence gathered for it:
 * - each change in the scope from the look-back before the first signal (our audit log first: it names who and which
 *   operation; the same change seen in the cluster adds its own evidence), scored by kind, by how close it came
 *   before the first signal, and by the findings and error logs that corroborate it;
 * - OOM kills, NotReady nodes, saturated containers and noisy neighbours on the scope's nodes, from findings and
 *   metrics;
 * - every other analyzer finding on the scope, weighted by severity.
 * Each cause carries its evidence, a confidence from 0 to 1 and the runbook that would fix it. Ties break by kind,
 * then subject, so the same input always gives the same ranking.
 */
export function rankCauses(input: RcaInput): Cause[] {
  const first = input.firstSignalAt;
  const from = new Date(Date.parse(first) - LOOKBACK_MS).toISOString();
  const to = new Date(Date.parse(first) + GRACE_MS).toISOString();
  const causes = new Map<string, Cause & { score: number }>();
  const add = (
    kind: CauseKind,
    subject: ObjectRef,
    summary: string,
    score: number,
    evidence: CauseEvidence[],
    change?: Change,
  ) => {
    const id = `${kind}:${key(subject)}`;
    const existing = causes.get(id);
    if (existing) {
      existing.score = Math.max(existing.score, score) + 0.05;
      existing.evidence.push(...evidence);
      return existing;
    }
    const cause = {
      id,
      kind,
      subject,
      summary,
      score,
      confidence: 0,
      evidence: [...evidence],
      runbook: suggestRunbook(kind, subject, input, change),
    };
    causes.set(id, cause);
    return cause;
  };
  const errorLogs = input.logs
    .slice(0, 5)
    .map<CauseEvidence>((l) => ({ kind: 'log', source: `pod ${key(l.pod)}`, detail: l.line.slice(0, 300) }));

  // Audit changes first, so a cluster-seen change of the same object and kind merges into the audited one.
  const changes = [...input.changes]
    .filter((c) => c.at >= from && c.at <= to && c.kind !== 'rollback')
    .sort((a, b) => (a.source === b.source ? a.at.localeCompare(b.at) : a.source === 'audit' ? -1 : 1));
  for (const change of changes) {
    // New resource limits before OOM kills are the OOM's cause; otherwise they starve the workload.
    const oomKilled = input.findings.some((f) => /oom/.test(f.analyzer)) || (input.oomKills ?? []).length > 0;
    const kind = change.kind === 'resources' && oomKilled ? 'oom' : (CAUSE_OF[change.kind] ?? 'finding');
    const pattern = CORROBORATES[kind];
    const corroborating = pattern ? input.findings.filter((f) => pattern.test(f.analyzer)) : [];
    let score = (BASE[change.kind] ?? 0.25) * recency(change.at, first);
    if (corroborating.length) score += 0.25;
    if (errorLogs.length && (kind === 'bad-rollout' || kind === 'config-change')) score += 0.08;
    if (change.source === 'audit') score += 0.05;
    // A rollout that changed no image after a ConfigMap, a Secret or the limits changed is that change taking effect.
    const configFirst = changes.some(
      (c) =>
        (c.kind === 'config' || c.kind === 'secret' || c.kind === 'resources') && c !== change && c.at <= change.at,
    );
    if (change.kind === 'rollout' && configFirst) score *= 0.6;
    const cause = add(kind, change.subject, describeChange(kind, change), score, [changeEvidence(change)], change);
    for (const f of corroborating.slice(0, 4)) cause.evidence.push(findingEvidence(f));
    if (kind === 'bad-rollout' || kind === 'config-change') cause.evidence.push(...errorLogs.slice(0, 2));
  }

  for (const oom of oomCauses(input)) add('oom', oom.workload, oom.summary, oom.score, oom.evidence);
  for (const change of input.changes.filter((c) => c.kind === 'node')) {
    const affectedPods = input.signals.filter(
      (s) => s.labels.node === change.subject.name || s.resource?.name === change.subject.name,
    );
    add(
      'node-failure',
      change.subject,
      `node ${change.subject.name} failed`,
      0.6 + Math.min(0.2, affectedPods.length * 0.05),
      [changeEvidence(change)],
    );
  }
  for (const s of input.saturation) {
    if (s.neighbour && s.nodeUsed !== undefined) {
      const hog = hogCause(input, s);
      const cause = add('noisy-neighbour', hog.subject, hog.summary, hog.score, hog.evidence);
      cause.runbook = hog.runbook;
      continue;
    }
    const ratio = s.used / s.limit;
    if (ratio < 0.85) continue;
    if (s.neighbour) {
      add(
        'noisy-neighbour',
        s.subject,
        `${s.subject.name} on node ${s.node} uses ${pct(ratio)} of its ${s.resource} and starves the incident's pods`,
        0.4 + Math.min(0.3, (ratio - 0.85) * 0.5),
        [
          {
            kind: 'metric',
            source: `${s.resource} ${key(s.subject)}`,
            detail: `${pct(ratio)} of ${s.limit === 0 ? 'capacity' : 'its limit'} on node ${s.node}`,
          },
        ],
      );
    } else {
      const workload = s.workload ?? workloadFor(input, s.subject) ?? s.subject;
      add(
        'saturation',
        workload,
        `${workload.name} is saturated: ${s.resource} at ${pct(ratio)} of its limit`,
        0.4 + Math.min(0.3, (ratio - 0.85) * 0.6),
        [{ kind: 'metric', source: `${s.resource} ${key(s.subject)}`, detail: `${pct(ratio)} of its limit` }],
      );
    }
  }
  const SEVERITY = { CRITICAL: 0.4, HIGH: 0.35, MEDIUM: 0.25, LOW: 0.15, INFO: 0.05 } as const;
  for (const f of input.findings) {
    if (f.rootCauseOf === undefined && input.findings.some((o) => o.rootCauseOf?.includes(f.id))) continue;
    add('finding', f.resource, f.message, SEVERITY[f.severity], [findingEvidence(f)]);
  }

  attachSpans([...causes.values()], input.spans ?? []);
  return [...causes.values()]
    .map(({ score, ...cause }) => ({ ...cause, confidence: clamp(score) }))
    .sort(
      (a, b) =>
        b.confidence - a.confidence ||
        ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) ||
        key(a.subject).localeCompare(key(b.subject)),
    );
}

function describeChange(kind: CauseKind, c: Change): string {
  const what = `${c.subject.kind.toLowerCase()}/${c.subject.namespace ? `${c.subject.namespace}/` : ''}${c.subject.name}`;
  switch (kind) {
    case 'bad-rollout':
      return c.images ? `rollout of ${what} to ${c.images.to.join(', ')}` : `rollout of ${what}`;
    case 'config-change':
      return `change to ConfigMap ${what}`;
    case 'secret-change':
      return `change to Secret ${what}`;
    case 'scaling-change':
      return `scaling of ${what}`;
    case 'node-failure':
      return `node ${c.subject.name} failed`;
    case 'oom':
    case 'saturation':
      return `new resource limits on ${what}`;
    default:
      return `${c.summary} (${what})`;
  }
}

/** The OOM causes: one per workload whose containers were OOMKilled, with the kills and the memory series. */
function oomCauses(
  input: RcaInput,
): { workload: ObjectRef; summary: string; score: number; evidence: CauseEvidence[] }[] {
  const kills = input.oomKills ?? [];
  const owner = (k: OomKill | MemoryTrend) => k.workload ?? workloadFor(input, k.pod) ?? k.pod;
  const findings = input.findings.filter((f) => /oom/.test(f.analyzer));
  const workloads = new Map<string, ObjectRef>();
  for (const k of kills) workloads.set(key(owner(k)), owner(k));
  for (const f of findings) {
    const w = workloadFor(input, f.resource) ?? f.resource;
    workloads.set(key(w), w);
  }
  return [...workloads.values()].map((workload) => {
    const mine = kills.filter((k) => key(owner(k)) === key(workload));
    const killedPods = new Set(mine.map((k) => key(k.pod)));
    const trends = (input.memory ?? []).filter((t) => key(owner(t)) === key(workload) || killedPods.has(key(t.pod)));
    const rising = trends.filter((t) => t.growthBytesPerMinute > 0).sort((a, b) => b.maxBytes - a.maxBytes);
    const limit = mine.find((k) => k.limit)?.limit;
    const restarts = mine.reduce((sum, k) => sum + k.restarts, 0);
    const growth = rising.map((t) => t.growthBytesPerMinute).sort((a, b) => a - b)[Math.floor(rising.length / 2)];
    const what = `${workload.kind.toLowerCase()} ${workload.name}`;
    const summary =
      growth !== undefined
        ? `${what} runs out of memory: it grows about ${mib(growth)} a minute until its ${limit ?? 'memory'} limit and is OOMKilled (${restarts} restarts)`
        : `${what} runs out of memory (OOMKilled${limit ? ` at its ${limit} limit` : ''})`;
    const evidence: CauseEvidence[] = mine.slice(0, 3).map((k) => ({
      kind: 'event',
      source: `pod ${key(k.pod)}`,
      detail: `container ${k.container} OOMKilled (exit code ${k.exitCode}) at its ${k.limit ?? 'node'} memory limit, restarted ${k.restarts} times`,
      ...(k.at ? { at: k.at } : {}),
    }));
    for (const t of rising.slice(0, 3))
      evidence.push({
        kind: 'metric',
        source: `memory ${key(t.pod)}`,
        detail: `working set grew about ${mib(t.growthBytesPerMinute)}/min, from ${mib(t.minBytes)} to ${mib(t.maxBytes)}${t.resets ? `, dropping back ${t.resets} time(s) as the container restarted` : ''} (${t.points} points, ${t.from} to ${t.to})`,
        at: t.to,
      });
    const near = input.saturation.find((s) => s.resource === 'memory' && !s.neighbour);
    if (near)
      evidence.push({
        kind: 'metric',
        source: `memory ${key(near.subject)}`,
        detail: `${pct(near.used / near.limit)} of its limit`,
      });
    for (const f of findings.filter((x) => key(workloadFor(input, x.resource) ?? x.resource) === key(workload)))
      evidence.push(findingEvidence(f));
    const score = 0.55 + (near ? 0.15 : 0) + (mine.length ? 0.05 : 0) + (rising.length ? 0.1 : 0);
    return { workload, summary, score, evidence };
  });
}

/**
 * Puts the trace evidence where it belongs: failing spans behind a rollout or a config change, slow spans behind
 * saturation, a noisy neighbour or OOM kills; what finds no such cause goes to the strongest cause.
 */
function attachSpans(causes: (Cause & { score: number })[], spans: SlowSpan[]) {
  if (spans.length === 0 || causes.length === 0) return;
  const toEvidence = (s: SlowSpan): CauseEvidence => ({
    kind: 'trace',
    source: `trace ${s.trace_id}`,
    detail: describeSpan(s),
    at: s.at,
  });
  const failing = spans.filter((s) => s.status === 'ERROR');
  const slow = spans.filter((s) => s.status !== 'ERROR');
  let placed = false;
  for (const cause of causes) {
    const mine = ['bad-rollout', 'config-change', 'secret-change'].includes(cause.kind)
      ? failing
      : ['saturation', 'noisy-neighbour', 'oom'].includes(cause.kind)
        ? slow
        : [];
    if (mine.length === 0) continue;
    cause.evidence.push(...mine.slice(0, 3).map(toEvidence));
    cause.score += 0.05;
    placed = true;
  }
  if (!placed) {
    const top = [...causes].sort((a, b) => b.score - a.score)[0];
    top?.evidence.push(...spans.slice(0, 3).map(toEvidence));
  }
}

/**
 * The cause a CPU hog on a busy node makes: the hog's workload, with the node's CPU, the hog's use against its
 * request, the co-location with the starved workloads (the dependency graph's shared node) and their signals of
 * starvation (throttling, latency) and the hog's own CPU signal as evidence. Stronger with each side's signal.
 */
function hogCause(input: RcaInput, s: Saturation) {
  const subject = s.workload ?? s.subject;
  const victims = s.victims ?? [];
  const onNode = (sig: Signal) =>
    sig.labels.node === s.node ||
    victims.some((v) => v.namespace === (sig.labels.namespace ?? sig.resource?.namespace));
  const starved = input.signals.filter((sig) => contentionRole(sig) === 'cpu-starved' && onNode(sig));
  const pressure = input.signals.filter(
    (sig) =>
      contentionRole(sig) === 'cpu-pressure' &&
      (sig.resource?.name === s.subject.name || sig.labels.pod === s.subject.name),
  );
  const cores = (m: number) => `${(m / 1000).toFixed(1)} cores`;
  const evidence: CauseEvidence[] = [
    {
      kind: 'metric',
      source: `cpu Node//${s.node}`,
      detail: `node ${s.node} uses ${cores(s.nodeUsed ?? 0)} of its ${cores(s.limit)} allocatable (${pct((s.nodeUsed ?? 0) / s.limit)})`,
    },
    {
      kind: 'metric',
      source: `cpu ${key(s.subject)}`,
      detail: `${s.subject.name} uses ${cores(s.used)} (${pct(s.used / s.limit)} of the node) against a request of ${cores(s.requested ?? 0)}, with no CPU limit to stop it`,
    },
    {
      kind: 'change',
      source: `dependency graph Node//${s.node}`,
      detail: `${victims.map((v) => `${v.kind.toLowerCase()}/${v.namespace}/${v.name}`).join(', ')} run${victims.length === 1 ? 's' : ''} on node ${s.node} beside ${subject.kind.toLowerCase()}/${subject.namespace}/${subject.name}`,
    },
    ...[...starved, ...pressure].slice(0, 4).map<CauseEvidence>((sig) => ({
      kind: 'signal',
      source: `${sig.source.toLowerCase()} ${sig.labels.alertname ?? sig.labels.signal ?? sig.fingerprint}`,
      detail: sig.title,
      at: sig.at,
    })),
  ];
  const victim = victims[0];
  return {
    subject,
    summary: `${subject.kind.toLowerCase()} ${subject.name} hogs the CPU of node ${s.node} (${pct(s.used / s.limit)} of it), starving ${victims.map((v) => v.name).join(', ')} on the same node`,
    score: 0.55 + Math.min(0.15, s.used / s.limit / 4) + (starved.length ? 0.1 : 0) + (pressure.length ? 0.05 : 0),
    evidence,
    // The hog's workload gets a CPU limit (its spike is then held there); a bare pod cannot be changed so, and more
    // replicas of the starved workload spread it over other nodes instead.
    runbook: ['Deployment', 'StatefulSet', 'DaemonSet'].includes(subject.kind)
      ? {
          name: 'limit-noisy-neighbour',
          input: { namespace: subject.namespace ?? 'default', workload: subject.name, kind: subject.kind },
        }
      : victim
        ? {
            name: 'scale-out',
            input: { namespace: victim.namespace ?? 'default', workload: victim.name, kind: victim.kind },
          }
        : undefined,
  };
}
