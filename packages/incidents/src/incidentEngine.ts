import { type Incident, type IncidentAction, type IncidentStatus, InputError } from '@opspilot/core';
import { Correlator, type CorrelatorOptions, type HeldSignal } from './correlate/correlator.js';
import { Signal, signalKey } from './correlate/signal.js';
import { resourceOfLabels } from './correlate/signalFromAlert.js';
import type { Topology } from './correlate/topology.js';
import type { IncidentDeps } from './incidentDeps.js';
import { assertMove, isActive, PHASE_OF } from './lifecycle/incidentPhase.js';
import { publishIncident } from './publishIncident.js';
import { recordCorrelation } from './recordCorrelation.js';
import { createSightingRefresher } from './recurrence/sightingRefresher.js';
import { signalSighting } from './recurrence/signalSighting.js';

/** Who does something to an incident, and why. */
export interface Actor {
  user: string;
  note?: string;
}

/**
 * The incident engine: correlates signals into stored incidents (see {@link Correlator}), resolves them when their
 * signals stay clear (`tick`), and carries out the people's side of the lifecycle — acknowledge (taking ownership),
 * mitigate, resolve, close, comment, assign — each on the timeline, in the audit trail, on the bus and notified.
 * Calls are serialised, so concurrent signals never race on one incident.
 */
export function createIncidentEngine(deps: IncidentDeps, options: CorrelatorOptions = {}) {
  const correlator = new Correlator(options);
  const sightings = createSightingRefresher(deps.records);
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };
  const now = () => deps.clock.now().toISOString();

  async function move(id: string, to: IncidentStatus, actor: Actor, extra: Partial<Incident> = {}): Promise<Incident> {
    const current = await deps.records.get(id);
    assertMove(id, current.status, to);
    const at = now();
    const patch: Partial<Incident> = { status: to, ...extra };
    if (to === 'RESOLVED') patch.resolved_at = at;
    if (to === 'DETECTED' || to === 'INVESTIGATING' || to === 'MITIGATING') patch.resolved_at = undefined;
    if (to === 'CLOSED') patch.resolved_at = current.resolved_at ?? at;
    if (to === 'INVESTIGATING' && !current.acknowledged_by) {
      patch.acknowledged_by = actor.user;
      patch.acknowledged_at = at;
    }
    const updated = await deps.records.update(id, patch);
    await deps.records.addAction(id, {
      action_type: 'status',
      actor: actor.user,
      status: 'SUCCEEDED',
      description: `${PHASE_OF[current.status]} → ${PHASE_OF[to]}${actor.note ? `: ${actor.note}` : ''}`,
      result: { from: current.status, to, note: actor.note ?? '' },
      performed_at: at,
    });
    await deps.audit.append({
      action: `incident.${PHASE_OF[to].toLowerCase()}`,
      user_id: actor.user,
      target: `incident/${id}`,
      cluster_id: updated.cluster_id,
      details: { incident_id: id, from: current.status, to, note: actor.note ?? '' },
    });
    if (to === 'RESOLVED') correlator.resolve(id, at);
    if (to === 'CLOSED') correlator.forget(id);
    if (isActive(to) && !isActive(current.status)) correlator.restore(...(await restoredOf(updated)));
    await publishIncident(deps, to === 'RESOLVED' ? 'resolved' : 'updated', updated);
    return updated;
  }

  async function signalsOf(id: string): Promise<HeldSignal[]> {
    const held = new Map<string, HeldSignal>();
    for (const action of (await timeline(id)).filter((a) => a.action_type.startsWith('signal'))) {
      const parsed = Signal.safeParse(action.result.signal);
      if (!parsed.success) continue;
      const key = signalKey(parsed.data);
      const before = held.get(key);
      held.set(key, {
        key,
        signal: parsed.data,
        first_at: before?.first_at ?? parsed.data.at,
        last_at: parsed.data.at,
        refired: Number(action.result.refired ?? 0),
        repeats: 0,
      });
    }
    return [...held.values()];
  }

  async function restoredOf(incident: Incident): Promise<Parameters<Correlator['restore']>> {
    const signals = await signalsOf(incident.id);
    const firing = signals.some((s) => s.signal.state === 'FIRING');
    const last =
      signals
        .map((s) => s.last_at)
        .sort()
        .at(-1) ?? incident.detected_at;
    return [
      {
        id: incident.id,
        cluster_id: incident.cluster_id,
        open: isActive(incident.status),
        severity: incident.severity,
        title: incident.title,
        first_at: incident.detected_at,
        last_at: last,
        quiet_since: firing ? undefined : last,
        resolved_at: incident.resolved_at,
        reopened: 0,
      },
      signals,
    ];
  }

  /** The timeline of an incident, oldest first (every signal, change, action and comment). */
  async function timeline(id: string): Promise<IncidentAction[]> {
    const out: IncidentAction[] = [];
    for (let page = 1; ; page++) {
      const found = await deps.records.listActions(id, { page, page_size: 100 });
      out.push(...found.items);
      if (page >= found.total_pages) break;
    }
    return out.sort((a, b) => a.performed_at.localeCompare(b.performed_at));
  }

  return {
    correlator,
    timeline,
    /** The signals an incident holds, as its timeline recorded them. */
    signalsOf,
    /** Uses a fresh view of the cluster's topology for the signals that follow. */
    setTopology: (topology: Topology) => correlator.setTopology(topology),

    /**
     * Correlates signals (alerts, anomalies, findings) into incidents; returns the incidents written to. A finding's
     * sighting gives its incident the cause's first-seen time, identity and recurrence (see `recordCorrelation`); a
     * FIRING signal without one gets a sighting derived from itself (see {@link signalSighting}).
     */
    ingest: (signals: Signal[]) =>
      serial(async () => {
        const touched = new Map<string, Incident>();
        for (const given of signals) {
          // A signal naming its object only by labels (pod, deployment, node…) gets it as its resource.
          const resource = given.resource ?? resourceOfLabels(given.labels);
          const named = resource ? { ...given, resource } : given;
          // A signal without a sighting gets its cause's identity from itself, so its incident can recur too.
          const derived = signalSighting(named, correlator.rootOf(named));
          const signal = derived ? { ...named, sighting: derived } : named;
          const correlation = correlator.ingest(signal);
          const written = await recordCorrelation(deps, correlation);
          if (written) touched.set(written.id, written);
          else if (correlation.kind === 'repeated' && correlation.incident && signal.sighting)
            await sightings.refresh(correlation.incident.id, signal.sighting);
        }
        return [...touched.values()];
      }),

    /**
     * Clears anomaly signals not detected again for a while, resolves the incidents whose signals all stayed clear for
     * the hysteresis period, and forgets old ones.
     */
    tick: () =>
      serial(async () => {
        const resolved: Incident[] = [];
        const stale = correlator.stale(deps.clock.now(), options.anomalyTtlMs ?? 15 * 60_000);
        for (const signal of stale) await recordCorrelation(deps, correlator.ingest(signal));
        for (const c of correlator.due(deps.clock.now())) {
          const current = await deps.records.find(c.id);
          if (!current || !isActive(current.status)) {
            correlator.resolve(c.id, now());
            continue;
          }
          resolved.push(await move(c.id, 'RESOLVED', { user: 'system', note: 'every signal cleared' }));
        }
        correlator.prune(deps.clock.now());
        sightings.prune((id) => correlator.incidents.has(id));
        return resolved;
      }),

    /** Reads the active and recently resolved incidents back into the correlator (at start). */
    restore: () =>
      serial(async () => {
        let count = 0;
        for (const status of ['DETECTED', 'INVESTIGATING', 'MITIGATING', 'RESOLVED'] as const) {
          const page = await deps.records.list({ status }, { page_size: 100 });
          for (const incident of page.items) {
            correlator.restore(...(await restoredOf(incident)));
            count++;
          }
        }
        return count;
      }),

    acknowledge: (id: string, actor: Actor) => serial(() => move(id, 'INVESTIGATING', actor)),
    mitigate: (id: string, actor: Actor) => serial(() => move(id, 'MITIGATING', actor)),
    resolve: (id: string, actor: Actor & { root_cause?: string }) =>
      serial(() => move(id, 'RESOLVED', actor, actor.root_cause ? { root_cause: actor.root_cause } : {})),
    close: (id: string, actor: Actor) => serial(() => move(id, 'CLOSED', actor)),
    reopen: (id: string, actor: Actor) => serial(() => move(id, 'INVESTIGATING', actor)),

    /** Adds a comment (a note) to the timeline. */
    comment: (id: string, actor: Actor & { text: string }) =>
      serial(async () => {
        const text = actor.text.trim();
        if (!text) throw new InputError('a comment needs text', { hint: 'write what you found or did' });
        const incident = await deps.records.get(id);
        const entry = await deps.records.addAction(id, {
          action_type: 'comment',
          actor: actor.user,
          status: 'SUCCEEDED',
          description: text.slice(0, 10_000),
          performed_at: now(),
        });
        await deps.audit.append({
          action: 'incident.commented',
          user_id: actor.user,
          target: `incident/${id}`,
          cluster_id: incident.cluster_id,
          details: { incident_id: id },
        });
        await publishIncident(deps, 'updated', incident);
        return entry;
      }),

    /** Makes `owner` the incident's owner (the responder who acknowledged it), recorded on the timeline. */
    assign: (id: string, actor: Actor & { owner: string }) =>
      serial(async () => {
        const current = await deps.records.get(id);
        const updated = await deps.records.update(id, {
          acknowledged_by: actor.owner,
          acknowledged_at: current.acknowledged_at ?? now(),
        });
        await deps.records.addAction(id, {
          action_type: 'assign',
          actor: actor.user,
          status: 'SUCCEEDED',
          description: `owner: ${actor.owner}`,
          result: { owner: actor.owner, previous: current.acknowledged_by ?? null },
          performed_at: now(),
        });
        await deps.audit.append({
          action: 'incident.assigned',
          user_id: actor.user,
          target: `incident/${id}`,
          cluster_id: updated.cluster_id,
          details: { incident_id: id, owner: actor.owner },
        });
        await publishIncident(deps, 'updated', updated);
        return updated;
      }),

    /**
     * Records an entry on the timeline (runbook progress, analysis, post-mortem), for the other parts of the engine,
     * and announces INCIDENT_UPDATED on the bus so open pages refresh (outgoing webhooks are not told of it).
     */
    async record(id: string, entry: Parameters<IncidentDeps['records']['addAction']>[1]) {
      const action = await deps.records.addAction(id, { performed_at: now(), ...entry });
      const incident = await deps.records.find(id);
      if (incident) await publishIncident(deps, 'updated', incident, { webhooks: false });
      return action;
    },
  };
}

/** The incident engine built by {@link createIncidentEngine}. */
export type IncidentEngine = ReturnType<typeof createIncidentEngine>;
