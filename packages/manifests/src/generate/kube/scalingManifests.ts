import type { DataSpec, HpaSpec, PdbSpec } from './manifestSpecs.js';
import { objectMeta, selectorLabels } from './objectMeta.js';
import type { Manifest } from './workloadManifests.js';

/**
 * An autoscaling/v2 HorizontalPodAutoscaler on CPU (default 70 %) and/or memory utilisation, scaling down slowly
 * (five-minute stabilisation window).
 * @see https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/
 */
export function hpaManifest(spec: HpaSpec): Manifest {
  const metric = (name: string, percent: number) => ({
    type: 'Resource',
    resource: { name, target: { type: 'Utilization', averageUtilization: percent } },
  });
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: objectMeta(spec),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: spec.target ?? spec.name },
      minReplicas: spec.minReplicas,
      maxReplicas: spec.maxReplicas,
      metrics: [
        ...(spec.targetCpuPercent !== undefined ? [metric('cpu', spec.targetCpuPercent)] : []),
        ...(spec.targetMemoryPercent !== undefined ? [metric('memory', spec.targetMemoryPercent)] : []),
      ],
      behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
    },
  };
}

/**
 * A policy/v1 PodDisruptionBudget (default `minAvailable: 1`) for the pods of `target`.
 * @see https://kubernetes.io/docs/tasks/run-application/configure-pdb/
 */
export function pdbManifest(spec: PdbSpec): Manifest {
  const budget =
    spec.maxUnavailable !== undefined
      ? { maxUnavailable: spec.maxUnavailable }
      : { minAvailable: spec.minAvailable ?? 1 };
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: objectMeta(spec),
    spec: { ...budget, selector: { matchLabels: selectorLabels(spec.target ?? spec.name) } },
  };
}

/** A ConfigMap holding the `KEY=value` pairs. */
export function configMapManifest(spec: DataSpec): Manifest {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: objectMeta(spec), data: { ...spec.env } };
}

/**
 * An Opaque Secret naming its keys with empty values: secret values are never written into a generated
 * configuration (it is stored and audited); fill them in with `kubectl create secret` or an external secret store.
 * @see https://kubernetes.io/docs/concepts/configuration/secret/
 */
export function secretManifest(spec: DataSpec): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: objectMeta(spec),
    type: 'Opaque',
    stringData: Object.fromEntries(Object.keys(spec.env).map((key) => [key, ''])),
  };
}
