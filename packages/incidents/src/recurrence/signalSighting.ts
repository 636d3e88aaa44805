import { causeIdentityOf } from '@opspilot/analyzers';
import type { ObjectRef } from '@opspilot/core';
import type { Signal, SignalSighting } from '../correlate/signal.js';

/**
 * The class of a signal's cause: the reason an event or rule gives (`reason`), an alert's `alertname`, a finding's
 * `analyzer`, an anomaly's `metric` (with its type: a spike and a drop of one metric are different causes).
 */
function classOf(signal: Signal): string | undefined {
  const l = signal.labels;
  if (l.reason) return l.reason;
  if (l.alertname) return l.alertname;
  if (l.analyzer) return l.analyzer;
  if (l.metric) return l.anomaly_type ? `${l.metric}/${l.anomaly_type.toLowerCase()}` : l.metric;
  return undefined;
}

/**
 * The sighting of a FIRING signal's cause, for a signal that carries none (an alert, an anomaly, or anything pushed
 * through `POST /incidents/correlate` without one): its identity is the analyzers' {@link causeIdentityOf} of the
 * signal's class (reason, alertname, analyzer or metric) and the object the cause belongs to (`root`, e.g. a pod's
 * Deployment, else the signal's own resource), seen once, now. Scoped to its cluster by the incident's `cluster_id`.
 * Undefined when the signal already has a sighting, is CLEARED, names no object or has no class: such a signal is too
 * vague to say that its cause came back.
 */
export function signalSighting(signal: Signal, root?: ObjectRef): SignalSighting | undefined {
  if (signal.sighting || signal.state !== 'FIRING' || !signal.resource) return undefined;
  const cls = classOf(signal);
  if (!cls) return undefined;
  const { identity } = causeIdentityOf(cls, signal.resource, root);
  return { identity: identity.slice(0, 512), first_seen: signal.at, last_seen: signal.at, runs: 1, derived: true };
}
