import type { KubeObject, PlanStep } from '@opspilot/core';
import { containersOf, type KubeObj, podSpecOf } from '@opspilot/manifests';
import type { SecurityFinding } from '../posture/securityFinding.js';

/** The steps that fix a finding, for the operation lifecycle (the caller finishes them into a plan). */
export interface SecurityFix {
  summary: string;
  steps: PlanStep[];
}

type Json = Record<string, unknown>;

/** Container-level securityContext settings per check. */
const CONTAINER: Record<string, Json> = {
  'container-privileged': { privileged: false },
  'container-privilege-escalation': { allowPrivilegeEscalation: false },
  'container-read-only-root-fs': { readOnlyRootFilesystem: true },
  'container-drop-all-capabilities': { capabilities: { drop: ['ALL'] } },
};

/** Pod-level settings per check (pod spec fields, or `securityContext` ones). */
const POD: Record<string, Json> = {
  'pod-host-network': { hostNetwork: false },
  'pod-host-pid': { hostPID: false },
  'pod-host-ipc': { hostIPC: false },
  'pod-automount-service-account-token': { automountServiceAccountToken: false },
  'container-run-as-non-root': { securityContext: { runAsNonRoot: true } },
  'pod-seccomp-profile': { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } },
  'pss-seccomp-unconfined': { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } },
};

/** Puts `podPatch` where the object keeps its pod spec (`spec`, `spec.template.spec`, CronJob's job template). */
function wrapPodSpec(obj: KubeObj, podPatch: Json): Json | undefined {
  const at = podSpecOf(obj);
  if (!at) return undefined;
  const keys = at.path.split('.');
  let patch: Json = podPatch;
  for (const k of [...keys].reverse()) patch = { [k]: patch };
  return patch;
}

function patchStep(obj: KubeObj, body: Json, description: string): PlanStep {
  const meta = obj.metadata ?? {};
  return {
    op: 'apply',
    mode: 'patch',
    object: {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      metadata: { name: String(meta.name), ...(meta.namespace ? { namespace: meta.namespace } : {}) },
      ...body,
    } as never,
    description,
  };
}

/**
 * The fix of a posture finding on its live object, as operation steps: patch the securityContext or pod field the
 * check names, add a default-deny NetworkPolicy to an uncovered namespace, or delete a cluster-admin binding. A finding
 * without a safe automatic fix gives undefined (the finding's `fix` text says what to do by hand).
 */
export function securityFix(finding: SecurityFinding, live: KubeObject): SecurityFix | undefined {
  const obj = live as unknown as KubeObj;
  const ref = `${finding.object.kind}/${finding.object.namespace ? `${finding.object.namespace}/` : ''}${finding.object.name}`;
  const container = CONTAINER[finding.check];
  if (container) {
    const containers = containersOf(obj, false).map(({ name }) => ({ name, securityContext: container }));
    const body = wrapPodSpec(obj, { containers });
    if (!body || containers.length === 0) return undefined;
    return {
      summary: `set ${JSON.stringify(container)} on the containers of ${ref}`,
      steps: [patchStep(obj, body, `${finding.check}: ${finding.fix}`)],
    };
  }
  const pod = POD[finding.check];
  if (pod) {
    const body = wrapPodSpec(obj, pod);
    if (!body) return undefined;
    return {
      summary: `set ${JSON.stringify(pod)} in the pod spec of ${ref}`,
      steps: [patchStep(obj, body, `${finding.check}: ${finding.fix}`)],
    };
  }
  if (finding.check === 'network-policy-coverage' && finding.object.namespace) {
    return {
      summary: `add a default-deny ingress NetworkPolicy to namespace ${finding.object.namespace}`,
      steps: [
        {
          op: 'apply',
          mode: 'create',
          object: {
            apiVersion: 'networking.k8s.io/v1',
            kind: 'NetworkPolicy',
            metadata: { name: 'default-deny-ingress', namespace: finding.object.namespace },
            spec: { podSelector: {}, policyTypes: ['Ingress'] },
          } as never,
          description: 'deny ingress to every pod of the namespace unless another policy allows it',
        },
      ],
    };
  }
  if (finding.check === 'rbac-cluster-admin-binding') {
    return {
      summary: `delete ${ref}, which grants cluster-admin`,
      steps: [
        {
          op: 'delete',
          target: {
            kind: finding.object.kind,
            name: finding.object.name,
            ...(finding.object.namespace ? { namespace: finding.object.namespace } : {}),
          },
          description: 'remove the cluster-admin grant (bind a least-privilege role instead)',
        },
      ],
    };
  }
  return undefined;
}
