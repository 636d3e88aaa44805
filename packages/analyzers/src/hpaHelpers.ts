import type { KubeObject } from '@opspilot/core';
import type { SnapshotIndex } from './snapshotIndex.js';

/** The fields of a HorizontalPodAutoscaler (v2, or v1's `targetCPUUtilizationPercentage`) the analyzers read. */
export interface HpaSpec {
  scaleTargetRef?: { apiVersion?: string; kind?: string; name?: string };
  minReplicas?: number;
  maxReplicas?: number;
  targetCPUUtilizationPercentage?: number;
  metrics?: { type?: string; resource?: { name?: string; target?: { type?: string } } }[];
}

/** The spec of an HPA. */
export function hpaSpecOf(hpa: KubeObject): HpaSpec {
  return (hpa.spec ?? {}) as HpaSpec;
}

/** The object an HPA scales, when it is in the snapshot. */
export function scaleTargetOf(index: SnapshotIndex, hpa: KubeObject): KubeObject | undefined {
  const ref = hpaSpecOf(hpa).scaleTargetRef;
  return ref?.kind && ref.name ? index.get(ref.kind, hpa.metadata.namespace, ref.name) : undefined;
}

/** Resources (cpu, memory) the HPA scales on by utilization, which need container requests to be computed. */
export function utilizationResources(hpa: KubeObject): string[] {
  const spec = hpaSpecOf(hpa);
  const out = new Set<string>();
  if (spec.targetCPUUtilizationPercentage !== undefined) out.add('cpu');
  for (const m of spec.metrics ?? []) {
    if (m.type === 'Resource' && m.resource?.name && m.resource.target?.type === 'Utilization')
      out.add(m.resource.name);
  }
  return [...out];
}
