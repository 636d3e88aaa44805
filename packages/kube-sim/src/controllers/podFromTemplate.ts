import { admitControllerPod } from '../admission/admitObject.js';
import { admitPodSpec, qosClassOf } from '../api/defaultPodSpec.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ControllerContext } from './controllerContext.js';
import { controllerRef } from './ownership.js';

type Json = Record<string, unknown>;

/** What a workload controller adds to its template when it creates one pod. */
export interface PodExtras {
  name: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Changes to the pod spec (hostname, volumes, affinity, tolerations, …). */
  spec?: (spec: Json) => void;
  /** The controller's name in events (`job-controller`, …). */
  source: string;
  /** The FailedCreate message when admission refuses the pod (default `Error creating: <reason>`). */
  refusal?: (reason: string) => string;
}

/**
 * Creates a pod from a workload's pod template, owned by (controlled by) `owner`, with the admission defaults a
 * pod created through the API would get (LimitRange defaults included), a Pending status and its QoS class. When
 * admission refuses it (a ResourceQuota, a LimitRange maximum) nothing is created: the owner gets the controller's
 * `FailedCreate` warning and the result is undefined.
 * @see https://kubernetes.io/docs/concepts/workloads/pods/#pod-templates
 */
export function createPodFromTemplate(
  ctx: ControllerContext,
  owner: KubeObject,
  template: { metadata?: Json; spec?: Json } | undefined,
  extras: PodExtras,
): KubeObject | undefined {
  const copy = structuredClone(template ?? {});
  const podSpec = (copy.spec ?? {}) as Json;
  extras.spec?.(podSpec);
  admitPodSpec(podSpec);
  const labels = { ...((copy.metadata?.labels as Record<string, string> | undefined) ?? {}), ...extras.labels };
  const annotations = {
    ...((copy.metadata?.annotations as Record<string, string> | undefined) ?? {}),
    ...extras.annotations,
  };
  const candidate: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: extras.name,
      namespace: owner.metadata.namespace,
      labels,
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
      ownerReferences: [controllerRef(owner)],
    },
    spec: podSpec,
  };
  const refused = admitControllerPod(ctx, candidate);
  if (refused) {
    const message = extras.refusal?.(refused.message) ?? `Error creating: ${refused.message}`;
    ctx.event(owner, 'Warning', 'FailedCreate', message, extras.source);
    return undefined;
  }
  const spec = candidate.spec as Json;
  return ctx.store.create(ctx.type('Pod'), { ...candidate, status: { phase: 'Pending', qosClass: qosClassOf(spec) } });
}

/** The phase of a pod (Pending when it has none yet). */
export function phaseOf(pod: KubeObject): string {
  return String((pod.status as Json | undefined)?.phase ?? 'Pending');
}
