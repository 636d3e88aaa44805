import type { PolicyTemplate } from './policyTemplate.js';
import { allowedRepos, disallowedTags, imageDigests } from './templates/imageTemplates.js';
import { blockWildcardIngress, httpsOnly, ingressTls, uniqueIngressHost } from './templates/ingressTemplates.js';
import { requiredAnnotations, requiredLabels } from './templates/metadataTemplates.js';
import {
  allowPrivilegeEscalation,
  appArmor,
  automountToken,
  capabilities,
  hostFilesystem,
  hostNamespace,
  hostNetworkingPorts,
  privilegedContainer,
  readOnlyRootFilesystem,
  runAsNonRoot,
  seccomp,
} from './templates/podSecurityTemplates.js';
import { requiredProbes } from './templates/probeTemplates.js';
import { replicaLimits, requirePdb } from './templates/replicaTemplates.js';
import {
  containerLimits,
  containerRatios,
  containerRequests,
  requiredResources,
} from './templates/resourceTemplates.js';
import { blockLoadBalancer, blockNodePort, externalIps, uniqueServiceSelector } from './templates/serviceTemplates.js';

/** Every built-in policy template (Gatekeeper library equivalents), by id. */
export const POLICY_TEMPLATES: readonly PolicyTemplate[] = [
  requiredLabels,
  requiredAnnotations,
  allowedRepos,
  disallowedTags,
  imageDigests,
  requiredProbes,
  containerLimits,
  containerRequests,
  containerRatios,
  requiredResources,
  replicaLimits,
  requirePdb,
  blockNodePort,
  blockLoadBalancer,
  externalIps,
  uniqueServiceSelector,
  httpsOnly,
  ingressTls,
  uniqueIngressHost,
  blockWildcardIngress,
  automountToken,
  hostNamespace,
  hostNetworkingPorts,
  hostFilesystem,
  privilegedContainer,
  capabilities,
  seccomp,
  appArmor,
  readOnlyRootFilesystem,
  allowPrivilegeEscalation,
  runAsNonRoot,
] as readonly PolicyTemplate[];

const BY_ID = new Map(POLICY_TEMPLATES.map((t) => [t.id, t]));

/** The template with this id, or undefined. */
export function policyTemplate(id: string): PolicyTemplate | undefined {
  return BY_ID.get(id);
}
