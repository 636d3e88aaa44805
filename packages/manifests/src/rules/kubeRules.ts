import { antiAffinityMultiReplica } from './kube/antiAffinityMultiReplica.js';
import { configMapSecrets } from './kube/configMapSecrets.js';
import { containerCpuLimits } from './kube/containerCpuLimits.js';
import { containerCpuRequests } from './kube/containerCpuRequests.js';
import { containerDangerousCapabilities } from './kube/containerDangerousCapabilities.js';
import { containerDropAllCapabilities } from './kube/containerDropAllCapabilities.js';
import { containerEnvDuplicate } from './kube/containerEnvDuplicate.js';
import { containerHostPort } from './kube/containerHostPort.js';
import { containerLivenessProbe } from './kube/containerLivenessProbe.js';
import { containerMemoryLimits } from './kube/containerMemoryLimits.js';
import { containerMemoryRequests } from './kube/containerMemoryRequests.js';
import { containerNameUnique } from './kube/containerNameUnique.js';
import { containerPortDuplicate } from './kube/containerPortDuplicate.js';
import { containerPrivileged } from './kube/containerPrivileged.js';
import { containerPrivilegedPort } from './kube/containerPrivilegedPort.js';
import { containerPrivilegeEscalation } from './kube/containerPrivilegeEscalation.js';
import { containerProcMount } from './kube/containerProcMount.js';
import { containerReadinessProbe } from './kube/containerReadinessProbe.js';
import { containerReadOnlyRootFs } from './kube/containerReadOnlyRootFs.js';
import { containerRunAsNonRoot } from './kube/containerRunAsNonRoot.js';
import { containerRunAsRootUser } from './kube/containerRunAsRootUser.js';
import { containerSshPort } from './kube/containerSshPort.js';
import { cronJobConcurrencyPolicy } from './kube/cronJobConcurrencyPolicy.js';
import { cronJobStartingDeadline } from './kube/cronJobStartingDeadline.js';
import { deploymentReplicas } from './kube/deploymentReplicas.js';
import { emptyDirSizeLimit } from './kube/emptyDirSizeLimit.js';
import { hpaMaxReplicas } from './kube/hpaMaxReplicas.js';
import { hpaMinReplicas } from './kube/hpaMinReplicas.js';
import { hpaReplicasConflict } from './kube/hpaReplicasConflict.js';
import { hpaTargetExists } from './kube/hpaTargetExists.js';
import { hpaTargetRequests } from './kube/hpaTargetRequests.js';
import { imageLatestTag } from './kube/imageLatestTag.js';
import { imagePullPolicy } from './kube/imagePullPolicy.js';
import { ingressBackendService } from './kube/ingressBackendService.js';
import { ingressTls } from './kube/ingressTls.js';
import { jobTtlAfterFinished } from './kube/jobTtlAfterFinished.js';
import { k8sApiUnavailable } from './kube/k8sApiUnavailable.js';
import { k8sNameDns1123 } from './kube/k8sNameDns1123.js';
import { k8sRemovedApi } from './kube/k8sRemovedApi.js';
import { k8sSchema } from './kube/k8sSchema.js';
import { k8sUnknownField } from './kube/k8sUnknownField.js';
import { k8sUnknownKind } from './kube/k8sUnknownKind.js';
import { labelInstanceMatchesName } from './kube/labelInstanceMatchesName.js';
import { labelRecommended } from './kube/labelRecommended.js';
import { namespaceDefault } from './kube/namespaceDefault.js';
import { networkPolicyDangling } from './kube/networkPolicyDangling.js';
import { pdbBlocksEviction } from './kube/pdbBlocksEviction.js';
import { pdbForMultiReplica } from './kube/pdbForMultiReplica.js';
import { pdbSelectorMatches } from './kube/pdbSelectorMatches.js';
import { pdbUnhealthyEvictionPolicy } from './kube/pdbUnhealthyEvictionPolicy.js';
import { podAutomountServiceAccountToken } from './kube/podAutomountServiceAccountToken.js';
import { podDefaultServiceAccount } from './kube/podDefaultServiceAccount.js';
import { podDockerSocket } from './kube/podDockerSocket.js';
import { podHostIpc } from './kube/podHostIpc.js';
import { podHostNetwork } from './kube/podHostNetwork.js';
import { podHostPathVolume } from './kube/podHostPathVolume.js';
import { podHostPid } from './kube/podHostPid.js';
import { podNodeName } from './kube/podNodeName.js';
import { podPriorityClass } from './kube/podPriorityClass.js';
import { podSeccompProfile } from './kube/podSeccompProfile.js';
import { podSensitiveHostMount } from './kube/podSensitiveHostMount.js';
import { podServiceAccountExists } from './kube/podServiceAccountExists.js';
import { podServiceAccountField } from './kube/podServiceAccountField.js';
import { podShareProcessNamespace } from './kube/podShareProcessNamespace.js';
import { podUnsafeSysctls } from './kube/podUnsafeSysctls.js';
import { podWritableHostMount } from './kube/podWritableHostMount.js';
import { probeIdenticalLivenessReadiness } from './kube/probeIdenticalLivenessReadiness.js';
import { probePortExists } from './kube/probePortExists.js';
import { rbacClusterAdminBinding } from './kube/rbacClusterAdminBinding.js';
import { rbacSecretsAccess } from './kube/rbacSecretsAccess.js';
import { rbacWildcard } from './kube/rbacWildcard.js';
import { requestsExceedLimits } from './kube/requestsExceedLimits.js';
import { resourceQuantityValid } from './kube/resourceQuantityValid.js';
import { secretEnvFromConfigMap } from './kube/secretEnvFromConfigMap.js';
import { secretEnvLiteral } from './kube/secretEnvLiteral.js';
import { selectorTemplateLabels } from './kube/selectorTemplateLabels.js';
import { serviceNodePort } from './kube/serviceNodePort.js';
import { serviceSelectorMatches } from './kube/serviceSelectorMatches.js';
import { serviceTargetPort } from './kube/serviceTargetPort.js';
import { statefulSetServiceName } from './kube/statefulSetServiceName.js';
import { workloadRollingUpdate } from './kube/workloadRollingUpdate.js';
import type { KubeRule } from './kubeRule.js';

/** Every built-in Kubernetes rule, in id order of their files. */
export const KUBE_RULES: readonly KubeRule[] = [
  antiAffinityMultiReplica,
  configMapSecrets,
  containerCpuLimits,
  containerCpuRequests,
  containerDangerousCapabilities,
  containerDropAllCapabilities,
  containerEnvDuplicate,
  containerHostPort,
  containerLivenessProbe,
  containerMemoryLimits,
  containerMemoryRequests,
  containerNameUnique,
  containerPortDuplicate,
  containerPrivilegeEscalation,
  containerPrivileged,
  containerProcMount,
  containerReadOnlyRootFs,
  containerReadinessProbe,
  containerRunAsNonRoot,
  containerRunAsRootUser,
  containerSshPort,
  cronJobConcurrencyPolicy,
  cronJobStartingDeadline,
  deploymentReplicas,
  emptyDirSizeLimit,
  hpaMaxReplicas,
  hpaMinReplicas,
  hpaReplicasConflict,
  hpaTargetExists,
  hpaTargetRequests,
  imageLatestTag,
  imagePullPolicy,
  ingressBackendService,
  ingressTls,
  jobTtlAfterFinished,
  k8sApiUnavailable,
  containerPrivilegedPort,
  podServiceAccountField,
  pdbUnhealthyEvictionPolicy,
  networkPolicyDangling,
  k8sNameDns1123,
  k8sRemovedApi,
  k8sSchema,
  k8sUnknownField,
  k8sUnknownKind,
  podSensitiveHostMount,
  secretEnvFromConfigMap,
  labelInstanceMatchesName,
  labelRecommended,
  namespaceDefault,
  pdbBlocksEviction,
  pdbForMultiReplica,
  pdbSelectorMatches,
  podAutomountServiceAccountToken,
  podDefaultServiceAccount,
  podDockerSocket,
  podHostIpc,
  podHostNetwork,
  podHostPathVolume,
  podHostPid,
  podNodeName,
  podPriorityClass,
  podSeccompProfile,
  podServiceAccountExists,
  podShareProcessNamespace,
  podUnsafeSysctls,
  podWritableHostMount,
  probeIdenticalLivenessReadiness,
  probePortExists,
  rbacClusterAdminBinding,
  rbacSecretsAccess,
  rbacWildcard,
  requestsExceedLimits,
  resourceQuantityValid,
  secretEnvLiteral,
  selectorTemplateLabels,
  serviceNodePort,
  serviceSelectorMatches,
  serviceTargetPort,
  statefulSetServiceName,
  workloadRollingUpdate,
];
