import { defineAnalyzer, type Finding, type KubeObject } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { podSpecOf } from '../kubeTypes.js';
import { nameOf } from '../podHelpers.js';
import { formatMemory, parseQuantity } from '../quantity.js';
import { POD_USAGE_KIND } from '../signals.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { containerPatch, patchCommand, topOwner } from '../workloads.js';

const ID = 'pod-memory-near-limit';
/** From this share of the limit on, the next spike is an OOM kill. */
const NEAR = 0.9;

/**
 * Pods whose measured memory (metrics.k8s.io, carried as `PodUsage` by the caller) is at 90 % or more of the sum of
 * their containers' memory limits: the next allocation spike is an OOM kill. Silent when the snapshot carries no
 * usage. The fix raises the limit on the owning workload to 1.5× the usage, rounded up to a MiB.
 * @see https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
 */
export const podMemoryNearLimit = defineAnalyzer({
  id: ID,
  kinds: ['Pod'],
  description: 'Pods using memory close to or over their limit',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    const seen = new Set<KubeObject>();
    for (const usage of index.of(POD_USAGE_KIND)) {
      const pod = index.get('Pod', usage.metadata.namespace, usage.metadata.name);
      if (!pod) continue;
      const containers = podSpecOf(pod).containers;
      const limits = containers.map((c) => parseQuantity(c.resources?.limits?.memory));
      if (limits.length === 0 || limits.some((l) => l === undefined || l <= 0)) continue;
      const limit = limits.reduce<number>((a, b) => a + (b ?? 0), 0);
      const used = (usage as unknown as { memoryBytes: number }).memoryBytes;
      if (!(used >= NEAR * limit)) continue;
      // Already OOM-killed: that is `pod-oom-killed`'s finding, with the same fix.
      const statuses = (pod.status as { containerStatuses?: { lastState?: { terminated?: { reason?: string } } }[] })
        ?.containerStatuses;
      if (statuses?.some((s) => s.lastState?.terminated?.reason === 'OOMKilled')) continue;
      const owner = topOwner(index, pod);
      // One finding per workload: its pods share the template and the fix.
      if (seen.has(owner) && owner !== pod) continue;
      seen.add(owner);
      const biggest = containers.reduce((a, b) =>
        (parseQuantity(b.resources?.limits?.memory) ?? 0) > (parseQuantity(a.resources?.limits?.memory) ?? 0) ? b : a,
      );
      const share = Math.round((used / limit) * 100);
      const raised = Math.ceil(((parseQuantity(biggest.resources?.limits?.memory) ?? 0) + used * 0.5) / 1048576);
      const body = containerPatch(owner, biggest.name, { resources: { limits: { memory: `${raised}Mi` } } });
      findings.push(
        findingOf({
          analyzer: ID,
          severity: used >= limit ? 'HIGH' : 'MEDIUM',
          object: pod,
          message: `Pod ${nameOf(pod)} uses ${formatMemory(used)} of its ${formatMemory(limit)} memory limit (${share}%): ${used >= limit ? 'it is at the limit and' : 'the next spike'} will be OOM-killed`,
          evidence: [
            { kind: 'metric', source: `metrics.k8s.io pods/${nameOf(pod)}`, detail: `memory ${formatMemory(used)}` },
            fieldEvidence(
              pod,
              `spec.containers[${biggest.name}].resources.limits.memory`,
              biggest.resources?.limits?.memory,
            ),
          ],
          sensitive: [owner.metadata.name],
          proposedFix: {
            description: `Raise the memory limit of ${biggest.name} to ${raised}Mi (the usage plus half of it again), or find why it uses this much`,
            patch: { type: 'strategic', body },
            command: patchCommand(owner, 'strategic', body),
          },
          docsUrl: DOCS.resources,
        }),
      );
    }
    return findings;
  },
});
