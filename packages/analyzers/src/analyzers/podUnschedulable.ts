import { defineAnalyzer, type Finding, type KubeObject, type ProposedFix } from '@opspilot/core';
import { antiAffinityFix } from '../antiAffinityFix.js';
import { DOCS } from '../docsUrls.js';
import { conditionEvidence, findingOf } from '../findingOf.js';
import { conditionOf, type PodSpec, type PodStatus, podSpecOf, statusOf } from '../kubeTypes.js';
import { ageMs, latestEvents, nameOf, podEvents } from '../podHelpers.js';
import { parseQuantity, scaleQuantity } from '../quantity.js';
import { indexSnapshot, type SnapshotIndex } from '../snapshotIndex.js';
import { taintFix, untoleratedTaintOf } from '../taintFix.js';
import { containerPatch, kubectlRef, patchCommand, topOwner } from '../workloads.js';

const ID = 'pod-unschedulable';
/** A pending pod with no scheduler verdict is only reported after this long. */
const PENDING_GRACE_MS = 5 * 60_000;

function largestAllocatable(index: SnapshotIndex, resource: string): number | undefined {
  let best: number | undefined;
  for (const node of index.of('Node')) {
    const value = parseQuantity(statusOf<{ allocatable: Record<string, string> }>(node).allocatable?.[resource]);
    if (value !== undefined && (best === undefined || value > best)) best = value;
  }
  return best;
}

function fixFor(index: SnapshotIndex, pod: KubeObject, reason: string): ProposedFix | undefined {
  const owner = topOwner(index, pod);
  const spec: PodSpec = podSpecOf(pod);
  const insufficient = /Insufficient (cpu|memory)/.exec(reason)?.[1];
  if (insufficient) {
    const largest = largestAllocatable(index, insufficient);
    const container = spec.containers.find((c) => c.resources?.requests?.[insufficient]);
    if (container && largest !== undefined) {
      const request = scaleQuantity(insufficient, String(largest), 0.5);
      const body = containerPatch(owner, container.name, { resources: { requests: { [insufficient]: request } } });
      return {
        description: `No node has room for a ${insufficient} request of ${container.resources?.requests?.[insufficient]}; lower it to ${request} (half the largest node) or add a larger node`,
        patch: { type: 'strategic', body },
        command: patchCommand(owner, 'strategic', body),
      };
    }
  }
  // A node the pod selects carries a taint it does not tolerate (say, tainted NoExecute for maintenance): the taint is
  // the cause, not the selector.
  const tainted = untoleratedTaintOf(index, reason);
  const taint = tainted ? taintFix(owner, tainted) : undefined;
  const selector = (spec as { nodeSelector?: Record<string, string> }).nodeSelector ?? {};
  const taintedSelected = index
    .of('Node')
    .some(
      (n) =>
        tainted?.nodes.includes(n.metadata.name) &&
        Object.entries(selector).every(([k, v]) => n.metadata.labels?.[k] === v),
    );
  if (taint && taintedSelected) return taint;
  if (/node selector|node affinity/i.test(reason) && owner.kind !== 'Pod') {
    const body = [{ op: 'remove', path: '/spec/template/spec/nodeSelector' }];
    return {
      description: 'No node carries the labels the pod asks for: fix or remove its nodeSelector (or label a node)',
      patch: { type: 'json', body },
      command: `kubectl patch ${kubectlRef(owner)} --type json -p '${JSON.stringify(body)}'`,
    };
  }
  const antiAffinity = /didn't (?:match|satisfy) pod anti-affinity rules/i.test(reason)
    ? antiAffinityFix(owner, spec)
    : undefined;
  if (antiAffinity) return antiAffinity;
  if (taint) return taint;
  // The control plane's own taint excludes it from every workload's pods: it is never the reason to act on.
  if (
    /untolerated taint|had taint/i.test(
      reason.replace(
        /\d+ node\(s\) had untolerated taint \{node-role\.kubernetes\.io\/(control-plane|master): \}/g,
        '',
      ),
    )
  ) {
    return {
      description: 'Every fitting node is tainted: add a toleration or remove the taint',
      command: 'kubectl describe nodes',
    };
  }
  if (/cordoned|unschedulable/i.test(reason)) {
    return {
      description: 'The fitting nodes are cordoned: uncordon one when it is safe',
      command: 'kubectl get nodes',
    };
  }
  return undefined;
}

/**
 * Pods the scheduler cannot place: Pending with `PodScheduled=False` and the scheduler's `FailedScheduling`
 * message (insufficient CPU or memory, unmatched node selector or affinity, taints, unbound claims), or Pending
 * with no verdict for more than five minutes.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/
 */
export const podUnschedulable = defineAnalyzer({
  id: ID,
  kinds: ['Pod', 'Event', 'Node'],
  description: 'Pods the scheduler cannot place on any node',
  analyze(snapshot, ctx) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const pod of index.troubledPods()) {
      const status = statusOf<PodStatus>(pod);
      if (status.phase !== 'Pending' || podSpecOf(pod).nodeName || pod.metadata.deletionTimestamp) continue;
      const scheduled = conditionOf(pod, 'PodScheduled');
      // Held back by scheduling gates, not refused by the scheduler: pod-scheduling-gated's finding.
      if (scheduled?.reason === 'SchedulingGated') continue;
      const events = podEvents(index, pod, ['FailedScheduling']);
      const verdict = scheduled?.status === 'False' ? scheduled.message : undefined;
      const reason = verdict ?? (events.at(-1)?.message as string | undefined);
      if (!reason && ageMs(pod.metadata.creationTimestamp, ctx.now) < PENDING_GRACE_MS) continue;
      const evidence = [...(scheduled ? [conditionEvidence(pod, scheduled)] : []), ...latestEvents(events, 1)];
      const fix = reason ? fixFor(index, pod, reason) : undefined;
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'HIGH',
          object: pod,
          message: reason
            ? `Pod ${nameOf(pod)} cannot be scheduled: ${reason}`
            : `Pod ${nameOf(pod)} has been Pending for more than ${PENDING_GRACE_MS / 60_000} minutes without being scheduled`,
          evidence,
          sensitive: [topOwner(index, pod).metadata.name],
          ...(fix ? { proposedFix: fix } : {}),
          docsUrl: DOCS.scheduling,
        }),
      );
    }
    return findings;
  },
});
