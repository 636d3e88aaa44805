import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'ingress-tls-secret-missing';

/**
 * Ingress TLS entries whose `secretName` does not exist (or is not a `kubernetes.io/tls` Secret): the controller
 * falls back to its default certificate and browsers reject the host.
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress/#tls
 */
export const ingressTlsSecretMissing = defineAnalyzer({
  id: ID,
  kinds: ['Ingress', 'Secret'],
  description: 'Ingress TLS secrets that are missing or not TLS secrets',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    if (!index.listed('Secret')) return findings;
    for (const ing of index.of('Ingress')) {
      const tls = ((ing.spec as { tls?: { hosts?: string[]; secretName?: string }[] } | undefined)?.tls ?? []) as {
        hosts?: string[];
        secretName?: string;
      }[];
      tls.forEach((entry, i) => {
        if (!entry.secretName) return;
        const secret = index.get('Secret', ing.metadata.namespace, entry.secretName);
        const type = (secret as { type?: string } | undefined)?.type;
        if (secret && (type === 'kubernetes.io/tls' || type === undefined)) return;
        const hosts = (entry.hosts ?? []).join(', ');
        findings.push(
          findingOf({
            analyzer: ID,
            severity: secret ? 'MEDIUM' : 'HIGH',
            object: ing,
            key: entry.secretName,
            message: secret
              ? `Ingress ${nameOf(ing)} uses Secret ${entry.secretName} for TLS, but it has type ${type}, not kubernetes.io/tls`
              : `Ingress ${nameOf(ing)} uses TLS Secret ${entry.secretName}${hosts ? ` for ${hosts}` : ''}, which does not exist`,
            evidence: [fieldEvidence(ing, `spec.tls[${i}]`, entry)],
            sensitive: [entry.secretName, ...(entry.hosts ?? [])],
            proposedFix: {
              description: 'Create the TLS Secret from the certificate and key (or let cert-manager issue it)',
              command: `kubectl create secret tls ${entry.secretName} -n ${ing.metadata.namespace ?? 'default'} --cert=tls.crt --key=tls.key`,
            },
            docsUrl: DOCS.ingressTls,
          }),
        );
      });
    }
    return findings;
  },
});
