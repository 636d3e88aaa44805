import type { KubeObject } from '../store/kubeObject.js';

type Json = Record<string, unknown>;

function defaultContainer(container: Json): void {
  const image = String(container.image ?? '');
  const tag = image.includes('@') ? 'digest' : (image.split('/').pop() ?? '').split(':')[1];
  container.imagePullPolicy ??= !tag || tag === 'latest' ? 'Always' : 'IfNotPresent';
  container.terminationMessagePath ??= '/dev/termination-log';
  container.terminationMessagePolicy ??= 'File';
  container.resources ??= {};
  for (const port of (container.ports as Json[] | undefined) ?? []) port.protocol ??= 'TCP';
}

/** Pod-spec defaults, as the API server applies them to pods and every pod template. */
export function defaultPodSpec(spec: Json): void {
  spec.restartPolicy ??= 'Always';
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  for (const c of [...((spec.initContainers as Json[]) ?? []), ...((spec.containers as Json[]) ?? [])])
    defaultContainer(c);
}

function defaultTemplate(spec: Json): void {
  const template = spec.template as { spec?: Json } | undefined;
  if (template?.spec) defaultPodSpec(template.spec);
}

/**
 * Applies the API server's defaults on create, so the stored object (and its pod-template hash) looks like a real
 * cluster's: pod and container fields, deployment strategy and history, service type and ports, namespace phase.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/
 */
export function applyDefaults(obj: KubeObject, allocateClusterIp: () => string): void {
  const spec = (obj.spec ?? {}) as Json;
  switch (obj.kind) {
    case 'Pod':
      obj.spec = spec;
      defaultPodSpec(spec);
      obj.status ??= { phase: 'Pending', qosClass: 'BestEffort' };
      break;
    case 'Deployment':
      obj.spec = spec;
      spec.replicas ??= 1;
      spec.strategy ??= { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
      spec.revisionHistoryLimit ??= 10;
      spec.progressDeadlineSeconds ??= 600;
      defaultTemplate(spec);
      break;
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
      obj.spec = spec;
      if (obj.kind !== 'DaemonSet') spec.replicas ??= 1;
      if (obj.kind === 'StatefulSet') spec.podManagementPolicy ??= 'OrderedReady';
      defaultTemplate(spec);
      break;
    case 'Job':
      obj.spec = spec;
      spec.backoffLimit ??= 6;
      spec.completions ??= 1;
      spec.parallelism ??= 1;
      defaultTemplate(spec);
      break;
    case 'Service': {
      obj.spec = spec;
      spec.type ??= 'ClusterIP';
      spec.sessionAffinity ??= 'None';
      if (spec.clusterIP !== 'None') {
        spec.clusterIP ??= allocateClusterIp();
        spec.clusterIPs ??= [spec.clusterIP];
      }
      for (const port of (spec.ports as Json[] | undefined) ?? []) {
        port.protocol ??= 'TCP';
        port.targetPort ??= port.port;
      }
      break;
    }
    case 'Namespace':
      obj.spec = { finalizers: ['kubernetes'], ...spec };
      obj.status = { phase: 'Active' };
      obj.metadata.labels = { ...obj.metadata.labels, 'kubernetes.io/metadata.name': obj.metadata.name };
      break;
    case 'Secret': {
      const stringData = obj.stringData as Record<string, string> | undefined;
      if (stringData) {
        const data = { ...((obj.data as Record<string, string> | undefined) ?? {}) };
        for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(String(v)).toString('base64');
        obj.data = data;
        delete obj.stringData;
      }
      obj.type ??= 'Opaque';
      break;
    }
    case 'PersistentVolumeClaim':
      obj.spec = spec;
      spec.volumeMode ??= 'Filesystem';
      obj.status ??= { phase: 'Pending' };
      break;
  }
}
