import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'webhook-service-missing';
const KINDS = ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration'];

interface Webhook {
  name: string;
  failurePolicy?: string;
  clientConfig?: { service?: { name?: string; namespace?: string } };
}

/**
 * Admission webhooks whose Service does not exist, or has no ready endpoints: with `failurePolicy: Fail` (the
 * default) every matching create or update in the cluster is refused; with `Ignore` the policy silently stops.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/
 */
export const webhookServiceMissing = defineAnalyzer({
  id: ID,
  kinds: [...KINDS, 'Service', 'Endpoints'],
  description: 'Admission webhooks whose Service is missing or has no endpoints',
  analyze(snapshot, ctx) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    if (!index.listed('Service')) return findings;
    for (const config of KINDS.flatMap((k) => index.of(k))) {
      const webhooks = ((config as { webhooks?: Webhook[] }).webhooks ?? []) as Webhook[];
      webhooks.forEach((hook, i) => {
        const ref = hook.clientConfig?.service;
        // A snapshot of one namespace cannot tell whether a Service elsewhere exists.
        if (!ref?.name || !ref.namespace || (ctx.namespace && ctx.namespace !== ref.namespace)) return;
        const svc = index.get('Service', ref.namespace, ref.name);
        const endpoints = svc && index.get('Endpoints', ref.namespace, ref.name);
        const subsets = ((endpoints as { subsets?: { addresses?: unknown[] }[] } | undefined)?.subsets ?? []) as {
          addresses?: unknown[];
        }[];
        const noEndpoints =
          svc &&
          index.listed('Endpoints') &&
          endpoints !== undefined &&
          subsets.every((s) => (s.addresses ?? []).length === 0);
        if (svc && !noEndpoints) return;
        const failClosed = (hook.failurePolicy ?? 'Fail') === 'Fail';
        findings.push(
          findingOf({
            analyzer: ID,
            severity: failClosed ? 'CRITICAL' : 'MEDIUM',
            object: config,
            key: hook.name,
            message: `${config.kind} ${config.metadata.name} webhook ${hook.name} calls Service ${ref.namespace}/${ref.name}, which ${svc ? 'has no ready endpoints' : 'does not exist'}; with failurePolicy ${hook.failurePolicy ?? 'Fail'} ${failClosed ? 'matching API requests are refused' : 'the webhook is skipped'}`,
            evidence: [
              fieldEvidence(config, `webhooks[${i}].clientConfig.service`, ref),
              fieldEvidence(config, `webhooks[${i}].failurePolicy`, hook.failurePolicy ?? 'Fail (default)'),
            ],
            sensitive: [ref.name, ref.namespace, hook.name],
            proposedFix: {
              description: svc
                ? `Bring the webhook's pods back (Service ${ref.namespace}/${ref.name}), or delete the webhook configuration if the component was removed`
                : `Reinstall the component serving the webhook, or delete the stale webhook configuration`,
              command: `kubectl delete ${config.kind.toLowerCase()} ${config.metadata.name}`,
            },
            docsUrl: DOCS.webhooks,
          }),
        );
      });
    }
    return findings;
  },
});
