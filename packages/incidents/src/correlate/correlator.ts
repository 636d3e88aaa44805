import type { ObjectRef, Severity } from '@opspilot/core';
import { raiseSeverity, type Signal, signalKey, worseSeverity } from './signal.js';
import { type Anchors, type ContentionRole, labelTopology, type Topology } from './topology.js';

/** The weak anchor of one side of CPU contention on a node (see {@link Anchors.colocated}). */
const colocationKey = (role: ContentionRole, node: string) => `${role}@${node}`;

/** A signal as an incident holds it: the latest observation, when it first fired and how often it re-fired. */
export interface HeldSignal {
  key: string;
  signal: Signal;
  first_at: string;
  last_at: string;
  /** How many times it went from CLEARED back to FIRING. */
  refired: number;
  /** How many repeats of it were merged (deduplicated). */
  repeats: number;
}

/** What the correlator knows of one incident. */
export interface CorrelatedIncident {
  id: string;
  cluster_id?: string;
  open: boolean;
  severity: Severity;
  title: string;
  signals: Map<string, HeldSignal>;
  strong: Set<string>;
  weak: Set<string>;
  first_at: string;
  last_at: string;
  /** Since when every signal has been CLEARED (undefined while any fires). */
  quiet_since?: string;
  resolved_at?: string;
  /** How many times it was reopened by a signal firing again within the reopen window. */
  reopened: number;
}

/** What one signal did: opened an incident, joined one, repeated, cleared or re-fired a signal, reopened one. */
export type CorrelationKind = 'opened' | 'joined' | 'repeated' | 'cleared' | 'refired' | 'reopened' | 'ignored';

export interface Correlation {
  kind: CorrelationKind;
  /** The incident the signal went to (missing for an `ignored` CLEARED signal nobody held). */
  incident?: CorrelatedIncident;
  held?: HeldSignal;
  /** True when the incident's severity changed. */
  severityChanged: boolean;
}

/** Tuning of {@link Correlator}. */
export interface CorrelatorOptions {
  topology?: Topology;
  /** A signal correlating with a resolved incident within this time reopens it instead of opening a new one. */
  reopenWindowMs?: number;
  /** Every signal must stay CLEARED this long before the incident resolves itself (hysteresis). */
  resolveAfterMs?: number;
  /** An open incident whose last signal is older than this no longer takes new signals by topology (only repeats). */
  joinWindowMs?: number;
  /** Id of a new incident (a UUID v4 by default). */
  newId?: () => string;
  /** How long an anomaly signal counts as firing without being detected again (default 15 minutes). */
  anomalyTtlMs?: number;
}

const ms = (iso: string) => Date.parse(iso);
const later = (a: string, b: string) => (ms(a) >= ms(b) ? a : b);

/** Workloads, Services and nodes an incident's signals reach: its blast radius. */
export function blastRadius(incident: CorrelatedIncident): { objects: number; nodes: number } {
  let nodes = 0;
  for (const a of incident.strong) if (a.includes(':Node/')) nodes++;
  return { objects: incident.strong.size - nodes, nodes };
}

/** The objects an incident's signals name, deduplicated (`affected_resources`). */
export function affectedResources(incident: CorrelatedIncident, limit = 50): ObjectRef[] {
  const seen = new Map<string, ObjectRef>();
  for (const held of incident.signals.values()) {
    const r = held.signal.resource;
    if (r && seen.size < limit) seen.set(`${r.kind}/${r.namespace ?? ''}/${r.name}`, r);
  }
  return [...seen.values()];
}

/**
 * Groups signals into incidents, in memory and in O(anchors) per signal, so a storm of thousands of alerts a minute
 * yields a handful of incidents. A signal goes to the incident already holding its fingerprint (a repeat), else to an
 * open incident sharing a strong anchor (same workload, Service or failing node: see {@link Topology}), else to one
 * holding the failing node of its pod, else to one holding the other side of CPU contention on its pod's node (a hog
 * and the pods it starves), else it reopens a matching incident resolved within the reopen window, else it
 * opens a new incident. Incidents resolve themselves only after every signal stayed CLEARED for `resolveAfterMs`
 * ({@link due}), and re-firing within the reopen window reopens the same incident: a flapping alert never opens and
 * closes incidents in a loop.
 */
export class Correlator {
  readonly incidents = new Map<string, CorrelatedIncident>();
  private readonly bySignal = new Map<string, CorrelatedIncident>();
  private readonly byAnchor = new Map<string, CorrelatedIncident>();
  private topology: Topology;
  private readonly reopenWindowMs: number;
  private readonly joinWindowMs: number;
  readonly resolveAfterMs: number;
  private readonly newId: () => string;

  constructor(options: CorrelatorOptions = {}) {
    this.topology = options.topology ?? labelTopology;
    this.reopenWindowMs = options.reopenWindowMs ?? 60 * 60_000;
    this.resolveAfterMs = options.resolveAfterMs ?? 5 * 60_000;
    this.joinWindowMs = options.joinWindowMs ?? 6 * 60 * 60_000;
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  /** Changes the topology used for signals from now on (a fresh snapshot of the cluster). */
  setTopology(topology: Topology): void {
    this.topology = topology;
  }

  /**
   * The object a signal's cause belongs to, by the current topology (see {@link Topology.rootOf}), or by the signal's
   * labels when the topology cannot tell.
   */
  rootOf(signal: Signal): ObjectRef | undefined {
    return (this.topology.rootOf ?? labelTopology.rootOf)?.(signal);
  }

  /** Correlates one signal; see the class description. */
  ingest(signal: Signal): Correlation {
    const key = signalKey(signal);
    const holder = this.bySignal.get(key);
    if (holder) return this.update(holder, key, signal);
    if (signal.state === 'CLEARED') return { kind: 'ignored', severityChanged: false };
    const anchors = this.topology.anchorsOf(signal);
    const match =
      this.find(anchors.strong, signal.at) ??
      this.find(anchors.weak, signal.at) ??
      this.findColocated(anchors, signal.at);
    if (match && !match.open) {
      this.reopen(match);
      return { ...this.attach(match, key, signal, anchors), kind: 'reopened' };
    }
    if (match) return this.attach(match, key, signal, anchors);
    const incident: CorrelatedIncident = {
      id: this.newId(),
      cluster_id: signal.cluster_id,
      open: true,
      severity: signal.severity,
      title: titleOf(signal),
      signals: new Map(),
      strong: new Set(),
      weak: new Set(),
      first_at: signal.at,
      last_at: signal.at,
      reopened: 0,
    };
    this.incidents.set(incident.id, incident);
    return { ...this.attach(incident, key, signal, anchors), kind: 'opened', severityChanged: false };
  }

  /**
   * Signals that only ever fire (anomalies: a detector reports a new anomaly, never its end) count as cleared once
   * not repeated for `ttlMs`: the CLEARED copies to ingest, so their incidents can resolve themselves.
   */
  stale(now: Date, ttlMs: number, source: Signal['source'] = 'ANOMALY'): Signal[] {
    const out: Signal[] = [];
    for (const incident of this.incidents.values()) {
      if (!incident.open) continue;
      for (const held of incident.signals.values()) {
        const s = held.signal;
        if (s.source === source && s.state === 'FIRING' && now.getTime() - ms(held.last_at) >= ttlMs)
          out.push({ ...s, state: 'CLEARED', at: now.toISOString() });
      }
    }
    return out;
  }

  /** Open incidents whose signals all stayed CLEARED for `resolveAfterMs` by `now`: ready to resolve. */
  due(now: Date): CorrelatedIncident[] {
    const out: CorrelatedIncident[] = [];
    for (const incident of this.incidents.values()) {
      if (incident.open && incident.quiet_since && now.getTime() - ms(incident.quiet_since) >= this.resolveAfterMs)
        out.push(incident);
    }
    return out;
  }

  /** Marks an incident resolved (by the engine or a person); its signals may still reopen it for a while. */
  resolve(id: string, at: string): void {
    const incident = this.incidents.get(id);
    if (!incident) return;
    incident.open = false;
    incident.resolved_at = at;
  }

  /** Forgets an incident entirely (closed, or resolved longer ago than the reopen window). */
  forget(id: string): void {
    const incident = this.incidents.get(id);
    if (!incident) return;
    this.incidents.delete(id);
    for (const key of incident.signals.keys()) if (this.bySignal.get(key) === incident) this.bySignal.delete(key);
    for (const a of [...incident.strong, ...incident.weak])
      if (this.byAnchor.get(a) === incident) this.byAnchor.delete(a);
  }

  /** Forgets resolved incidents older than the reopen window, keeping memory bounded. */
  prune(now: Date): void {
    for (const incident of [...this.incidents.values()]) {
      if (!incident.open && incident.resolved_at && now.getTime() - ms(incident.resolved_at) > this.reopenWindowMs)
        this.forget(incident.id);
    }
  }

  /** Restores an incident read back from the store (at start), with the signals its timeline recorded. */
  restore(incident: Omit<CorrelatedIncident, 'signals' | 'strong' | 'weak'>, signals: HeldSignal[]): void {
    const restored: CorrelatedIncident = { ...incident, signals: new Map(), strong: new Set(), weak: new Set() };
    this.incidents.set(restored.id, restored);
    for (const held of signals) {
      restored.signals.set(held.key, held);
      this.bySignal.set(held.key, restored);
      this.index(restored, this.topology.anchorsOf(held.signal));
    }
  }

  /**
   * The incident holding one of `anchors` as a strong anchor. Called with a pod's node (weak) too: that joins it to
   * an incident only when the incident holds the node's own signal.
   */
  private find(anchors: string[], at: string): CorrelatedIncident | undefined {
    for (const a of anchors) {
      const found = this.byAnchor.get(a);
      if (found?.strong.has(a) && this.accepts(found, at)) return found;
    }
    return undefined;
  }

  /**
   * The incident holding the opposite side of CPU contention on one of the signal's nodes: a hog's pressure finds the
   * incident of a starved pod on its node, and the other way round.
   */
  private findColocated(anchors: Anchors, at: string): CorrelatedIncident | undefined {
    if (!anchors.colocated) return undefined;
    const other = anchors.colocated.role === 'cpu-pressure' ? 'cpu-starved' : 'cpu-pressure';
    for (const node of anchors.colocated.nodes) {
      const key = colocationKey(other, node);
      const found = this.byAnchor.get(key);
      if (found?.weak.has(key) && this.accepts(found, at)) return found;
    }
    return undefined;
  }

  private accepts(incident: CorrelatedIncident, at: string): boolean {
    if (incident.open) return ms(at) - ms(incident.last_at) <= this.joinWindowMs;
    return incident.resolved_at !== undefined && ms(at) - ms(incident.resolved_at) <= this.reopenWindowMs;
  }

  private reopen(incident: CorrelatedIncident): void {
    incident.open = true;
    incident.resolved_at = undefined;
    incident.reopened++;
  }

  private index(incident: CorrelatedIncident, anchors: Anchors): void {
    for (const node of anchors.colocated?.nodes ?? []) {
      const key = colocationKey(anchors.colocated!.role, node);
      incident.weak.add(key);
      this.byAnchor.set(key, incident);
    }
    for (const a of anchors.strong) {
      incident.strong.add(a);
      this.byAnchor.set(a, incident);
    }
    for (const a of anchors.weak) {
      if (incident.strong.has(a)) continue;
      incident.weak.add(a);
      if (!this.byAnchor.has(a)) this.byAnchor.set(a, incident);
    }
    // A node's own signal arriving after its pods': the node's anchor now points here.
    for (const a of anchors.strong) incident.weak.delete(a);
  }

  private attach(incident: CorrelatedIncident, key: string, signal: Signal, anchors: Anchors): Correlation {
    const held: HeldSignal = { key, signal, first_at: signal.at, last_at: signal.at, refired: 0, repeats: 0 };
    incident.signals.set(key, held);
    this.bySignal.set(key, incident);
    this.index(incident, anchors);
    incident.last_at = later(incident.last_at, signal.at);
    incident.quiet_since = undefined;
    const severityChanged = this.rescore(incident);
    return { kind: 'joined', incident, held, severityChanged };
  }

  private update(incident: CorrelatedIncident, key: string, signal: Signal): Correlation {
    const held = incident.signals.get(key) as HeldSignal;
    const was = held.signal.state;
    const wasSeverity = held.signal.severity;
    held.signal = signal;
    held.last_at = later(held.last_at, signal.at);
    incident.last_at = later(incident.last_at, signal.at);
    let kind: CorrelationKind = 'repeated';
    if (was === 'FIRING' && signal.state === 'CLEARED') kind = 'cleared';
    else if (was === 'CLEARED' && signal.state === 'FIRING') {
      held.refired++;
      kind = 'refired';
    } else held.repeats++;
    if (kind === 'repeated' && signal.state === 'FIRING' && signal.severity === wasSeverity) {
      // A repeat of a firing signal changes neither the severity nor the quiet time: no walk over every signal (a storm
      // of repeats stays linear).
      incident.quiet_since = undefined;
      return { kind, incident, held, severityChanged: false };
    }
    // Only a signal that cleared and fires again reopens: repeats of one still firing (Alertmanager re-sends them)
    // leave an incident someone resolved by hand alone.
    if (kind === 'refired' && !incident.open && this.accepts(incident, signal.at)) {
      this.reopen(incident);
      kind = 'reopened';
    } else if (kind === 'refired' && !incident.open) {
      // Resolved too long ago: this signal starts afresh.
      incident.signals.delete(key);
      this.bySignal.delete(key);
      return this.ingest(signal);
    }
    incident.quiet_since = [...incident.signals.values()].every((h) => h.signal.state === 'CLEARED')
      ? signal.at
      : undefined;
    const severityChanged = this.rescore(incident);
    return { kind, incident, held, severityChanged };
  }

  /** Severity: the worst firing signal, one level worse when the blast radius spans 3+ objects or a node. */
  private rescore(incident: CorrelatedIncident): boolean {
    let worst: Severity = 'LOW';
    for (const h of incident.signals.values()) worst = worseSeverity(worst, h.signal.severity);
    const radius = blastRadius(incident);
    const severity = radius.objects >= 3 || (radius.nodes > 0 && radius.objects >= 2) ? raiseSeverity(worst) : worst;
    const changed = severity !== incident.severity;
    incident.severity = severity;
    return changed;
  }
}

function titleOf(signal: Signal): string {
  const r = signal.resource;
  const on = r ? ` on ${r.kind.toLowerCase()}/${r.namespace ? `${r.namespace}/` : ''}${r.name}` : '';
  return `${signal.title}${on}`.slice(0, 255);
}
