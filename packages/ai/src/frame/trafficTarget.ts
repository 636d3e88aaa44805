import { workloadView } from '../plan/podTemplate.js';
import type { Mention } from './mentions.js';
import type { Token } from './tokens.js';
import type { Entity, Vocabulary } from './vocabulary.js';

/** A Service named in a request and the selector value it should send traffic to. */
export interface TrafficTarget {
  service: Entity;
  /** The new value of the selector key that tells the workloads apart (`green`). */
  to: string;
}

const IDENTITY = /^(?:app|name|k8s-app|component|app\.kubernetes\.io\/(?:name|component|part-of|instance))$/;
const TOWARDS = /^(?:to|at|onto|towards|toward|into|over)$/;
const AWAY = /^(?:from|of|off|instead|rather|than|away|leave|leaving)$/;

/**
 * Grounds a traffic switch in the cluster: a Service the request names, and a word of the request that is the value
 * of one of its selector keys on some other workload of its namespace (`version: green` on `web-green` while `web`
 * selects `version: blue`). With several such words the destination is the one after `to`/`at`/`onto`, never one
 * after `from`/`instead of`/`rather than` (`switch web from blue to green`, `send web's requests to green instead of
 * blue`). Undefined when the request names no such Service and value.
 */
export function trafficTarget(tokens: Token[], mentions: Mention[], vocabulary: Vocabulary): TrafficTarget | undefined {
  const services = mentions.flatMap((m) =>
    m.entities.filter((e) => e.kind === 'Service' && Object.keys(selectorOf(e)).length),
  );
  for (const service of services) {
    const selector = selectorOf(service);
    const workloads = vocabulary.entities.filter(
      (e) => (e.kind === 'Deployment' || e.kind === 'StatefulSet') && e.namespace === service.namespace,
    );
    const alternatives = new Set<string>();
    for (const [key, current] of Object.entries(selector)) {
      // What tells versions apart (`version`, `track`, `color`), never what names the app.
      if (IDENTITY.test(key)) continue;
      for (const w of workloads) {
        const labels = workloadView(w.object).podLabels;
        const value = labels[key];
        if (!value || value === current) continue;
        if (Object.entries(selector).every(([k, v]) => k === key || labels[k] === v)) alternatives.add(value);
      }
    }
    const said = tokens.filter((t) => alternatives.has(t.lower));
    if (!said.length) continue;
    const score = (t: Token) => {
      const before = tokens.slice(Math.max(0, t.index - 3), t.index).map((x) => x.lower);
      const last = before.filter((w) => !/^(?:the|a|an)$/.test(w)).at(-1) ?? '';
      if (AWAY.test(last)) return -1;
      return TOWARDS.test(last) ? 1 : 0;
    };
    const best = [...said].sort((a, b) => score(b) - score(a))[0];
    if (best && score(best) >= 0) return { service, to: best.lower };
  }
  return undefined;
}

function selectorOf(e: Entity): Record<string, string> {
  return ((e.object.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {}) as Record<
    string,
    string
  >;
}
