import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { patchCommand } from '../workloads.js';

const ID = 'ingress-class-missing';
const DEFAULT_CLASS = 'ingressclass.kubernetes.io/is-default-class';

/**
 * Ingresses no controller will serve: their `ingressClassName` (or legacy `kubernetes.io/ingress.class`
 * annotation) names an IngressClass that does not exist, or they name none and the cluster has no default class.
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress/#ingress-class
 */
export const ingressClassMissing = defineAnalyzer({
  id: ID,
  kinds: ['Ingress', 'IngressClass'],
  description: 'Ingresses whose IngressClass does not exist',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    if (!index.listed('IngressClass')) return findings;
    const classes = index.of('IngressClass');
    const defaults = classes.filter((c) => c.metadata.annotations?.[DEFAULT_CLASS] === 'true');
    for (const ing of index.of('Ingress')) {
      const fromSpec = (ing.spec as { ingressClassName?: string } | undefined)?.ingressClassName;
      const fromAnnotation = ing.metadata.annotations?.['kubernetes.io/ingress.class'];
      const name = fromSpec ?? fromAnnotation;
      if (name ? index.get('IngressClass', undefined, name) : defaults.length > 0) continue;
      const suggestion = (defaults[0] ?? classes[0])?.metadata.name;
      const body = suggestion ? { spec: { ingressClassName: suggestion } } : undefined;
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'HIGH',
          object: ing,
          message: name
            ? `Ingress ${nameOf(ing)} uses IngressClass "${name}", which does not exist: no controller serves it`
            : `Ingress ${nameOf(ing)} names no IngressClass and the cluster has no default one: no controller serves it`,
          evidence: [
            fieldEvidence(
              ing,
              fromSpec ? 'spec.ingressClassName' : 'metadata.annotations["kubernetes.io/ingress.class"]',
              name ?? 'unset',
            ),
            {
              kind: 'field',
              source: 'ingressclasses',
              detail: classes.map((c) => c.metadata.name).join(', ') || 'none',
            },
          ],
          proposedFix: body
            ? {
                description: `Use the existing IngressClass ${suggestion}`,
                patch: { type: 'merge', body },
                command: patchCommand(ing, 'merge', body),
              }
            : {
                description: 'Install an ingress controller (it creates its IngressClass)',
                command: 'kubectl get ingressclass',
              },
          docsUrl: DOCS.ingressClass,
        }),
      );
    }
    return findings;
  },
});
