/**
 * @opspilot/kube — the `ClusterGateway` port over `@kubernetes/client-node`: kubeconfig and in-cluster loading,
 * snapshots, list/watch, server-side apply with dry-run, delete, scale, rollouts, logs, events and metrics, a
 * kubectl-style diff, and the mapping of Kubernetes failures to opspilot's typed errors.
 */
export { FIELD_MANAGER } from './applyObject.js';
export {
  type ServiceAccountAccess,
  type SingleContextKubeconfig,
  serviceAccountKubeconfig,
  singleContextKubeconfig,
} from './clusterKubeconfig.js';
export {
  type ClusterGatewayOptions,
  createClusterGateway,
  type KubeClusterGateway,
} from './createClusterGateway.js';
export { diffObjects } from './diffObjects.js';
export { inClusterConfig, SERVICE_ACCOUNT_DIR } from './inClusterConfig.js';
export { BUILTIN_KINDS, builtinKind, DEFAULT_SNAPSHOT_KINDS, type KindInfo, resourcePath } from './kindTable.js';
export { KubeStatus, parseKubeStatus } from './kubeStatus.js';
export { LIST_PAGE_SIZE } from './listObjects.js';
export type { LoadedKubeConfig } from './loadedKubeConfig.js';
export { type LoadKubeConfigOptions, loadKubeConfig } from './loadKubeConfig.js';
export { type KubeErrorContext, mapKubeError } from './mapKubeError.js';
export { parseQuantity } from './parseQuantity.js';
export {
  ALLOWED_EXEC_COMMANDS_SETTING,
  type CredentialCommand,
  credentialCommands,
  refuseUntrustedCommands,
  refuseUntrustedKubeconfig,
} from './refuseUntrustedCommands.js';
export { daemonSetRolloutStatus, deploymentRolloutStatus, statefulSetRolloutStatus } from './rolloutMessages.js';
export { RESTARTED_AT } from './rolloutRestart.js';
export { REVISION } from './rolloutUndo.js';
export { SNAPSHOT_CONCURRENCY } from './takeSnapshot.js';
export {
  type ConnectionFailure,
  type ConnectionTestResult,
  type TestConnectionOptions,
  testConnection,
} from './testConnection.js';
