/**
 * @opspilot/kube-sim — the simulated Kubernetes cluster: an API server that real kubectl and
 * @kubernetes/client-node work against, on a controllable clock. Test helpers live in `@opspilot/kube-sim/testing`.
 */

export {
  type AdmissionAuditEntry,
  type AdmissionRequest,
  admissionAuditLog,
  admitByPolicies,
} from './admission/admissionPolicies.js';
export { evaluateCel } from './admission/celEnvironment.js';
export { applyDefaults } from './api/applyDefaults.js';
export { convertObject } from './api/convertObject.js';
export { admitPodSpec, defaultPodSpec, qosClassOf } from './api/defaultPodSpec.js';
export { compareVersions, ResourceRegistry } from './api/resourceRegistry.js';
export {
  apiVersionOf,
  BUILTIN_RESOURCE_TYPES,
  type PrinterColumn,
  qualifiedResource,
  type ResourceType,
  sameStorage,
} from './api/resourceTypes.js';
export {
  alreadyExists,
  badRequest,
  conflict,
  invalid,
  notFound,
  type StatusCause,
  StatusError,
} from './api/statusError.js';
export { Anomaly, AnomalyType, DEFAULT_MAGNITUDE } from './behaviour/anomaly.js';
export { type ActiveAnomaly, AnomalySchedule } from './behaviour/anomalySchedule.js';
export { type ContainerUsage, podUsage } from './behaviour/usageModel.js';
export { type ContainerProcess, containerProcess } from './controllers/containerProcess.js';
export { ControllerManager, logControllerFailure } from './controllers/controllerManager.js';
export { IMAGE_CATALOG, type ImageProfile } from './controllers/imageCatalog.js';
export { type ImageReference, parseImageReference } from './controllers/imageReference.js';
export {
  ImageDeclaration,
  ImageDocument,
  ImageRegistry,
  imageRegistryOf,
  type PullResult,
} from './controllers/imageRegistry.js';
export type { ControllerFailure } from './controllers/reconcileGuard.js';
export { GpuNodePool } from './gpu/gpuNodePool.js';
export { GPU_PRODUCTS, type GpuProduct } from './gpu/gpuProducts.js';
export { BUILTIN_SCENARIOS, loadScenario, type ScenarioSinks, scenarioPath } from './loadScenario.js';
export { EXPOSITION_TARGETS, type ExpositionTarget } from './metrics/exposition.js';
export { applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from './patch/index.js';
/** Limits of watches and followed logs. */
export type { StreamLimits } from './server/apiContext.js';
export { buildKubeconfig, type KubeconfigOptions } from './server/kubeconfig.js';
export type { RequestLog, RequestRecord } from './server/requestLog.js';
export { SimApi, type SimApiOptions } from './server/simApi.js';
export { EMPTY_HOOKS, type LogRequest, type SimHooks } from './server/simHooks.js';
export { toTable } from './server/tables/toTable.js';
export { createObject, replaceObject, type WriteContext, type WriteRequest } from './server/writeOperations.js';
export { type SimCluster, type SimClusterOptions, startSimCluster } from './startSimCluster.js';
/** A Kubernetes object as the store keeps it. */
export type { KubeObject } from './store/kubeObject.js';
export { ObjectStore } from './store/objectStore.js';
export { parseFieldSelector, parseLabelSelector } from './store/selectors.js';
export {
  type DeleteOptions,
  formatTimestamp,
  type ListOptions,
  type ListPage,
  type ObjectStoreOptions,
  type StoreEvent,
  type WriteOptions,
} from './store/storeTypes.js';
export { createTraceEmitter, type TraceEmitter, type TraceEmitterOptions } from './traces/traceEmitter.js';
