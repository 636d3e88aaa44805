import type { KubeObject } from '@opspilot/core';
import { z } from 'zod';

const Container = z
  .object({
    name: z.string(),
    image: z.string().optional(),
    ports: z.array(z.object({ containerPort: z.number() }).loose()).optional(),
  })
  .loose();
const WorkloadSpec = z
  .object({
    replicas: z.number().optional(),
    selector: z
      .object({ matchLabels: z.record(z.string(), z.string()).optional() })
      .loose()
      .optional(),
    template: z
      .object({
        metadata: z
          .object({ labels: z.record(z.string(), z.string()).optional() })
          .loose()
          .optional(),
        spec: z
          .object({ containers: z.array(Container).default([]) })
          .loose()
          .optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

/** The fields of a workload the planner reads (replicas, selector, pod labels, containers), parsed leniently. */
export interface WorkloadView {
  replicas: number;
  matchLabels: Record<string, string>;
  podLabels: Record<string, string>;
  containers: z.infer<typeof Container>[];
}

/** Reads a Deployment, StatefulSet or DaemonSet (or a Pod's containers) as a {@link WorkloadView}. */
export function workloadView(object: KubeObject): WorkloadView {
  if (object.kind === 'Pod') {
    const pod = z
      .object({ containers: z.array(Container).default([]) })
      .loose()
      .safeParse(object.spec);
    return {
      replicas: 1,
      matchLabels: {},
      podLabels: object.metadata.labels ?? {},
      containers: pod.success ? pod.data.containers : [],
    };
  }
  const parsed = WorkloadSpec.safeParse(object.spec ?? {});
  const spec = parsed.success ? parsed.data : {};
  return {
    replicas: spec.replicas ?? 1,
    matchLabels: spec.selector?.matchLabels ?? {},
    podLabels: spec.template?.metadata?.labels ?? {},
    containers: spec.template?.spec?.containers ?? [],
  };
}

/** `app=backend,tier=api` from a label map. */
export function selectorOf(labels: Record<string, string>): string | undefined {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  return pairs.length ? pairs.join(',') : undefined;
}
