import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { type ContainerPort, podSpecOf } from '../kubeTypes.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { patchCommand } from '../workloads.js';

const ID = 'service-target-port';

interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
}

/**
 * Service ports whose `targetPort` no selected container exposes: a named port no container declares (the
 * endpoints then carry no port and connections fail), or a number that differs from every port the containers do
 * declare (likely a mistake). The fix targets the containers' only port when there is exactly one.
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service
 */
export const serviceTargetPort = defineAnalyzer({
  id: ID,
  kinds: ['Service', 'Pod'],
  description: 'Service target ports no selected container exposes',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const svc of index.of('Service')) {
      const spec = (svc.spec ?? {}) as { type?: string; selector?: Record<string, string>; ports?: ServicePort[] };
      if (!spec.selector || Object.keys(spec.selector).length === 0) continue;
      const pods = index.selectPods(svc.metadata.namespace, spec.selector);
      if (pods.length === 0) continue;
      const declared: ContainerPort[] = [];
      const seen = new Set<string>();
      for (const pod of pods) {
        for (const c of podSpecOf(pod).containers) {
          for (const p of c.ports ?? []) {
            const k = `${p.name ?? ''}/${p.containerPort}`;
            if (!seen.has(k)) {
              seen.add(k);
              declared.push(p);
            }
          }
        }
      }
      const ports = spec.ports ?? [];
      ports.forEach((port, i) => {
        const target = port.targetPort ?? port.port;
        const named = typeof target === 'string' && !/^\d+$/.test(target);
        const exposed = named
          ? declared.some((p) => p.name === target)
          : declared.length === 0 || declared.some((p) => p.containerPort === Number(target));
        if (exposed) return;
        const only = declared.length === 1 ? declared[0] : undefined;
        const body = only
          ? { spec: { ports: ports.map((p, j) => (j === i ? { ...p, targetPort: only.containerPort } : p)) } }
          : undefined;
        findings.push(
          findingOf({
            analyzer: ID,
            severity: named ? 'HIGH' : 'MEDIUM',
            object: svc,
            key: String(port.name ?? port.port),
            message: named
              ? `Service ${nameOf(svc)} port ${port.port} targets the named port "${target}", which no selected container declares`
              : `Service ${nameOf(svc)} port ${port.port} targets port ${target}, but the selected containers expose only ${declared.map((p) => p.containerPort).join(', ')}`,
            evidence: [
              fieldEvidence(svc, `spec.ports[${i}]`, port),
              { kind: 'field', source: 'ports of the selected containers', detail: JSON.stringify(declared) },
            ],
            proposedFix: body
              ? {
                  description: `Target the container port ${only?.containerPort}`,
                  patch: { type: 'merge', body },
                  command: patchCommand(svc, 'merge', body),
                }
              : {
                  description:
                    'Set targetPort to a port the containers listen on, or declare that port in the pod template',
                },
            docsUrl: DOCS.services,
          }),
        );
      });
    }
    return findings;
  },
});
