import type { KubeObject } from '@opspilot/core';
import { templateOf } from '../cluster/kubeShapes.js';
import { objectPatchStep } from '../cluster/planSteps.js';
import { defineRemediation, type RemediationCandidate, unchanged } from '../remediation.js';
import { selectorCorrection } from './selectorCorrection.js';

const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet'];

/**
 * A Service that selects no pods because of a typo in its selector: set the selector to the labels the intended
 * pods carry — the workloads of its namespace whose pod labels are one typo away from every selector pair (one
 * named like the Service first).
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service
 */
export const serviceSelectorFix = defineRemediation({
  id: 'service:fix-selector',
  title: 'Fix the selector to the labels the intended pods carry',
  findingClasses: ['service-selector-no-match', 'service-no-endpoints'],
  effect: 'write',
  async propose(finding, ctx) {
    if (finding.resource.kind !== 'Service') return { none: `finding ${finding.id} is not about a Service` };
    const service = await ctx.gateway.get(finding.resource);
    if (!service) return { none: `service ${finding.resource.name} no longer exists` };
    const selector = ((service.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {}) as Record<
      string,
      string
    >;
    if (Object.keys(selector).length === 0) return { none: `service ${service.metadata.name} has no selector to fix` };
    const workloads = (
      await Promise.all(WORKLOADS.map((k) => ctx.gateway.list(k, { namespace: service.metadata.namespace })))
    ).flat();
    const matches = workloads
      .map((w) => ({ workload: w, correction: selectorCorrection(selector, templateOf(w)?.metadata?.labels ?? {}) }))
      .filter((m): m is { workload: KubeObject; correction: NonNullable<typeof m.correction> } => Boolean(m.correction))
      .sort(
        (a, b) =>
          Number(b.workload.metadata.name === service.metadata.name) -
            Number(a.workload.metadata.name === service.metadata.name) ||
          a.correction.changed.length - b.correction.changed.length,
      );
    if (matches.length === 0) {
      return {
        none: `no workload in ${service.metadata.namespace} carries labels one typo away from ${JSON.stringify(selector)}: check which pods the Service is meant for`,
      };
    }
    const candidates = matches.map(({ workload, correction }, i): RemediationCandidate => {
      const removed = Object.fromEntries(
        Object.keys(selector)
          .filter((k) => !(k in correction.selector))
          .map((k) => [k, null]),
      );
      const changes = correction.changed.map((c) => `${c.from} → ${c.to}`);
      return {
        remediation: 'service:fix-selector',
        finding_id: finding.id,
        finding_class: finding.analyzer,
        summary: `set the selector of service ${service.metadata.name} to ${Object.entries(correction.selector)
          .map(([k, v]) => `${k}=${v}`)
          .join(',')} (the pods of ${workload.kind.toLowerCase()} ${workload.metadata.name})`,
        steps: [
          objectPatchStep(
            service,
            { spec: { selector: { ...correction.selector, ...removed } } },
            `set selector of service ${service.metadata.name}: ${changes.join(', ')}`,
          ),
        ],
        evidence: [
          ...finding.evidence,
          {
            kind: 'field',
            source: `${workload.kind.toLowerCase()}/${workload.metadata.namespace}/${workload.metadata.name}`,
            detail: `its pods carry ${correction.changed.map((c) => c.to).join(', ')}; the Service asks ${correction.changed.map((c) => c.from).join(', ')}`,
          },
        ],
        effect: 'write',
        risk: [`traffic to service ${service.metadata.name} goes to the pods of ${workload.metadata.name}`],
        preconditions: [
          unchanged(service, `service ${service.metadata.name} still selects ${JSON.stringify(selector)}`),
        ],
        alternatives: ['relabel the pods instead (change the workload template labels), if the selector is right'],
        revision_diff: changes.map((c) => `spec.selector: ${c}`),
        subject: { kind: 'Service', name: service.metadata.name, namespace: service.metadata.namespace },
        rollback: [
          objectPatchStep(
            service,
            {
              spec: {
                selector: {
                  ...selector,
                  ...Object.fromEntries(
                    Object.keys(correction.selector)
                      .filter((k) => !(k in selector))
                      .map((k) => [k, null]),
                  ),
                },
              },
            },
            `restore selector of service ${service.metadata.name}`,
          ),
        ],
        confidence: i === 0 ? 0.85 : 0.6,
      };
    });
    return { candidates };
  },
});
