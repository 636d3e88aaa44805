/** What {@link nodeObject} builds a Node from. */
export interface NodeShape {
  name: string;
  /** 1-based position in the cluster: picks the pod CIDR (`10.244.{n-1}.0/24`) and address (`172.18.0.{n+1}`). */
  index: number;
  capacity: Record<string, string>;
  allocatable: Record<string, string>;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  taints?: { key: string; value?: string; effect: string }[];
  /** `creationTimestamp`-style stamp of the conditions' heartbeats and transitions. */
  now: string;
}

/**
 * A Ready Node as a kind node registers itself: hostname, OS and architecture labels, capacity and allocatable, the
 * four kubelet conditions, addresses and node info.
 * @see https://kubernetes.io/docs/reference/node/node-status/
 */
export function nodeObject(n: NodeShape): Record<string, unknown> {
  const condition = (type: string, status: string, reason: string, message?: string) => ({
    type,
    status,
    reason,
    ...(message ? { message } : {}),
    lastHeartbeatTime: n.now,
    lastTransitionTime: n.now,
  });
  return {
    metadata: {
      name: n.name,
      labels: {
        'kubernetes.io/hostname': n.name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        ...n.labels,
      },
      ...(n.annotations ? { annotations: n.annotations } : {}),
    },
    spec: { podCIDR: `10.244.${n.index - 1}.0/24`, ...(n.taints?.length ? { taints: n.taints } : {}) },
    status: {
      capacity: n.capacity,
      allocatable: n.allocatable,
      conditions: [
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID'),
      ],
      addresses: [
        { type: 'InternalIP', address: `172.18.0.${n.index + 1}` },
        { type: 'Hostname', address: n.name },
      ],
      nodeInfo: {
        kubeletVersion: 'v1.32.0',
        kubeProxyVersion: 'v1.32.0',
        kernelVersion: '6.1.0-opspilot',
        containerRuntimeVersion: 'containerd://1.7.18',
        osImage: 'opspilot simulated node',
        architecture: 'amd64',
        operatingSystem: 'linux',
      },
    },
  };
}
