import { type ClusterGateway, type KubeObject, parseQuantity } from '@opspilot/core';
import { findingContainer } from '../cluster/findingWorkload.js';
import { statusOf } from '../cluster/kubeShapes.js';
import { containerPatchStep } from '../cluster/planSteps.js';
import { restoreContainerStep } from '../cluster/restoreFields.js';
import { defineRemediation, unchanged } from '../remediation.js';
import { memoryLimitFromPeak } from './memoryLimitFromPeak.js';
import { oomKillNeed } from './oomKillNeed.js';

const formatMi = (bytes: number) => {
  const mi = Math.ceil(bytes / 2 ** 20);
  return mi % 1024 === 0 ? `${mi / 1024}Gi` : `${mi}Mi`;
};

/**
 * A container OOMKilled: raise its memory limit on the workload from the observed peak plus headroom (metrics.k8s.io
 * usage of the workload's pods when the cluster serves it, and the need the kernel's OOM report on the node gives),
 * capped at the largest node's allocatable memory.
 * @see https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
 */
export const oomRaiseMemoryLimit = defineRemediation({
  id: 'oom:raise-memory-limit',
  title: 'Raise the memory limit from the observed peak',
  findingClasses: ['pod-oom-killed'],
  effect: 'write',
  async propose(finding, ctx) {
    const found = await findingContainer(finding, ctx);
    if ('none' in found) return found;
    const { workload, pod, container } = found;
    const limitText = container.resources?.limits?.memory;
    const limit = parseQuantity(limitText);
    const peak = await observedPeak(ctx.gateway, pod, workload);
    const need = await oomKillNeed(ctx.gateway, pod, workload);
    const ceiling = await largestNodeMemory(ctx.gateway);
    const choice = memoryLimitFromPeak(limit, peak?.bytes, ceiling, need?.bytes);
    if (limit && choice.bytes <= limit) {
      return {
        none: `the ${limitText} limit is already at the largest node's allocatable memory: the container needs less memory, not a higher limit`,
      };
    }
    const raised = formatMi(choice.bytes);
    const memory = {
      ...(container.resources ?? {}),
      limits: { ...(container.resources?.limits ?? {}), memory: raised },
    };
    return {
      candidates: [
        {
          remediation: 'oom:raise-memory-limit',
          finding_id: finding.id,
          finding_class: finding.analyzer,
          summary: `raise the memory limit of ${container.name} in ${workload.kind.toLowerCase()} ${workload.metadata.name} from ${limitText ?? 'none'} to ${raised}`,
          steps: [
            containerPatchStep(
              workload,
              container.name,
              { resources: { limits: memory.limits } },
              `set memory limit of ${container.name} on ${workload.metadata.name} to ${raised}`,
            ),
          ],
          evidence: [
            ...finding.evidence,
            ...(peak
              ? [{ kind: 'metric' as const, source: peak.source, detail: `memory in use ${formatMi(peak.bytes)}` }]
              : []),
            ...(need
              ? [
                  {
                    kind: 'event' as const,
                    source: need.source,
                    detail: `killed process had ${formatMi(need.bytes)} mapped`,
                  },
                ]
              : []),
            {
              kind: 'field',
              source: `${workload.kind.toLowerCase()}/${workload.metadata.namespace}/${workload.metadata.name}`,
              detail: choice.reason,
            },
          ],
          effect: 'write',
          risk: [`restarts the pods of ${workload.metadata.name}; each may use up to ${raised} of its node's memory`],
          preconditions: [
            unchanged(
              workload,
              `${workload.kind} ${workload.metadata.name} still limits ${container.name} to ${limitText ?? 'nothing'}`,
            ),
          ],
          alternatives: [
            'find why the container uses more memory than before (a leak, a bigger data set) and fix that',
          ],
          revision_diff: [
            `containers[${container.name}].resources.limits.memory: ${limitText ?? '(unset)'} → ${raised}`,
          ],
          subject: { kind: workload.kind, name: workload.metadata.name, namespace: workload.metadata.namespace },
          rollback: [restoreContainerStep(workload, container.name, ['resources'])],
          confidence: peak || need ? 0.8 : 0.65,
        },
      ],
    };
  },
});

/** The highest memory use among the workload's pods (metrics.k8s.io), undefined when the cluster serves no metrics. */
async function observedPeak(gateway: ClusterGateway, pod: KubeObject, workload: KubeObject) {
  try {
    const usage = await gateway.podMetrics({ namespace: pod.metadata.namespace });
    const prefix = `${workload.metadata.name}-`;
    const mine = usage.filter((u) => u.ref.name === pod.metadata.name || u.ref.name.startsWith(prefix));
    const top = mine.sort((a, b) => b.memoryBytes - a.memoryBytes)[0];
    return top && { bytes: top.memoryBytes, source: `metrics.k8s.io pod/${top.ref.namespace}/${top.ref.name}` };
  } catch {
    return undefined;
  }
}

async function largestNodeMemory(gateway: ClusterGateway): Promise<number | undefined> {
  const nodes = await gateway.list('Node');
  const sizes = nodes.map(
    (n) => parseQuantity(statusOf<{ allocatable?: { memory?: string } }>(n).allocatable?.memory) ?? 0,
  );
  const max = Math.max(0, ...sizes);
  return max > 0 ? max : undefined;
}
