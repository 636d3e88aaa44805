import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'rbac-subject-namespace-missing';

/**
 * Role bindings granting permissions to a ServiceAccount of a namespace that does not exist: a typo in
 * `subjects[].namespace` (the workload that should get the permissions does not), or a leftover of a deleted
 * namespace (a grant waiting for whoever recreates it).
 * @see https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-subjects
 */
export const rbacSubjectNamespaceMissing = defineAnalyzer({
  id: ID,
  kinds: ['RoleBinding', 'ClusterRoleBinding', 'Namespace'],
  description: 'Role bindings to ServiceAccounts in namespaces that do not exist',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    if (!index.listed('Namespace') || index.of('Namespace').length === 0) return findings;
    const namespaces = index.of('Namespace').map((n) => n.metadata.name);
    for (const binding of [...index.of('RoleBinding'), ...index.of('ClusterRoleBinding')]) {
      const subjects =
        (binding as { subjects?: { kind?: string; name?: string; namespace?: string }[] }).subjects ?? [];
      subjects.forEach((subject, i) => {
        if (subject.kind !== 'ServiceAccount' || !subject.name) return;
        const ns = subject.namespace ?? binding.metadata.namespace;
        if (!ns || namespaces.includes(ns)) return;
        const close = namespaces.find((n) => n !== ns && (n.startsWith(ns) || ns.startsWith(n)));
        findings.push(
          findingOf({
            analyzer: ID,
            severity: 'MEDIUM',
            object: binding,
            key: `${ns}/${subject.name}`,
            message: `${binding.kind} ${nameOf(binding)} grants permissions to ServiceAccount ${subject.name} in namespace ${ns}, which does not exist${close ? ` (did you mean ${close}?)` : ''}`,
            evidence: [fieldEvidence(binding, `subjects[${i}]`, subject)],
            sensitive: [subject.name, ns],
            proposedFix: close
              ? {
                  description: `Point the subject at namespace ${close}, where the workload runs`,
                  patch: {
                    type: 'json',
                    body: [{ op: 'replace', path: `/subjects/${i}/namespace`, value: close }],
                  },
                  command: `kubectl patch ${binding.kind.toLowerCase()} ${binding.metadata.name}${binding.metadata.namespace ? ` -n ${binding.metadata.namespace}` : ''} --type json -p '${JSON.stringify([{ op: 'replace', path: `/subjects/${i}/namespace`, value: close }])}'`,
                }
              : {
                  description:
                    'Fix the subject’s namespace to the one the workload runs in, or remove the subject if the namespace is gone for good',
                  command: `kubectl get serviceaccounts -A --field-selector metadata.name=${subject.name}`,
                },
            docsUrl: DOCS.rbac,
          }),
        );
      });
    }
    return findings;
  },
});
