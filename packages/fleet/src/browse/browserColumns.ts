import type { KubeObject } from '@opspilot/core';
import { kubectlAge } from '../kubectlAge.js';

/** Columns the cluster browser shows for one kind beyond NAMESPACE and NAME, with the cells of one object. */
export interface BrowserColumns {
  head: string[];
  cells(o: KubeObject, now: Date): string[];
}

// biome-ignore lint/suspicious/noExplicitAny: objects from the cluster are read field by field, any field may be missing
type Any = Record<string, any>;
const spec = (o: KubeObject): Any => (o.spec ?? {}) as Any;
const status = (o: KubeObject): Any => (o.status ?? {}) as Any;
const age = (o: KubeObject, now: Date) => kubectlAge(o.metadata.creationTimestamp, now);
const n = (v: unknown) => String(typeof v === 'number' ? v : 0);
const joined = (values: string[]) => (values.length === 0 ? '<none>' : values.join(','));

function nodeStatus(o: KubeObject): string {
  const ready = (status(o).conditions ?? []).find((c: Any) => c.type === 'Ready');
  const text = ready?.status === 'True' ? 'Ready' : 'NotReady';
  return spec(o).unschedulable ? `${text},SchedulingDisabled` : text;
}

function nodeRoles(o: KubeObject): string {
  const prefix = 'node-role.kubernetes.io/';
  return joined(
    Object.keys(o.metadata.labels ?? {})
      .filter((k) => k.startsWith(prefix))
      .map((k) => k.slice(prefix.length)),
  );
}

function servicePorts(o: KubeObject): string {
  const ports = (spec(o).ports ?? []) as Any[];
  return joined(ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`));
}

function externalIp(o: KubeObject): string {
  const ingress = (status(o).loadBalancer?.ingress ?? []) as Any[];
  const ips = [...(spec(o).externalIPs ?? []), ...ingress.map((i) => i.ip ?? i.hostname)];
  if (ips.length > 0) return ips.join(',');
  return spec(o).type === 'LoadBalancer' ? '<pending>' : '<none>';
}

/**
 * What the browser shows per kind, following `kubectl get`'s columns: nodes `STATUS ROLES AGE VERSION`, services
 * `TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE`, claims `STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS AGE`, and so on.
 * Pods and Deployments are not here: they come from `kubectlTable` itself.
 * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_get/
 */
export const BROWSER_COLUMNS: Record<string, BrowserColumns> = {
  Node: {
    head: ['STATUS', 'ROLES', 'AGE', 'VERSION'],
    cells: (o, now) => [nodeStatus(o), nodeRoles(o), age(o, now), status(o).nodeInfo?.kubeletVersion ?? ''],
  },
  Namespace: { head: ['STATUS', 'AGE'], cells: (o, now) => [status(o).phase ?? 'Active', age(o, now)] },
  StatefulSet: {
    head: ['READY', 'AGE'],
    cells: (o, now) => [`${n(status(o).readyReplicas)}/${n(spec(o).replicas ?? 1)}`, age(o, now)],
  },
  DaemonSet: {
    head: ['DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    cells: (o, now) => {
      const s = status(o);
      const counts = [s.desiredNumberScheduled, s.currentNumberScheduled, s.numberReady];
      return [...counts.map(n), n(s.updatedNumberScheduled), n(s.numberAvailable), age(o, now)];
    },
  },
  Job: {
    head: ['COMPLETIONS', 'AGE'],
    cells: (o, now) => [`${n(status(o).succeeded)}/${n(spec(o).completions ?? 1)}`, age(o, now)],
  },
  CronJob: {
    head: ['SCHEDULE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
    cells: (o, now) => [
      spec(o).schedule ?? '',
      String(spec(o).suspend ?? false),
      String((status(o).active ?? []).length),
      status(o).lastScheduleTime ? kubectlAge(status(o).lastScheduleTime, now) : '<none>',
      age(o, now),
    ],
  },
  Service: {
    head: ['TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    cells: (o, now) => [
      spec(o).type ?? 'ClusterIP',
      spec(o).clusterIP ?? '<none>',
      externalIp(o),
      servicePorts(o),
      age(o, now),
    ],
  },
  Ingress: {
    head: ['CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
    cells: (o, now) => {
      const hosts = ((spec(o).rules ?? []) as Any[]).map((r) => r.host).filter(Boolean);
      const lb = (status(o).loadBalancer?.ingress ?? []) as Any[];
      return [
        spec(o).ingressClassName ?? '<none>',
        hosts.length > 0 ? hosts.join(',') : '*',
        lb.map((i) => i.ip ?? i.hostname).join(','),
        (spec(o).tls ?? []).length > 0 ? '80, 443' : '80',
        age(o, now),
      ];
    },
  },
  PersistentVolumeClaim: {
    head: ['STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'AGE'],
    cells: (o, now) => [
      status(o).phase ?? 'Pending',
      spec(o).volumeName ?? '',
      status(o).capacity?.storage ?? '',
      ((status(o).accessModes ?? spec(o).accessModes ?? []) as string[])
        .map((m) => ({ ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX' })[m] ?? m)
        .join(','),
      spec(o).storageClassName ?? '',
      age(o, now),
    ],
  },
};
