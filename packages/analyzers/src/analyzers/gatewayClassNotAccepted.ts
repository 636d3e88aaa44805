import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { conditionEvidence, findingOf } from '../findingOf.js';
import { failingCondition, GATEWAY_KINDS } from '../gatewayApi.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'gatewayclass-not-accepted';

/**
 * GatewayClasses whose controller did not accept them (Accepted=False or Unknown): every Gateway of the class stays
 * unprogrammed. Usually a `controllerName` no installed controller answers to, or invalid `parametersRef`.
 * @see https://gateway-api.sigs.k8s.io/api-types/gatewayclass/
 */
export const gatewayClassNotAccepted = defineAnalyzer({
  id: ID,
  kinds: [GATEWAY_KINDS.GatewayClass],
  description: 'GatewayClasses not accepted by a controller',
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const gc of indexSnapshot(snapshot).of('GatewayClass')) {
      const accepted = failingCondition(gc, 'Accepted');
      if (!accepted) continue;
      const controller = (gc.spec as { controllerName?: string } | undefined)?.controllerName ?? '(none)';
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'HIGH',
          object: gc,
          message: `GatewayClass ${gc.metadata.name} is not accepted (${accepted.reason ?? accepted.status}${accepted.message ? `: ${accepted.message}` : ''}): no Gateway of it gets programmed; controllerName ${controller}`,
          evidence: [conditionEvidence(gc, accepted)],
          proposedFix: {
            description: `Install or start the controller named ${controller} (or set the controllerName of the one installed), and fix parametersRef if the message names it`,
            command: `kubectl get gatewayclass ${gc.metadata.name} -o yaml`,
          },
          docsUrl: DOCS.gatewayApi,
        }),
      );
    }
    return findings;
  },
});
