import type { KubeObject, ProposedFix } from '@opspilot/core';
import { podSpecOf } from './kubeTypes.js';
import type { SnapshotIndex } from './snapshotIndex.js';
import { kubectlRef, patchCommand } from './workloads.js';

/** Secret types the kubelet reads registry credentials from. */
const PULL_SECRET_TYPES = new Set(['kubernetes.io/dockerconfigjson', 'kubernetes.io/dockercfg']);

/** `kubectl create secret docker-registry NAME -n NS …` with placeholders for the credentials. */
export function dockerRegistrySecretCommand(name: string, namespace: string | undefined): string {
  return `kubectl create secret docker-registry ${name} -n ${namespace ?? 'default'} --docker-server=<registry> --docker-username=<user> --docker-password=<password>`;
}

/** The pull secrets a pod uses: its own `imagePullSecrets` and its ServiceAccount's, with where each comes from. */
export function pullSecretRefs(index: SnapshotIndex, pod: KubeObject): { name: string; from: string }[] {
  const spec = podSpecOf(pod);
  const refs = (spec.imagePullSecrets ?? []).map((s) => ({ name: s.name, from: 'the pod' }));
  const saName = spec.serviceAccountName ?? 'default';
  const sa = index.get('ServiceAccount', pod.metadata.namespace, saName);
  for (const s of (sa as { imagePullSecrets?: { name: string }[] } | undefined)?.imagePullSecrets ?? []) {
    refs.push({ name: s.name, from: `ServiceAccount ${saName}` });
  }
  return refs;
}

/**
 * The fix for a registry that refused a pull, from the pull secrets the pod actually uses: a referenced Secret that
 * does not exist is created as a docker-registry Secret under that name; one of the wrong type (a generic Opaque
 * Secret) is recreated as docker-registry; with none referenced, a docker-registry Secret is created and added to
 * the workload's `imagePullSecrets`; with valid ones, their credentials are what the registry refuses.
 */
export function pullSecretFix(index: SnapshotIndex, pod: KubeObject, owner: KubeObject): ProposedFix {
  const ns = pod.metadata.namespace;
  const refs = pullSecretRefs(index, pod);
  const checkSecrets = index.listed('Secret');
  for (const ref of refs) {
    const secret = index.get('Secret', ns, ref.name);
    if (checkSecrets && !secret) {
      return {
        description: `The registry refused the pull and pull Secret ${ref.name} (referenced by ${ref.from}) does not exist: create it as a docker-registry Secret with the registry's credentials`,
        command: dockerRegistrySecretCommand(ref.name, ns),
      };
    }
    const type = (secret as { type?: string } | undefined)?.type;
    if (secret && !PULL_SECRET_TYPES.has(type ?? '')) {
      return {
        description: `The registry refused the pull: pull Secret ${ref.name} (referenced by ${ref.from}) is of type ${type ?? 'Opaque'}, which the kubelet does not read credentials from; recreate it as a docker-registry Secret (kubernetes.io/dockerconfigjson)`,
        command: `kubectl delete secret ${ref.name} -n ${ns ?? 'default'} && ${dockerRegistrySecretCommand(ref.name, ns)}`,
      };
    }
  }
  if (refs.length > 0) {
    const names = refs.map((r) => r.name).join(', ');
    return {
      description: `The registry refused the credentials of pull Secret ${names}: update them (a docker-registry Secret with a valid user and token for this registry)`,
      command: `kubectl get secret ${refs[0]!.name} -n ${ns ?? 'default'} -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d`,
    };
  }
  const body =
    owner.kind === 'Pod'
      ? { spec: { imagePullSecrets: [{ name: 'regcred' }] } }
      : owner.kind === 'CronJob'
        ? { spec: { jobTemplate: { spec: { template: { spec: { imagePullSecrets: [{ name: 'regcred' }] } } } } } }
        : { spec: { template: { spec: { imagePullSecrets: [{ name: 'regcred' }] } } } };
  return {
    description: `The registry refused the pull and ${kubectlRef(owner)} uses no pull Secret: create a docker-registry Secret regcred and list it in imagePullSecrets (of the pod template, or of its ServiceAccount)`,
    patch: { type: 'strategic', body },
    command: `${dockerRegistrySecretCommand('regcred', ns)} && ${patchCommand(owner, 'strategic', body)}`,
  };
}
