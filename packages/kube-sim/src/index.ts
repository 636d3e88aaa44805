/**
 * @opspilot/kube-sim — the simulated Kubernetes cluster: an API server that real kubectl and
 * @kubernetes/client-node work against, on a controllable clock.
 */
export { ResourceRegistry } from './api/resourceRegistry.js';
export { apiVersionOf, BUILTIN_RESOURCE_TYPES, type ResourceType } from './api/resourceTypes.js';
export { StatusError } from './api/statusError.js';
export { BUILTIN_SCENARIOS, loadScenario, scenarioPath } from './loadScenario.js';
export { applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from './patch/index.js';
export { buildKubeconfig } from './server/kubeconfig.js';
export { SimApi } from './server/simApi.js';
export type { LogRequest, SimHooks } from './server/simHooks.js';
export { type SimCluster, type SimClusterOptions, startSimCluster } from './startSimCluster.js';
export type { KubeObject } from './store/kubeObject.js';
export { type ListOptions, ObjectStore, type StoreEvent } from './store/objectStore.js';
