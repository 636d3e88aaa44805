import { type Event, type Finding, ManualClock } from '@opspilot/core';
import type { TestStore } from '@opspilot/store/testing';
import { createFindingFeed } from '../../correlate/findingFeed.js';
import { createIncidentEngine } from '../../incidentEngine.js';

/** The stable identity of the crash loop's cause: deployment shop/api, whichever of its pods crashes. */
export const IDENTITY = 'pod-crash-loop:deployment/shop/api';
/** When the cause was first seen, before the engine's clock starts (09:00). */
export const FIRST_SEEN = '2026-03-01T08:40:00.000Z';

/** A crash-looping pod of deployment shop/api: its id changes with the pod, its cause's identity does not. */
export const crashLoop = (pod: string): Finding => ({
  id: `pod-crash-loop:shop/${pod}`,
  analyzer: 'pod-crash-loop',
  severity: 'HIGH',
  resource: { kind: 'Pod', namespace: 'shop', name: pod },
  message: `Pod shop/${pod} is in CrashLoopBackOff`,
  evidence: [],
  sensitive: [],
});

/**
 * An incident engine over the test store (resolve after 2 minutes, reopen within 10), a cluster of its own named
 * `prefix-…` (a cause's earlier incidents are those of its cluster), and `run`: one analysis run that sees the
 * pod's crash loop (or nothing), with its cause's sighting as the fleet reports it.
 */
export async function crashLoopEngine(store: TestStore['store'], prefix: string) {
  const { id: clusterId } = await store.clusters.create({
    name: `${prefix}-${crypto.randomUUID().slice(0, 8)}`,
    api_server_url: 'https://k8s:6443',
  });
  const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
  const events: Event[] = [];
  const engine = createIncidentEngine(
    { records: store.incidents, audit: store.audit, clock, bus: { publish: async (e) => void events.push(e) } },
    { resolveAfterMs: 120_000, reopenWindowMs: 10 * 60_000 },
  );
  const feed = createFindingFeed({ clusterId });
  const run = (pod: string | undefined, sighting: { first_seen?: string; runs?: number } = {}) => {
    const now = clock.now().toISOString();
    const findings = pod ? [crashLoop(pod)] : [];
    const seen = new Map(
      findings.map((f) => [
        f.id,
        {
          identity: IDENTITY,
          first_seen: sighting.first_seen ?? FIRST_SEEN,
          last_seen: now,
          ...(sighting.runs === undefined ? {} : { runs: sighting.runs }),
        },
      ]),
    );
    return engine.ingest(feed.update(findings, now, seen));
  };
  return { clock, events, engine, run, clusterId };
}
