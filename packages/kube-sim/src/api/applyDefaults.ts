import type { KubeObject } from '../store/kubeObject.js';
import { admitPodSpec, defaultPodSpec, qosClassOf } from './defaultPodSpec.js';

type Json = Record<string, unknown>;

/**
 * Allocates what the API server hands out on create: cluster IPs (10.96.0.0/12) and node ports (30000-32767).
 * @see https://kubernetes.io/docs/concepts/services-networking/cluster-ip-allocation/
 */
export interface Allocator {
  clusterIp(): string;
  nodePort(): number;
}

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

function defaultTemplate(spec: Json): void {
  const template = isObject(spec.template) ? spec.template : undefined;
  if (template) {
    template.spec = isObject(template.spec) ? template.spec : {};
    defaultPodSpec(template.spec as Json);
  }
}

function defaultService(spec: Json, allocate: Allocator, previous?: Json): void {
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  if (previous) {
    spec.clusterIP ??= previous.clusterIP;
    spec.clusterIPs ??= previous.clusterIPs;
  }
  if (spec.type !== 'ExternalName') {
    spec.clusterIP ??= allocate.clusterIp();
    spec.clusterIPs ??= [spec.clusterIP];
    if (spec.clusterIP !== 'None') {
      spec.ipFamilies ??= ['IPv4'];
      spec.ipFamilyPolicy ??= 'SingleStack';
    }
    spec.internalTrafficPolicy ??= 'Cluster';
  }
  const nodePorts = spec.type === 'NodePort' || spec.type === 'LoadBalancer';
  if (nodePorts) spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  const oldPorts = list(previous?.ports);
  for (const port of list(spec.ports)) {
    port.protocol ??= 'TCP';
    port.targetPort ??= port.port;
    if (nodePorts) {
      const old = oldPorts.find((p) => p.port === port.port && (p.protocol ?? 'TCP') === port.protocol);
      port.nodePort ??= old?.nodePort ?? allocate.nodePort();
    }
  }
}

function defaultWorkload(obj: KubeObject, spec: Json): void {
  switch (obj.kind) {
    case 'Deployment':
      spec.replicas ??= 1;
      spec.strategy ??= { type: 'RollingUpdate' };
      if (isObject(spec.strategy) && (spec.strategy.type ?? 'RollingUpdate') === 'RollingUpdate') {
        spec.strategy.type = 'RollingUpdate';
        spec.strategy.rollingUpdate ??= {};
        const rolling = spec.strategy.rollingUpdate as Json;
        rolling.maxSurge ??= '25%';
        rolling.maxUnavailable ??= '25%';
      }
      spec.revisionHistoryLimit ??= 10;
      spec.progressDeadlineSeconds ??= 600;
      break;
    case 'ReplicaSet':
      spec.replicas ??= 1;
      break;
    case 'StatefulSet':
      spec.replicas ??= 1;
      spec.podManagementPolicy ??= 'OrderedReady';
      spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { partition: 0 } };
      spec.revisionHistoryLimit ??= 10;
      spec.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: 'Retain', whenScaled: 'Retain' };
      break;
    case 'DaemonSet':
      spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } };
      spec.revisionHistoryLimit ??= 10;
      break;
    case 'Job':
      if (spec.completions === undefined && spec.parallelism === undefined) {
        spec.completions = 1;
        spec.parallelism = 1;
      }
      spec.parallelism ??= 1;
      spec.backoffLimit ??= 6;
      spec.completionMode ??= 'NonIndexed';
      spec.suspend ??= false;
      spec.podReplacementPolicy ??= 'TerminatingOrFailed';
      break;
  }
  defaultTemplate(spec);
}

/**
 * Labels and selector the API server gives a Job (unless `manualSelector`): `batch.kubernetes.io/controller-uid`
 * and `job-name` on the template, the uid as selector. Needs the uid, so runs after it is assigned.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/job/#specifying-your-own-pod-selector
 */
export function defaultJobSelector(obj: KubeObject): void {
  const spec = (obj.spec ?? {}) as Json;
  if (spec.manualSelector === true || spec.selector || !obj.metadata.uid) return;
  const uid = obj.metadata.uid;
  const name = obj.metadata.name;
  spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
  if (!isObject(spec.template)) spec.template = {};
  const template = spec.template as Json;
  if (!isObject(template.metadata)) template.metadata = {};
  const metadata = template.metadata as Json;
  metadata.labels = {
    ...(metadata.labels as Json | undefined),
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': name,
    'controller-uid': uid,
    'job-name': name,
  };
}

function defaultOther(obj: KubeObject, spec: Json): void {
  switch (obj.kind) {
    case 'CronJob': {
      spec.concurrencyPolicy ??= 'Allow';
      spec.suspend ??= false;
      spec.successfulJobsHistoryLimit ??= 3;
      spec.failedJobsHistoryLimit ??= 1;
      const jobSpec = isObject(spec.jobTemplate) && isObject(spec.jobTemplate.spec) ? spec.jobTemplate.spec : undefined;
      if (jobSpec) defaultTemplate(jobSpec);
      break;
    }
    case 'HorizontalPodAutoscaler':
      spec.minReplicas ??= 1;
      if (obj.apiVersion === 'autoscaling/v2' && list(spec.metrics).length === 0) {
        spec.metrics = [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
        ];
      }
      break;
    case 'NetworkPolicy':
      spec.policyTypes ??= ['Ingress', ...(spec.egress ? ['Egress'] : [])];
      for (const rule of [...list(spec.ingress), ...list(spec.egress)])
        for (const port of list(rule.ports)) port.protocol ??= 'TCP';
      break;
    case 'PersistentVolumeClaim':
      spec.volumeMode ??= 'Filesystem';
      obj.status ??= { phase: 'Pending' };
      break;
    case 'PersistentVolume':
      spec.persistentVolumeReclaimPolicy ??= 'Retain';
      spec.volumeMode ??= 'Filesystem';
      obj.status ??= { phase: 'Pending' };
      break;
  }
}

function defaultCrd(obj: KubeObject, spec: Json): void {
  const names = (isObject(spec.names) ? spec.names : {}) as Json;
  names.singular ??= String(names.kind ?? '').toLowerCase();
  names.listKind ??= `${names.kind}List`;
  spec.conversion ??= { strategy: 'None' };
  const storage = list(spec.versions).find((v) => v.storage === true) ?? list(spec.versions)[0];
  const condition = (type: string, reason: string, message: string) => ({
    type,
    status: 'True',
    reason,
    message,
    lastTransitionTime: obj.metadata.creationTimestamp,
  });
  obj.status = {
    acceptedNames: names,
    storedVersions: storage ? [storage.name] : [],
    conditions: [
      condition('NamesAccepted', 'NoConflicts', 'no conflicts found'),
      condition('Established', 'InitialNamesAccepted', 'the initial names have been accepted'),
    ],
  };
}

/**
 * Applies the API server's defaults, on create and again on every update (so re-sending a manifest changes
 * nothing): pod and container fields, workload strategies and history limits, service type, cluster IP, node ports
 * and target ports (kept from `previous` on update), namespace phase and finalizer, secret `stringData`, claim and
 * volume modes, CRD names and conditions. Pods also get their admission defaults and a Pending status on create.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/
 */
export function applyDefaults(obj: KubeObject, allocate: Allocator, previous?: KubeObject): void {
  const spec = (isObject(obj.spec) ? obj.spec : {}) as Json;
  // Kinds without a spec field: giving them `spec: {}` makes clients that decode strictly (helm's upgrade) fail.
  const hasSpec = ![
    'Namespace',
    'Secret',
    'ConfigMap',
    'StorageClass',
    'Event',
    'ServiceAccount',
    'Role',
    'ClusterRole',
    'RoleBinding',
    'ClusterRoleBinding',
    'Endpoints',
    'EndpointSlice',
    'PriorityClass',
  ].includes(obj.kind);
  if (hasSpec && obj.spec === undefined) obj.spec = spec;
  switch (obj.kind) {
    case 'Pod':
      obj.spec = spec;
      defaultPodSpec(spec);
      admitPodSpec(spec);
      if (!previous) obj.status = { phase: 'Pending', qosClass: qosClassOf(spec) };
      return;
    case 'Service':
      defaultService(spec, allocate, previous?.spec as Json | undefined);
      return;
    case 'Namespace':
      obj.spec = { finalizers: ['kubernetes'], ...(isObject(obj.spec) ? obj.spec : {}) };
      if (!previous) obj.status = { phase: 'Active' };
      obj.metadata.labels = { ...obj.metadata.labels, 'kubernetes.io/metadata.name': obj.metadata.name };
      return;
    case 'Secret': {
      const stringData = obj.stringData as Record<string, unknown> | undefined;
      if (isObject(stringData)) {
        const data = { ...((obj.data as Record<string, string> | undefined) ?? {}) };
        for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(String(v)).toString('base64');
        obj.data = data;
      }
      delete obj.stringData;
      obj.type ??= 'Opaque';
      return;
    }
    case 'StorageClass':
      obj.reclaimPolicy ??= 'Delete';
      obj.volumeBindingMode ??= 'Immediate';
      return;
    case 'PriorityClass':
      obj.preemptionPolicy ??= 'PreemptLowerPriority';
      return;
    case 'CustomResourceDefinition':
      if (!previous) defaultCrd(obj, spec);
      return;
  }
  if (['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job'].includes(obj.kind)) defaultWorkload(obj, spec);
  else defaultOther(obj, spec);
}
