import { defineAnalyzer, type Finding, type KubeObject } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { eventEvidence, findingOf } from '../findingOf.js';
import { eventFields, eventTime, indexSnapshot } from '../snapshotIndex.js';

const ID = 'warning-events';
/** Only warnings seen this recently are reported. */
const RECENT_MS = 60 * 60_000;

/** Warning reasons other analyzers already explain from the object's state. */
export const COVERED_REASONS = new Set([
  'FailedScheduling',
  'BackOff',
  'Failed',
  'Unhealthy',
  'Killing',
  'FailedCreate',
  'ProvisioningFailed',
  'FailedBinding',
  'Evicted',
  'Evicting',
  'ProgressDeadlineExceeded',
  'NodeNotReady',
  'OOMKilling',
  'FailedGetResourceMetric',
  'FailedComputeMetricsReplicas',
  'FailedGetScale',
  'BackoffLimitExceeded',
  'DeadlineExceeded',
]);

/**
 * Recent Warning events (the last hour) whose reason no other analyzer covers — `FailedMount`, `FailedAttachVolume`,
 * `NetworkNotReady`, `FailedSync`, `DNSConfigForming` and anything a controller or operator reports — one finding per
 * object and reason, so nothing the cluster complains about goes unseen. Events about objects that no longer exist
 * are history, not problems, and are left out.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/event-v1/
 */
export const warningEvents = defineAnalyzer({
  id: ID,
  kinds: ['Event'],
  description: 'Recent Warning events not covered by another analyzer',
  analyze(snapshot, ctx) {
    const index = indexSnapshot(snapshot);
    const groups = new Map<string, KubeObject[]>();
    const recent = index.recentEvents();
    for (let i = recent.length - 1; i >= 0; i--) {
      const event = recent[i]!;
      const e = eventFields(event);
      if (e.type !== 'Warning' || !e.reason || COVERED_REASONS.has(e.reason)) continue;
      if (ctx.now.getTime() - eventTime(event) > RECENT_MS) continue;
      if (e.reason === 'FailedMount' && /configmap|secret/i.test(e.message ?? '') && /not found/i.test(e.message ?? ''))
        continue;
      const about = e.involvedObject ?? e.regarding ?? {};
      // Events outlive their objects by an hour: about an object that is gone (an old Job of a CronJob, a replaced
      // pod), there is nothing left to fix.
      if (about.kind && about.name && index.listed(about.kind) && !index.get(about.kind, about.namespace, about.name))
        continue;
      const key = `${about.kind}/${about.namespace ?? ''}/${about.name}/${e.reason}`;
      const list = groups.get(key) ?? [];
      list.push(event);
      groups.set(key, list);
    }
    const findings: Finding[] = [];
    for (const events of groups.values()) {
      const last = events.at(-1)!;
      const e = eventFields(last);
      const about = e.involvedObject ?? e.regarding ?? {};
      const count = events.reduce((n, ev) => n + (eventFields(ev).series?.count ?? eventFields(ev).count ?? 1), 0);
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'LOW',
          object: { kind: about.kind ?? 'Unknown', name: about.name ?? last.metadata.name, namespace: about.namespace },
          key: e.reason,
          message: `${about.kind} ${about.namespace ? `${about.namespace}/` : ''}${about.name}: ${e.reason} – ${e.message ?? e.note ?? ''}${count > 1 ? ` (${count} times)` : ''}`,
          evidence: events.slice(-3).map(eventEvidence),
          docsUrl: DOCS.events,
        }),
      );
    }
    return findings;
  },
});
