import { deploymentRevisions, lastWorkingRevision } from '../cluster/deploymentRevisions.js';
import { findingContainer } from '../cluster/findingWorkload.js';
import { statusOf } from '../cluster/kubeShapes.js';
import { containerPatchStep } from '../cluster/planSteps.js';
import { restoreContainerStep } from '../cluster/restoreFields.js';
import { defineRemediation, type RemediationCandidate, unchanged } from '../remediation.js';
import { type ProbeField, probeTargets } from './probeTargets.js';

const FIELD: Record<string, ProbeField> = {
  'pod-readiness-probe': 'readinessProbe',
  'pod-liveness-probe': 'livenessProbe',
};

/**
 * A readiness or liveness probe failing on a path or port the container does not serve: point it at the
 * container's declared port and a path shown to answer ({@link probeTargets}), keeping its timing.
 * @see https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
 */
export const probeFixTarget = defineRemediation({
  id: 'probe:fix-target',
  title: 'Point the probe at what the container serves',
  findingClasses: Object.keys(FIELD),
  effect: 'write',
  async propose(finding, ctx) {
    const field = FIELD[finding.analyzer]!;
    const found = await findingContainer(finding, ctx);
    if ('none' in found) return found;
    const { workload, pod, container } = found;
    if (!container[field]) return { none: `container ${container.name} of pod ${pod.metadata.name} has no ${field}` };
    const status = statusOf<{
      containerStatuses?: { name: string; state?: { running?: unknown }; restartCount?: number }[];
    }>(pod).containerStatuses?.find((s) => s.name === container.name);
    const otherProbesPass =
      Boolean(status?.state?.running) && (field === 'livenessProbe' || (status?.restartCount ?? 0) === 0);
    const lastWorking =
      workload.kind === 'Deployment'
        ? lastWorkingRevision(workload, await deploymentRevisions(ctx.gateway, workload))?.revision
        : undefined;
    const targets = await probeTargets(ctx.gateway, { field, container, otherProbesPass, lastWorking });
    if (targets.length === 0) {
      return { none: `nothing shows which path or port ${container.name} answers on: the container declares no ports` };
    }
    const candidates = targets.map(
      (t): RemediationCandidate => ({
        remediation: 'probe:fix-target',
        finding_id: finding.id,
        finding_class: finding.analyzer,
        summary: `point the ${field} of ${container.name} in ${workload.kind.toLowerCase()} ${workload.metadata.name} at ${describeTarget(t.probe)}`,
        steps: [
          containerPatchStep(
            workload,
            container.name,
            { [field]: { ...t.probe, ...nulls(container[field]!, t.probe) } },
            `set ${field} of ${container.name} on ${workload.metadata.name} to ${describeTarget(t.probe)}`,
          ),
        ],
        evidence: [...finding.evidence, { kind: 'field', source: t.source, detail: t.why }],
        effect: 'write',
        risk: [`restarts the pods of ${workload.metadata.name} with the new probe`],
        preconditions: [unchanged(workload, `${workload.kind} ${workload.metadata.name} still probes as planned`)],
        alternatives: targets.filter((o) => o !== t).map((o) => `${describeTarget(o.probe)}: ${o.why}`),
        revision_diff: [
          `containers[${container.name}].${field}: ${JSON.stringify(container[field])} → ${JSON.stringify(t.probe)}`,
        ],
        subject: { kind: workload.kind, name: workload.metadata.name, namespace: workload.metadata.namespace },
        rollback: [restoreContainerStep(workload, container.name, [field])],
        confidence: t.confidence,
      }),
    );
    return { candidates };
  },
});

/** A strategic merge keeps handlers it is not told to drop: an httpGet replaced by a tcpSocket needs `httpGet: null`. */
function nulls(before: Record<string, unknown>, after: Record<string, unknown>) {
  return Object.fromEntries(
    ['httpGet', 'tcpSocket', 'exec', 'grpc']
      .filter((k) => before[k] !== undefined && after[k] === undefined)
      .map((k) => [k, null]),
  );
}

function describeTarget(probe: {
  httpGet?: { path?: string; port: number | string };
  tcpSocket?: { port: number | string };
}) {
  if (probe.httpGet) return `HTTP GET ${probe.httpGet.path ?? '/'} on port ${probe.httpGet.port}`;
  return `TCP port ${probe.tcpSocket?.port}`;
}
