import type { Analyzer } from '@opspilot/core';
import { configMapEmpty } from './analyzers/configMapEmpty.js';
import { configMapMissing } from './analyzers/configMapMissing.js';
import { configMapOversized } from './analyzers/configMapOversized.js';
import { configMapUnused } from './analyzers/configMapUnused.js';
import { cronJobInvalidSchedule } from './analyzers/cronJobInvalidSchedule.js';
import { cronJobSuspended } from './analyzers/cronJobSuspended.js';
import { daemonSetUnavailable } from './analyzers/daemonSetUnavailable.js';
import { deploymentRolloutStuck } from './analyzers/deploymentRolloutStuck.js';
import { deploymentUnavailable } from './analyzers/deploymentUnavailable.js';
import { gatewayClassNotAccepted } from './analyzers/gatewayClassNotAccepted.js';
import { gatewayNotProgrammed } from './analyzers/gatewayNotProgrammed.js';
import { hpaAtMaxReplicas } from './analyzers/hpaAtMaxReplicas.js';
import { hpaMissingRequests } from './analyzers/hpaMissingRequests.js';
import { hpaScaleTargetMissing } from './analyzers/hpaScaleTargetMissing.js';
import { hpaScalingInactive } from './analyzers/hpaScalingInactive.js';
import { httpRouteBroken } from './analyzers/httpRouteBroken.js';
import { ingressBackendMissing } from './analyzers/ingressBackendMissing.js';
import { ingressClassMissing } from './analyzers/ingressClassMissing.js';
import { ingressTlsSecretMissing } from './analyzers/ingressTlsSecretMissing.js';
import { jobFailed } from './analyzers/jobFailed.js';
import { jobSuspended } from './analyzers/jobSuspended.js';
import { networkPolicyBlocksTraffic } from './analyzers/networkPolicyBlocksTraffic.js';
import { networkPolicyNoPods } from './analyzers/networkPolicyNoPods.js';
import { nodeNotReady } from './analyzers/nodeNotReady.js';
import { nodePressure } from './analyzers/nodePressure.js';
import { nodeProblemCondition } from './analyzers/nodeProblemCondition.js';
import { nodeUnschedulable } from './analyzers/nodeUnschedulable.js';
import { pdbNoDisruption } from './analyzers/pdbNoDisruption.js';
import { podContainerConfig } from './analyzers/podContainerConfig.js';
import { podCrashLoop } from './analyzers/podCrashLoop.js';
import { podEvicted } from './analyzers/podEvicted.js';
import { podFailed } from './analyzers/podFailed.js';
import { podImageInspect } from './analyzers/podImageInspect.js';
import { podImagePull } from './analyzers/podImagePull.js';
import { podInitContainer } from './analyzers/podInitContainer.js';
import { podLifecycleHook } from './analyzers/podLifecycleHook.js';
import { podLivenessProbe } from './analyzers/podLivenessProbe.js';
import { podMemoryNearLimit } from './analyzers/podMemoryNearLimit.js';
import { podOomKilled } from './analyzers/podOomKilled.js';
import { podReadinessProbe } from './analyzers/podReadinessProbe.js';
import { podRestartStorm } from './analyzers/podRestartStorm.js';
import { podSchedulingGated } from './analyzers/podSchedulingGated.js';
import { podUnschedulable } from './analyzers/podUnschedulable.js';
import { pvcLost } from './analyzers/pvcLost.js';
import { pvcPending } from './analyzers/pvcPending.js';
import { pvcStorageClassMissing } from './analyzers/pvcStorageClassMissing.js';
import { pvUnavailable } from './analyzers/pvUnavailable.js';
import { rbacRoleMissing } from './analyzers/rbacRoleMissing.js';
import { rbacSubjectMissing } from './analyzers/rbacSubjectMissing.js';
import { rbacSubjectNamespaceMissing } from './analyzers/rbacSubjectNamespaceMissing.js';
import { replicaSetFailure } from './analyzers/replicaSetFailure.js';
import { resourceQuotaNearLimit } from './analyzers/resourceQuotaNearLimit.js';
import { secretMissing } from './analyzers/secretMissing.js';
import { secretUnused } from './analyzers/secretUnused.js';
import { serviceLoadBalancerPending } from './analyzers/serviceLoadBalancerPending.js';
import { serviceNoEndpoints } from './analyzers/serviceNoEndpoints.js';
import { serviceSelectorNoMatch } from './analyzers/serviceSelectorNoMatch.js';
import { serviceTargetPort } from './analyzers/serviceTargetPort.js';
import { statefulSetUnavailable } from './analyzers/statefulSetUnavailable.js';
import { storageClassMultipleDefaults } from './analyzers/storageClassMultipleDefaults.js';
import { warningEvents } from './analyzers/warningEvents.js';
import { webhookServiceMissing } from './analyzers/webhookServiceMissing.js';
import { workloadHttpErrors } from './analyzers/workloadHttpErrors.js';
import { workloadScaledToZero } from './analyzers/workloadScaledToZero.js';

/**
 * The built-in analyzers, in the order they run (and report): nodes and pods first (causes), then workloads,
 * networking, storage, batch, autoscaling, policy, configuration, RBAC, admission, quotas and leftover warnings.
 */
export const BUILTIN_ANALYZERS: readonly Analyzer[] = [
  nodeNotReady,
  nodePressure,
  nodeUnschedulable,
  nodeProblemCondition,
  podImagePull,
  podCrashLoop,
  podOomKilled,
  podMemoryNearLimit,
  podUnschedulable,
  podReadinessProbe,
  podLivenessProbe,
  podRestartStorm,
  podInitContainer,
  podContainerConfig,
  podEvicted,
  podFailed,
  podImageInspect,
  podLifecycleHook,
  podSchedulingGated,
  deploymentUnavailable,
  deploymentRolloutStuck,
  workloadHttpErrors,
  replicaSetFailure,
  statefulSetUnavailable,
  daemonSetUnavailable,
  serviceSelectorNoMatch,
  workloadScaledToZero,
  serviceNoEndpoints,
  serviceTargetPort,
  serviceLoadBalancerPending,
  ingressBackendMissing,
  ingressClassMissing,
  ingressTlsSecretMissing,
  gatewayClassNotAccepted,
  gatewayNotProgrammed,
  httpRouteBroken,
  pvcStorageClassMissing,
  pvcPending,
  pvcLost,
  pvUnavailable,
  storageClassMultipleDefaults,
  jobFailed,
  jobSuspended,
  cronJobInvalidSchedule,
  cronJobSuspended,
  hpaScaleTargetMissing,
  hpaMissingRequests,
  hpaAtMaxReplicas,
  hpaScalingInactive,
  pdbNoDisruption,
  networkPolicyNoPods,
  networkPolicyBlocksTraffic,
  configMapMissing,
  configMapEmpty,
  configMapOversized,
  secretMissing,
  configMapUnused,
  secretUnused,
  rbacRoleMissing,
  rbacSubjectMissing,
  rbacSubjectNamespaceMissing,
  webhookServiceMissing,
  resourceQuotaNearLimit,
  warningEvents,
];
