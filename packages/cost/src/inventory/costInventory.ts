/**
 * What the cost engines read of one cluster over one window: its nodes, pods (with their containers' requests and
 * usage series), volumes and Services. Usage series are aligned on the window's steps (`Float64Array`, NaN where
 * no sample exists), so that 10 million pod-hours fit in memory and loop fast.
 */
export interface CostWindow {
  /** Unix seconds of the first step. */
  start: number;
  /** Seconds per step (3600 for hourly allocation). */
  stepSeconds: number;
  /** Number of steps. */
  steps: number;
}

export interface CostContainer {
  name: string;
  /** Requests in cores, bytes and GPUs (0 when not set). */
  cpuRequest: number;
  memoryRequest: number;
  gpuRequest: number;
  /** Limits, when set. */
  cpuLimit?: number;
  memoryLimit?: number;
  /** Cores used per step (average over the step). */
  cpuUsage?: Float64Array;
  /** Working-set bytes per step (the step's maximum where known). */
  memoryUsage?: Float64Array;
}

/** The workload a pod belongs to: its top controller (a Deployment rather than its ReplicaSet), or the pod itself. */
export interface WorkloadRef {
  kind: string;
  name: string;
}

export interface CostPod {
  namespace: string;
  name: string;
  /** The node it runs on; empty when unscheduled. */
  node: string;
  workload: WorkloadRef;
  labels: Readonly<Record<string, string>>;
  containers: CostContainer[];
  /** Names of the PersistentVolumeClaims it mounts. */
  pvcs: string[];
  /** 1 where the pod existed; when missing, the steps where any usage sample exists, or the whole window. */
  present?: Uint8Array;
}

export interface CostNode {
  name: string;
  labels: Readonly<Record<string, string>>;
  /** Allocatable resources (what pods can request). */
  cpuCores: number;
  memoryBytes: number;
  gpus: number;
  /** Whether the node is cordoned. */
  unschedulable?: boolean;
}

export interface CostPvc {
  namespace: string;
  name: string;
  storageClass?: string;
  /** Requested size in bytes. */
  sizeBytes: number;
  phase?: string;
}

export interface CostService {
  namespace: string;
  name: string;
  type: string;
  /** Ready endpoints behind it. */
  readyEndpoints: number;
}

/** One cluster's inventory over a window. */
export interface ClusterCostInput {
  clusterId: string;
  clusterName: string;
  window: CostWindow;
  nodes: CostNode[];
  pods: CostPod[];
  pvcs: CostPvc[];
  services: CostService[];
}
