/**
 * One minimal valid object of every built-in kind the simulated cluster stores, with the API path to create it and
 * the required fields whose absence the real API server refuses (422 Invalid naming the field) — for admission
 * tests and the fuzz suite.
 */
export interface BuiltinCase {
  /** Collection path in namespace `default` (or cluster-scoped). */
  path: string;
  object: Record<string, unknown>;
  /** Dotted paths of required fields (array indices as numbers), each refused when left out. */
  required: string[];
}

const container = { name: 'app', image: 'nginx:1.27' };
const podTemplate = { metadata: { labels: { app: 'x' } }, spec: { containers: [container] } };
const jobTemplate = { spec: { containers: [container], restartPolicy: 'Never' } };
const ns = '/namespaces/default';
const webhooks = (path: string) => [
  {
    name: 'x.example.com',
    clientConfig: { url: `https://example.com/${path}` },
    sideEffects: 'None',
    admissionReviewVersions: ['v1'],
  },
];

/** Keyed by kind (`Kind` or `Kind@group/version` where one kind is served twice). */
export const BUILTIN_CASES: Record<string, BuiltinCase> = {
  Namespace: { path: '/api/v1/namespaces', object: { metadata: { name: 'x' } }, required: [] },
  Node: { path: '/api/v1/nodes', object: { metadata: { name: 'x' } }, required: [] },
  Pod: {
    path: `/api/v1${ns}/pods`,
    object: { metadata: { name: 'x' }, spec: { containers: [container] } },
    required: ['spec.containers', 'spec.containers.0.name', 'spec.containers.0.image'],
  },
  Service: {
    path: `/api/v1${ns}/services`,
    object: { metadata: { name: 'x' }, spec: { ports: [{ port: 80 }] } },
    required: ['spec.ports'],
  },
  Endpoints: {
    path: `/api/v1${ns}/endpoints`,
    object: { metadata: { name: 'x' }, subsets: [{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }] },
    required: ['subsets.0.addresses.0.ip', 'subsets.0.ports.0.port'],
  },
  ConfigMap: { path: `/api/v1${ns}/configmaps`, object: { metadata: { name: 'x' } }, required: [] },
  Secret: { path: `/api/v1${ns}/secrets`, object: { metadata: { name: 'x' } }, required: [] },
  ServiceAccount: { path: `/api/v1${ns}/serviceaccounts`, object: { metadata: { name: 'x' } }, required: [] },
  PersistentVolume: {
    path: '/api/v1/persistentvolumes',
    object: {
      metadata: { name: 'x' },
      spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } },
    },
    required: ['spec.hostPath.path'],
  },
  PersistentVolumeClaim: {
    path: `/api/v1${ns}/persistentvolumeclaims`,
    object: {
      metadata: { name: 'x' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    },
    required: [],
  },
  ResourceQuota: {
    path: `/api/v1${ns}/resourcequotas`,
    object: { metadata: { name: 'x' }, spec: { hard: { pods: '10' } } },
    required: [],
  },
  LimitRange: {
    path: `/api/v1${ns}/limitranges`,
    object: { metadata: { name: 'x' }, spec: { limits: [{ type: 'Container', max: { cpu: '2' } }] } },
    required: ['spec.limits.0.type'],
  },
  Deployment: {
    path: `/apis/apps/v1${ns}/deployments`,
    object: { metadata: { name: 'x' }, spec: { selector: { matchLabels: { app: 'x' } }, template: podTemplate } },
    required: ['spec.selector', 'spec.template', 'spec.template.spec.containers.0.name'],
  },
  ReplicaSet: {
    path: `/apis/apps/v1${ns}/replicasets`,
    object: {
      metadata: { name: 'x' },
      spec: { replicas: 0, selector: { matchLabels: { app: 'x' } }, template: podTemplate },
    },
    required: ['spec.selector'],
  },
  StatefulSet: {
    path: `/apis/apps/v1${ns}/statefulsets`,
    object: {
      metadata: { name: 'x' },
      spec: { replicas: 0, serviceName: 'x', selector: { matchLabels: { app: 'x' } }, template: podTemplate },
    },
    required: ['spec.selector', 'spec.template'],
  },
  DaemonSet: {
    path: `/apis/apps/v1${ns}/daemonsets`,
    object: {
      metadata: { name: 'x' },
      spec: { selector: { matchLabels: { app: 'x' } }, template: podTemplate },
    },
    required: ['spec.selector', 'spec.template'],
  },
  ControllerRevision: {
    path: `/apis/apps/v1${ns}/controllerrevisions`,
    object: { metadata: { name: 'x' }, revision: 1 },
    required: [],
  },
  Job: {
    path: `/apis/batch/v1${ns}/jobs`,
    object: { metadata: { name: 'x' }, spec: { template: jobTemplate } },
    required: ['spec.template.spec.containers', 'spec.template.spec.containers.0.image'],
  },
  CronJob: {
    path: `/apis/batch/v1${ns}/cronjobs`,
    object: {
      metadata: { name: 'x' },
      spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: jobTemplate } } },
    },
    required: ['spec.schedule', 'spec.jobTemplate', 'spec.jobTemplate.spec.template.spec.containers'],
  },
  HorizontalPodAutoscaler: {
    path: `/apis/autoscaling/v2${ns}/horizontalpodautoscalers`,
    object: {
      metadata: { name: 'x' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'x' },
        maxReplicas: 3,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
      },
    },
    required: [
      'spec.scaleTargetRef',
      'spec.scaleTargetRef.kind',
      'spec.scaleTargetRef.name',
      'spec.maxReplicas',
      'spec.metrics.0.type',
      'spec.metrics.0.resource',
      'spec.metrics.0.resource.name',
      'spec.metrics.0.resource.target',
      'spec.metrics.0.resource.target.type',
    ],
  },
  'HorizontalPodAutoscaler@autoscaling/v1': {
    path: `/apis/autoscaling/v1${ns}/horizontalpodautoscalers`,
    object: {
      metadata: { name: 'x1' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'x' }, maxReplicas: 3 },
    },
    required: ['spec.scaleTargetRef', 'spec.scaleTargetRef.name', 'spec.maxReplicas'],
  },
  PodDisruptionBudget: {
    path: `/apis/policy/v1${ns}/poddisruptionbudgets`,
    object: { metadata: { name: 'x' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'x' } } } },
    required: [],
  },
  Ingress: {
    path: `/apis/networking.k8s.io/v1${ns}/ingresses`,
    object: {
      metadata: { name: 'x' },
      spec: {
        rules: [
          {
            http: {
              paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'x', port: { number: 80 } } } }],
            },
          },
        ],
      },
    },
    required: [
      'spec.rules.0.http.paths',
      'spec.rules.0.http.paths.0.pathType',
      'spec.rules.0.http.paths.0.backend',
      'spec.rules.0.http.paths.0.backend.service.name',
    ],
  },
  IngressClass: {
    path: '/apis/networking.k8s.io/v1/ingressclasses',
    object: { metadata: { name: 'x' }, spec: { controller: 'example.com/ingress' } },
    required: [],
  },
  NetworkPolicy: {
    path: `/apis/networking.k8s.io/v1${ns}/networkpolicies`,
    object: { metadata: { name: 'x' }, spec: { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] } },
    required: ['spec.ingress.0.from.0.ipBlock.cidr'],
  },
  EndpointSlice: {
    path: `/apis/discovery.k8s.io/v1${ns}/endpointslices`,
    object: { metadata: { name: 'x' }, addressType: 'IPv4', endpoints: [{ addresses: ['10.0.0.1'] }] },
    required: ['addressType', 'endpoints.0.addresses'],
  },
  StorageClass: {
    path: '/apis/storage.k8s.io/v1/storageclasses',
    object: { metadata: { name: 'x' }, provisioner: 'example.com/disk' },
    required: ['provisioner'],
  },
  PriorityClass: {
    path: '/apis/scheduling.k8s.io/v1/priorityclasses',
    object: { metadata: { name: 'x' }, value: 1000 },
    required: [],
  },
  ValidatingWebhookConfiguration: {
    path: '/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations',
    object: {
      metadata: { name: 'x' },
      webhooks: webhooks('validate'),
    },
    required: ['webhooks.0.name', 'webhooks.0.clientConfig', 'webhooks.0.sideEffects', 'webhooks.0.admissionReviewVersions'],
  },
  MutatingWebhookConfiguration: {
    path: '/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations',
    object: {
      metadata: { name: 'x' },
      webhooks: webhooks('mutate'),
    },
    required: ['webhooks.0.name', 'webhooks.0.sideEffects'],
  },
  Role: {
    path: `/apis/rbac.authorization.k8s.io/v1${ns}/roles`,
    object: { metadata: { name: 'x' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] },
    required: ['rules.0.verbs'],
  },
  RoleBinding: {
    path: `/apis/rbac.authorization.k8s.io/v1${ns}/rolebindings`,
    object: {
      metadata: { name: 'x' },
      subjects: [{ kind: 'User', name: 'alice' }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'x' },
    },
    required: ['roleRef', 'roleRef.kind', 'roleRef.name', 'subjects.0.kind', 'subjects.0.name'],
  },
  ClusterRole: {
    path: '/apis/rbac.authorization.k8s.io/v1/clusterroles',
    object: { metadata: { name: 'x' }, rules: [{ nonResourceURLs: ['/healthz'], verbs: ['get'] }] },
    required: ['rules.0.verbs'],
  },
  ClusterRoleBinding: {
    path: '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
    object: {
      metadata: { name: 'x' },
      subjects: [{ kind: 'Group', name: 'dev' }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
    },
    required: ['roleRef', 'roleRef.name', 'subjects.0.name'],
  },
  CustomResourceDefinition: {
    path: '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
    object: {
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        names: { plural: 'widgets', kind: 'Widget' },
        scope: 'Namespaced',
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
          },
        ],
      },
    },
    required: ['spec.group', 'spec.names', 'spec.names.plural', 'spec.names.kind', 'spec.scope', 'spec.versions'],
  },
  Lease: { path: `/apis/coordination.k8s.io/v1${ns}/leases`, object: { metadata: { name: 'x' } }, required: [] },
  Event: {
    path: `/api/v1${ns}/events`,
    object: { metadata: { name: 'x' }, involvedObject: { kind: 'Pod', name: 'x', namespace: 'default' }, reason: 'R' },
    required: [],
  },
};

/** The field path of a cause: `spec.containers.0.name` -> `spec.containers[0].name`. */
export function causeField(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

/** A copy of `object` without the field at the dotted `path`. */
export function without(object: Record<string, unknown>, path: string): Record<string, unknown> {
  const copy = structuredClone(object);
  const keys = path.split('.');
  let cursor: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) cursor = cursor[key] as Record<string, unknown>;
  delete cursor[keys.at(-1)!];
  return copy;
}
