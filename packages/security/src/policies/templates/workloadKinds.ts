import { WORKLOAD_KINDS } from '@opspilot/manifests';

/** Kinds that run pods, minus Pods and ReplicaSets owned by them (scans leave owned objects to their owner). */
export const POD_KINDS: readonly string[] = WORKLOAD_KINDS;

/** Kinds with a replica count. */
export const REPLICA_KINDS: readonly string[] = ['Deployment', 'StatefulSet', 'ReplicaSet'];
