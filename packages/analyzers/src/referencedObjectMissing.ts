import { type Analyzer, defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from './docsUrls.js';
import { fieldEvidence, findingOf } from './findingOf.js';
import { podSpecOf } from './kubeTypes.js';
import { nameOf } from './podHelpers.js';
import { podReferences } from './podReferences.js';
import { dockerRegistrySecretCommand } from './pullSecrets.js';
import { indexSnapshot } from './snapshotIndex.js';
import { topOwner } from './workloads.js';

/**
 * Builds the analyzer reporting pods (on their top-level workload) that reference a ConfigMap or Secret that does
 * not exist. A required reference keeps the container in `CreateContainerConfigError` (env) or the pod in
 * `ContainerCreating` with `FailedMount` (volume); an optional one or a missing image pull secret is less severe.
 */
export function referencedObjectMissing(kind: 'ConfigMap' | 'Secret'): Analyzer {
  const id = `${kind.toLowerCase()}-missing`;
  return defineAnalyzer({
    id,
    kinds: [kind, 'Pod'],
    description: `Pods referencing a ${kind} that does not exist`,
    analyze(snapshot) {
      const index = indexSnapshot(snapshot);
      if (!index.listed(kind)) return [];
      const findings = new Map<string, Finding>();
      const seen = new Set<string>();
      for (const pod of index.of('Pod')) {
        // Pods of one controller share its template: checking one of them is enough.
        const template = index.controllerOf(pod)?.metadata.uid ?? pod.metadata.uid ?? pod.metadata.name;
        if (seen.has(template)) continue;
        seen.add(template);
        const owner = topOwner(index, pod);
        for (const ref of podReferences(podSpecOf(pod))) {
          if (ref.kind !== kind || index.get(kind, pod.metadata.namespace, ref.name)) continue;
          const finding = findingOf({
            analyzer: id,
            severity: ref.optional ? 'LOW' : 'CRITICAL',
            object: owner,
            key: ref.name,
            message: `${owner.kind} ${nameOf(owner)} references ${kind} ${ref.name} (${ref.where}), which does not exist${ref.optional ? '' : ': its containers cannot start'}`,
            evidence: [fieldEvidence(pod, ref.where, ref.name)],
            sensitive: [ref.name, pod.metadata.name],
            proposedFix:
              ref.where === 'spec.imagePullSecrets'
                ? {
                    description: `Create the image pull Secret ${ref.name} (type kubernetes.io/dockerconfigjson, with the registry's credentials) in namespace ${pod.metadata.namespace}; a generic Secret is not used for pulls`,
                    command: dockerRegistrySecretCommand(ref.name, pod.metadata.namespace),
                  }
                : {
                    description: `Create ${kind} ${ref.name} in namespace ${pod.metadata.namespace}, or remove the reference`,
                    command:
                      kind === 'ConfigMap'
                        ? `kubectl create configmap ${ref.name} -n ${pod.metadata.namespace ?? 'default'} --from-literal=<key>=<value>`
                        : `kubectl create secret generic ${ref.name} -n ${pod.metadata.namespace ?? 'default'} --from-literal=<key>=<value>`,
                  },
            docsUrl: kind === 'ConfigMap' ? DOCS.configMaps : DOCS.secrets,
          });
          if (!findings.has(finding.id)) findings.set(finding.id, finding);
        }
      }
      return [...findings.values()];
    },
  });
}
