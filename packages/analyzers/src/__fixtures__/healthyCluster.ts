import type { KubeObject } from '@opspilot/core';
import { obj, ownedBy, pod, event } from './cluster.js';

const NS = 'shop';
const webContainer = {
  name: 'web',
  image: 'nginx:1.27',
  ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
  envFrom: [{ configMapRef: { name: 'web-config' } }],
  env: [{ name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'web-secret', key: 'password' } } }],
  resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
  readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 10, failureThreshold: 3 },
  livenessProbe: { httpGet: { path: '/live', port: 8080 } },
};
const webPodSpec = {
  containers: [webContainer],
  serviceAccountName: 'web',
  volumes: [{ name: 'conf', configMap: { name: 'web-config' } }],
};

/** A handle on a fixture cluster: all its objects, and one by kind and name to change it. */
export interface FixtureCluster {
  objects: KubeObject[];
  find(kind: string, name: string): KubeObject;
  add(...objects: KubeObject[]): FixtureCluster;
  remove(kind: string, name: string): FixtureCluster;
}

function handle(objects: KubeObject[]): FixtureCluster {
  const cluster: FixtureCluster = {
    objects,
    find(kind, name) {
      const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
      if (!found) throw new Error(`fixture has no ${kind} ${name}`);
      return found;
    },
    add(...more) {
      objects.push(...more);
      return cluster;
    },
    remove(kind, name) {
      const i = objects.indexOf(cluster.find(kind, name));
      objects.splice(i, 1);
      return cluster;
    },
  };
  return cluster;
}

/**
 * A small, entirely healthy cluster touching every kind the analyzers read: namespace `shop` with a Deployment
 * `web` (ReplicaSet, two pods, Service, Endpoints, Ingress, HPA, PDB, NetworkPolicy, ConfigMap, Secrets, RBAC), a
 * StatefulSet `db` with a bound claim, a DaemonSet `agent`, a Job and a CronJob, a webhook, a quota and a node.
 * Every analyzer must report nothing on it; tests break one thing each. Fresh objects on every call.
 */
export function healthyCluster(): FixtureCluster {
  const node = obj('v1', 'Node', 'worker-1', undefined, {
    spec: {},
    status: {
      conditions: [
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory' },
        { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure' },
        { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID' },
      ],
      allocatable: { cpu: '4', memory: '8Gi', pods: '110' },
    },
  });
  const web = obj('apps/v1', 'Deployment', 'web', NS, {
    labels: { app: 'web' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: webPodSpec },
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: 1,
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      conditions: [
        { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
        { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
      ],
    },
  });
  web.metadata.generation = 1;
  const rs = obj('apps/v1', 'ReplicaSet', 'web-5d8f7', NS, {
    labels: { app: 'web', 'pod-template-hash': '5d8f7' },
    ownerReferences: ownedBy(web),
    spec: { replicas: 2, selector: { matchLabels: { app: 'web', 'pod-template-hash': '5d8f7' } } },
    status: { replicas: 2, readyReplicas: 2, availableReplicas: 2, fullyLabeledReplicas: 2 },
  });
  const podLabels = { app: 'web', 'pod-template-hash': '5d8f7' };
  const web1 = pod('web-5d8f7-abcde', NS, webPodSpec, { labels: podLabels, ownerReferences: ownedBy(rs) });
  const web2 = pod('web-5d8f7-fghij', NS, webPodSpec, { labels: podLabels, ownerReferences: ownedBy(rs) });
  const db = obj('apps/v1', 'StatefulSet', 'db', NS, {
    spec: {
      replicas: 1,
      serviceName: 'db',
      selector: { matchLabels: { app: 'db' } },
      template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres:16' }] } },
    },
    status: { replicas: 1, readyReplicas: 1, currentReplicas: 1, updatedReplicas: 1, availableReplicas: 1 },
  });
  const db0 = pod(
    'db-0',
    NS,
    {
      containers: [{ name: 'db', image: 'postgres:16', ports: [{ containerPort: 5432 }] }],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-db-0' } }],
    },
    { labels: { app: 'db' }, ownerReferences: ownedBy(db) },
  );
  const agent = obj('apps/v1', 'DaemonSet', 'agent', 'kube-system', {
    spec: { selector: { matchLabels: { app: 'agent' } }, template: { spec: { containers: [{ name: 'agent', image: 'busybox:1.36' }] } } },
    status: { desiredNumberScheduled: 1, currentNumberScheduled: 1, numberReady: 1, numberAvailable: 1, updatedNumberScheduled: 1, numberMisscheduled: 0 },
  });
  const agentPod = pod('agent-x7k2p', 'kube-system', { containers: [{ name: 'agent', image: 'busybox:1.36' }] }, { labels: { app: 'agent' }, ownerReferences: ownedBy(agent) });
  const job = obj('batch/v1', 'Job', 'migrate', NS, {
    spec: { backoffLimit: 6, template: { spec: { containers: [{ name: 'migrate', image: 'busybox:1.36' }], restartPolicy: 'Never' } } },
    status: { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] },
  });
  const cron = obj('batch/v1', 'CronJob', 'nightly', NS, {
    spec: { schedule: '0 3 * * *', suspend: false, jobTemplate: { spec: { template: { spec: { containers: [{ name: 'n', image: 'busybox:1.36' }] } } } } },
    status: { lastScheduleTime: '2026-01-01T03:00:00Z' },
  });
  return handle([
    obj('v1', 'Namespace', NS, undefined, { status: { phase: 'Active' } }),
    node,
    web,
    rs,
    web1,
    web2,
    db,
    db0,
    agent,
    agentPod,
    job,
    cron,
    obj('v1', 'Service', 'web', NS, { spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] } }),
    obj('v1', 'Endpoints', 'web', NS, {
      subsets: [{ addresses: [{ ip: '10.244.1.7' }, { ip: '10.244.1.8' }], ports: [{ name: 'http', port: 8080 }] }],
    }),
    obj('v1', 'Service', 'db', NS, { spec: { selector: { app: 'db' }, ports: [{ port: 5432, targetPort: 5432 }] } }),
    obj('v1', 'Endpoints', 'db', NS, { subsets: [{ addresses: [{ ip: '10.244.1.9' }], ports: [{ port: 5432 }] }] }),
    obj('v1', 'Service', 'policy', NS, { spec: { ports: [{ port: 443, targetPort: 8443 }] } }),
    obj('v1', 'ConfigMap', 'web-config', NS, { data: { LOG_LEVEL: 'info' } }),
    obj('v1', 'Secret', 'web-secret', NS, { type: 'Opaque', data: { password: Buffer.from('s3cr3t-Pa55word').toString('base64') } }),
    obj('v1', 'Secret', 'web-tls', NS, { type: 'kubernetes.io/tls', data: { 'tls.crt': btoa('-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----'), 'tls.key': btoa('-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49\n-----END PRIVATE KEY-----') } }),
    obj('networking.k8s.io/v1', 'IngressClass', 'nginx', undefined, { spec: { controller: 'k8s.io/ingress-nginx' } }),
    obj('networking.k8s.io/v1', 'Ingress', 'web', NS, {
      spec: {
        ingressClassName: 'nginx',
        tls: [{ hosts: ['shop.example.com'], secretName: 'web-tls' }],
        rules: [
          {
            host: 'shop.example.com',
            http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] },
          },
        ],
      },
    }),
    obj('storage.k8s.io/v1', 'StorageClass', 'standard', undefined, { provisioner: 'rancher.io/local-path' }),
    obj('v1', 'PersistentVolumeClaim', 'data-db-0', NS, {
      spec: { storageClassName: 'standard', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      status: { phase: 'Bound' },
    }),
    obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'web', NS, {
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 2,
        maxReplicas: 5,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      },
      status: { currentReplicas: 2, desiredReplicas: 2 },
    }),
    obj('policy/v1', 'PodDisruptionBudget', 'web', NS, {
      spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } },
      status: { currentHealthy: 2, desiredHealthy: 1, disruptionsAllowed: 1, expectedPods: 2 },
    }),
    obj('networking.k8s.io/v1', 'NetworkPolicy', 'web-ingress', NS, {
      spec: { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] },
    }),
    obj('v1', 'ServiceAccount', 'default', NS),
    obj('v1', 'ServiceAccount', 'web', NS),
    obj('rbac.authorization.k8s.io/v1', 'Role', 'web-reader', NS, { rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }] }),
    obj('rbac.authorization.k8s.io/v1', 'RoleBinding', 'web-reader', NS, {
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'web-reader' },
      subjects: [{ kind: 'ServiceAccount', name: 'web', namespace: NS }],
    }),
    obj('rbac.authorization.k8s.io/v1', 'ClusterRole', 'view', undefined, { rules: [] }),
    obj('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'web-view', undefined, {
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subjects: [{ kind: 'ServiceAccount', name: 'web', namespace: NS }, { kind: 'User', name: 'alice' }],
    }),
    obj('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'shop-policy', undefined, {
      webhooks: [{ name: 'policy.shop.example.com', clientConfig: { service: { name: 'policy', namespace: NS, path: '/validate' } } }],
    }),
    obj('v1', 'ResourceQuota', 'compute', NS, {
      spec: { hard: { pods: '20', 'requests.cpu': '4' } },
      status: { hard: { pods: '20', 'requests.cpu': '4' }, used: { pods: '5', 'requests.cpu': '500m' } },
    }),
    event(web1, 'Normal', 'Scheduled', 'Successfully assigned shop/web-5d8f7-abcde to worker-1'),
  ]);
}
