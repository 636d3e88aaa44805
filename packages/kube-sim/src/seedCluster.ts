import { nodeObject } from './nodeObject.js';
import type { SimApi } from './server/simApi.js';

/**
 * What every simulated cluster starts with, as a kind cluster does: the system namespaces with their `default`
 * service accounts, the `kubernetes` service (10.96.0.1), a `standard` default StorageClass and `nodes` Ready nodes
 * with capacity.
 * @see https://kind.sigs.k8s.io/docs/user/quick-start/
 */
export function seedCluster(api: SimApi, nodes: number): void {
  const type = (group: string, version: string, plural: string) => api.registry.find(group, version, plural)!;
  const create = (group: string, version: string, plural: string, obj: Record<string, unknown>) => {
    api.write.store.create(type(group, version, plural), { apiVersion: '', kind: '', ...obj } as never);
  };
  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    create('', 'v1', 'namespaces', {
      metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
    create('', 'v1', 'serviceaccounts', { metadata: { name: 'default', namespace: name } });
  }
  create('', 'v1', 'services', {
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      sessionAffinity: 'None',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
    },
    status: { loadBalancer: {} },
  });
  create('storage.k8s.io', 'v1', 'storageclasses', {
    metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  });
  const now = api
    .now()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  for (let i = 1; i <= nodes; i++) {
    const name = i === 1 ? 'sim-control-plane' : `sim-worker-${i - 1}`;
    const resources = { cpu: '4', memory: '16Gi', pods: '110', 'ephemeral-storage': '100Gi' };
    create(
      '',
      'v1',
      'nodes',
      nodeObject({
        name,
        index: i,
        capacity: resources,
        allocatable: { ...resources, cpu: '3800m', memory: '15Gi' },
        ...(i === 1 ? { labels: { 'node-role.kubernetes.io/control-plane': '' } } : {}),
        // kind taints its control plane unless it is the only node (then it removes the taint).
        ...(i === 1 && nodes > 1
          ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }
          : {}),
        now,
      }),
    );
  }
}
