/** The shape and on-demand price of one instance type (Linux, on-demand, a main region; list prices of 2024–2025). */
export interface InstanceTypePrice {
  /** Price of the whole node per hour. */
  hourly: number;
  vcpu: number;
  memoryGib: number;
  gpus?: number;
}

/**
 * OpenCost's default base prices: they split a node's price between CPU, memory and GPU in proportion to
 * `vcpu × CPU + GiB × RAM + gpus × GPU`, and they are the flat on-prem prices when nothing else is known.
 * @see https://www.opencost.io/docs/configuration/on-prem
 */
export const OPENCOST_BASE_PRICES = { cpuCoreHour: 0.031611, memoryGibHour: 0.004237, gpuHour: 0.95 } as const;

/** Per GiB-month of a volume whose storage class has no price (OpenCost's default, 0.04 USD). */
export const DEFAULT_STORAGE_GIB_MONTH = 0.04;

/** A LoadBalancer Service per hour (AWS Classic/NLB, GCP forwarding rule and Azure Standard LB are all near this). */
export const DEFAULT_LOAD_BALANCER_HOUR = 0.025;

/** Internet egress per GiB (first tier of the three clouds). */
export const DEFAULT_EGRESS_GIB = 0.09;

/** Hours in an average month (365 × 24 / 12), as the clouds bill. */
export const HOURS_PER_MONTH = 730;

/**
 * Node labels that mark spot / preemptible capacity, with the discount from on-demand applied to the node's price
 * (0.7 = the node costs 30 % of on-demand). Users override them in the pricing file (`spot`).
 */
export const DEFAULT_SPOT_LABELS: readonly { label: string; discount: number }[] = [
  { label: 'karpenter.sh/capacity-type=spot', discount: 0.7 },
  { label: 'eks.amazonaws.com/capacityType=SPOT', discount: 0.7 },
  { label: 'cloud.google.com/gke-spot=true', discount: 0.7 },
  { label: 'cloud.google.com/gke-preemptible=true', discount: 0.7 },
  { label: 'kubernetes.azure.com/scalesetpriority=spot', discount: 0.7 },
];

const t = (hourly: number, vcpu: number, memoryGib: number, gpus?: number): InstanceTypePrice =>
  gpus ? { hourly, vcpu, memoryGib, gpus } : { hourly, vcpu, memoryGib };

/**
 * Documented defaults for common on-demand instance families of AWS (us-east-1), GCP (us-central1) and Azure
 * (East US). Edit or extend them in the pricing file; prices change, so treat them as a starting point.
 */
export const DEFAULT_INSTANCE_TYPES: Readonly<Record<string, InstanceTypePrice>> = {
  // AWS EC2
  't3.medium': t(0.0416, 2, 4),
  't3.large': t(0.0832, 2, 8),
  't3.xlarge': t(0.1664, 4, 16),
  'm5.large': t(0.096, 2, 8),
  'm5.xlarge': t(0.192, 4, 16),
  'm5.2xlarge': t(0.384, 8, 32),
  'm5.4xlarge': t(0.768, 16, 64),
  'm6i.large': t(0.096, 2, 8),
  'm6i.xlarge': t(0.192, 4, 16),
  'm6i.2xlarge': t(0.384, 8, 32),
  'm7g.large': t(0.0816, 2, 8),
  'm7g.xlarge': t(0.1632, 4, 16),
  'c5.large': t(0.085, 2, 4),
  'c5.xlarge': t(0.17, 4, 8),
  'c5.2xlarge': t(0.34, 8, 16),
  'r5.large': t(0.126, 2, 16),
  'r5.xlarge': t(0.252, 4, 32),
  'r5.2xlarge': t(0.504, 8, 64),
  'g4dn.xlarge': t(0.526, 4, 16, 1),
  'p3.2xlarge': t(3.06, 8, 61, 1),
  // Google Compute Engine
  'e2-medium': t(0.033503, 2, 4),
  'e2-standard-2': t(0.067006, 2, 8),
  'e2-standard-4': t(0.134012, 4, 16),
  'e2-standard-8': t(0.268024, 8, 32),
  'n1-standard-1': t(0.0475, 1, 3.75),
  'n1-standard-2': t(0.095, 2, 7.5),
  'n1-standard-4': t(0.19, 4, 15),
  'n2-standard-2': t(0.097118, 2, 8),
  'n2-standard-4': t(0.194236, 4, 16),
  'n2-standard-8': t(0.388472, 8, 32),
  'a2-highgpu-1g': t(3.673385, 12, 85, 1),
  // Azure virtual machines
  Standard_B2s: t(0.0416, 2, 4),
  Standard_D2s_v3: t(0.096, 2, 8),
  Standard_D4s_v3: t(0.192, 4, 16),
  Standard_D8s_v3: t(0.384, 8, 32),
  Standard_D2s_v5: t(0.096, 2, 8),
  Standard_D4s_v5: t(0.192, 4, 16),
  Standard_E2s_v3: t(0.126, 2, 16),
  Standard_F4s_v2: t(0.169, 4, 8),
  Standard_NC6s_v3: t(3.06, 6, 112, 1),
};

/** Default prices per GiB-month of common storage classes. */
export const DEFAULT_STORAGE_CLASSES: Readonly<Record<string, number>> = {
  gp2: 0.1,
  gp3: 0.08,
  io1: 0.125,
  'standard-rwo': 0.04,
  'premium-rwo': 0.17,
  standard: 0.04,
  'managed-csi': 0.075,
  'managed-csi-premium': 0.15,
};
