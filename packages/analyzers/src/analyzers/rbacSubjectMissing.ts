import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'rbac-subject-missing';

/**
 * Role bindings granting permissions to a ServiceAccount that does not exist: a leftover, or a typo that leaves
 * the intended workload without its permissions (and a grant waiting for whoever creates that name).
 * @see https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-subjects
 */
export const rbacSubjectMissing = defineAnalyzer({
  id: ID,
  kinds: ['RoleBinding', 'ClusterRoleBinding', 'ServiceAccount'],
  description: 'Role bindings to ServiceAccounts that do not exist',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    if (!index.listed('ServiceAccount')) return findings;
    const namespaces = new Set(index.of('ServiceAccount').map((sa) => sa.metadata.namespace));
    for (const binding of [...index.of('RoleBinding'), ...index.of('ClusterRoleBinding')]) {
      const subjects =
        (binding as { subjects?: { kind?: string; name?: string; namespace?: string }[] }).subjects ?? [];
      subjects.forEach((subject, i) => {
        if (subject.kind !== 'ServiceAccount' || !subject.name) return;
        const ns = subject.namespace ?? binding.metadata.namespace;
        if (!namespaces.has(ns) || index.get('ServiceAccount', ns, subject.name)) return;
        findings.push(
          findingOf({
            analyzer: ID,
            severity: 'LOW',
            object: binding,
            key: `${ns}/${subject.name}`,
            message: `${binding.kind} ${nameOf(binding)} grants permissions to ServiceAccount ${ns}/${subject.name}, which does not exist`,
            evidence: [fieldEvidence(binding, `subjects[${i}]`, subject)],
            sensitive: [subject.name, ns],
            proposedFix: {
              description: 'Remove the subject if it is a leftover, or create the ServiceAccount the workload expects',
              command: `kubectl create serviceaccount ${subject.name} -n ${ns}`,
            },
            docsUrl: DOCS.serviceAccounts,
          }),
        );
      });
    }
    return findings;
  },
});
