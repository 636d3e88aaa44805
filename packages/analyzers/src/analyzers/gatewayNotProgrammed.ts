import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { conditionEvidence, fieldEvidence, findingOf } from '../findingOf.js';
import { failingCondition, GATEWAY_KINDS } from '../gatewayApi.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'gateway-not-programmed';

/**
 * Gateways whose GatewayClass does not exist, or that their controller did not accept or program (Accepted or
 * Programmed not True): their listeners serve no traffic. A class that exists but is itself not accepted is
 * `gatewayclass-not-accepted`'s finding, not repeated here.
 * @see https://gateway-api.sigs.k8s.io/api-types/gateway/
 */
export const gatewayNotProgrammed = defineAnalyzer({
  id: ID,
  kinds: [GATEWAY_KINDS.Gateway, GATEWAY_KINDS.GatewayClass],
  description: 'Gateways without a class or not programmed',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    const checkClasses = index.listed('GatewayClass');
    for (const gw of index.of('Gateway')) {
      const className = (gw.spec as { gatewayClassName?: string } | undefined)?.gatewayClassName ?? '';
      const gc = index.get('GatewayClass', undefined, className);
      if (checkClasses && !gc) {
        const names = index.of('GatewayClass').map((c) => c.metadata.name);
        findings.push(
          findingOf({
            analyzer: ID,
            severity: 'HIGH',
            object: gw,
            message: `Gateway ${nameOf(gw)} uses GatewayClass ${className}, which does not exist${names.length ? ` (existing: ${names.join(', ')})` : ''}: nothing programs it`,
            evidence: [fieldEvidence(gw, 'spec.gatewayClassName', className)],
            proposedFix:
              names.length === 1
                ? {
                    description: `Use the existing GatewayClass ${names[0]}`,
                    patch: { type: 'merge', body: { spec: { gatewayClassName: names[0] } } },
                    command: `kubectl patch gateway ${gw.metadata.name} -n ${gw.metadata.namespace ?? 'default'} --type merge -p '${JSON.stringify({ spec: { gatewayClassName: names[0] } })}'`,
                  }
                : { description: 'Set gatewayClassName to an installed class', command: 'kubectl get gatewayclasses' },
            docsUrl: DOCS.gatewayApi,
          }),
        );
        continue;
      }
      if (gc && failingCondition(gc, 'Accepted')) continue;
      const failing = failingCondition(gw, 'Accepted') ?? failingCondition(gw, 'Programmed');
      if (!failing) continue;
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'HIGH',
          object: gw,
          message: `Gateway ${nameOf(gw)} is not ${failing.type.toLowerCase()} (${failing.reason ?? failing.status}${failing.message ? `: ${failing.message}` : ''}): its listeners serve no traffic`,
          evidence: [conditionEvidence(gw, failing)],
          proposedFix: {
            description:
              'Fix what the condition names (an address the controller cannot get, an invalid listener or certificate)',
            command: `kubectl describe gateway ${gw.metadata.name} -n ${gw.metadata.namespace ?? 'default'}`,
          },
          docsUrl: DOCS.gatewayApi,
        }),
      );
    }
    return findings;
  },
});
