import type { KubeObject } from '../../store/kubeObject.js';
import { AGE, abbreviate, column, field, formatLabels, type Json, list, type Printer, wide } from './columns.js';
import { since } from './humanDuration.js';

const int = { type: 'integer' };
const age = (o: KubeObject, now: Date) => since(o.metadata.creationTimestamp, now);
const ACCESS_MODES: Record<string, string> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};
const accessModes = (spec: Json) =>
  ((spec.accessModes as string[] | undefined) ?? []).map((m) => ACCESS_MODES[m] ?? m).join(',');

function externalIp(spec: Json, status: Json): string {
  const external = (spec.externalIPs as string[] | undefined) ?? [];
  switch (spec.type) {
    case 'LoadBalancer': {
      const ingress = list(field(status, 'loadBalancer'), 'ingress').map((i) => String(i.ip ?? i.hostname));
      const all = [...ingress, ...external];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return String(spec.externalName ?? '<none>');
    default:
      return external.length > 0 ? external.join(',') : '<none>';
  }
}

function servicePorts(spec: Json): string {
  const ports = list(spec, 'ports');
  if (ports.length === 0) return '<none>';
  return ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
}

function nodeStatus(node: KubeObject): string {
  const ready = list(field(node, 'status'), 'conditions').find((c) => c.type === 'Ready');
  const state = ready?.status === 'True' ? 'Ready' : ready?.status === 'False' ? 'NotReady' : 'Unknown';
  return `${state}${field(node, 'spec').unschedulable ? ',SchedulingDisabled' : ''}`;
}

function nodeAddress(node: KubeObject, type: string): string {
  const found = list(field(node, 'status'), 'addresses').find((a) => a.type === type);
  return found ? String(found.address) : '<none>';
}

function eventTimes(e: KubeObject, now: Date): { first: string; last: string } {
  const first = String(e.firstTimestamp ?? e.eventTime ?? '');
  const firstText = first ? since(first, now) : '<unknown>';
  const series = field(e, 'series');
  if (series.lastObservedTime) return { first: firstText, last: since(series.lastObservedTime, now) };
  const lastText = e.lastTimestamp ? since(e.lastTimestamp, now) : firstText;
  const times = Number(e.count ?? 1);
  return { first: firstText, last: times > 1 ? `${lastText} (x${times} over ${firstText})` : lastText };
}

/**
 * Printers of the core/v1 kinds, with kubectl's columns.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export const CORE_PRINTERS: Record<string, Printer> = {
  Service: {
    columns: [
      column('Type', 'type determines how the Service is exposed.'),
      column('Cluster-IP', 'clusterIP is the IP address of the service.'),
      column(
        'External-IP',
        'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic.',
      ),
      column('Port(s)', 'The list of ports that are exposed by this service.'),
      AGE,
      wide('Selector', 'Route service traffic to pods with label keys and values matching this selector.'),
    ],
    cells: (o, now) => {
      const spec = field(o, 'spec');
      return [
        String(spec.type ?? 'ClusterIP'),
        String(spec.clusterIP || '<none>'),
        externalIp(spec, field(o, 'status')),
        servicePorts(spec),
        age(o, now),
        formatLabels(spec.selector),
      ];
    },
  },
  Endpoints: {
    columns: [column('Endpoints', 'Endpoints of the service.'), AGE],
    cells: (o, now) => {
      const addresses = list(o as Json, 'subsets').flatMap((s) => {
        const ports = list(s, 'ports');
        return list(s, 'addresses').flatMap((a) =>
          ports.length === 0 ? [String(a.ip)] : ports.map((p) => `${a.ip}:${p.port}`),
        );
      });
      return [abbreviate(addresses), age(o, now)];
    },
  },
  Node: {
    columns: [
      column('Status', 'The status of the node'),
      column('Roles', 'The roles of the node'),
      AGE,
      column('Version', 'Kubelet Version reported by the node.'),
      wide('Internal-IP', 'List of addresses reachable to the node.'),
      wide('External-IP', 'List of addresses reachable to the node.'),
      wide('OS-Image', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).'),
      wide('Kernel-Version', 'Kernel Version reported by the node.'),
      wide('Container-Runtime', 'Container Runtime Version reported by the node.'),
    ],
    cells: (o, now) => {
      const info = field(field(o, 'status'), 'nodeInfo');
      const roles = Object.keys(o.metadata.labels ?? {})
        .filter((l) => l.startsWith('node-role.kubernetes.io/'))
        .map((l) => l.slice('node-role.kubernetes.io/'.length));
      return [
        nodeStatus(o),
        roles.sort().join(',') || '<none>',
        age(o, now),
        String(info.kubeletVersion ?? ''),
        nodeAddress(o, 'InternalIP'),
        nodeAddress(o, 'ExternalIP'),
        String(info.osImage ?? '<unknown>'),
        String(info.kernelVersion ?? '<unknown>'),
        String(info.containerRuntimeVersion ?? '<unknown>'),
      ];
    },
  },
  Namespace: {
    columns: [column('Status', 'The status of the namespace'), AGE],
    cells: (o, now) => [String(field(o, 'status').phase ?? 'Active'), age(o, now)],
  },
  ConfigMap: {
    columns: [column('Data', 'Number of data entries', int), AGE],
    cells: (o, now) => [Object.keys(field(o, 'data')).length + Object.keys(field(o, 'binaryData')).length, age(o, now)],
  },
  Secret: {
    columns: [column('Type', 'The type of the secret'), column('Data', 'The number of data entries', int), AGE],
    cells: (o, now) => [String(o.type ?? 'Opaque'), Object.keys(field(o, 'data')).length, age(o, now)],
  },
  ServiceAccount: {
    columns: [column('Secrets', 'Secrets is a list of the secrets in the same namespace.', int), AGE],
    cells: (o, now) => [list(o as Json, 'secrets').length, age(o, now)],
  },
  PersistentVolume: {
    columns: [
      column('Capacity', 'capacity is the description of the persistent volume.'),
      column('Access Modes', 'accessModes contains all ways the volume can be mounted.'),
      column(
        'Reclaim Policy',
        'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released.',
      ),
      column('Status', 'phase indicates if a volume is available, bound to a claim, or released by a claim.'),
      column(
        'Claim',
        'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim.',
      ),
      column('StorageClass', 'storageClassName is the name of StorageClass to which this persistent volume belongs.'),
      column('VolumeAttributesClass', 'Name of VolumeAttributesClass to which this persistent volume belongs.'),
      column('Reason', 'reason is a brief CamelCase string that describes any failure.'),
      AGE,
      wide('VolumeMode', 'volumeMode defines if a volume is intended to be used with a formatted filesystem.'),
    ],
    cells: (o, now) => {
      const spec = field(o, 'spec');
      const status = field(o, 'status');
      const claim = field(spec, 'claimRef');
      return [
        String(field(spec, 'capacity').storage ?? ''),
        accessModes(spec),
        String(spec.persistentVolumeReclaimPolicy ?? 'Retain'),
        String(status.phase ?? 'Pending'),
        claim.name ? `${claim.namespace}/${claim.name}` : '',
        String(spec.storageClassName ?? ''),
        String(spec.volumeAttributesClassName ?? '<unset>'),
        String(status.reason ?? ''),
        age(o, now),
        String(spec.volumeMode ?? 'Filesystem'),
      ];
    },
  },
  PersistentVolumeClaim: {
    columns: [
      column('Status', 'phase represents the current phase of PersistentVolumeClaim.'),
      column('Volume', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
      column('Capacity', 'capacity represents the actual resources of the underlying volume.'),
      column('Access Modes', 'accessModes contains the desired access modes the volume should have.'),
      column('StorageClass', 'storageClassName is the name of the StorageClass required by the claim.'),
      column(
        'VolumeAttributesClass',
        'volumeAttributesClassName may be used to set the VolumeAttributesClass used by this claim.',
      ),
      AGE,
      wide('VolumeMode', 'volumeMode defines what type of volume is required by the claim.'),
    ],
    cells: (o, now) => {
      const spec = field(o, 'spec');
      const status = field(o, 'status');
      const bound = status.phase === 'Bound';
      return [
        String(status.phase ?? 'Pending'),
        String(spec.volumeName ?? ''),
        bound ? String(field(status, 'capacity').storage ?? '') : '',
        bound ? accessModes(status) : '',
        String(spec.storageClassName ?? ''),
        String(spec.volumeAttributesClassName ?? '<unset>'),
        age(o, now),
        String(spec.volumeMode ?? 'Filesystem'),
      ];
    },
  },
  Event: {
    nameColumn: false,
    columns: [
      column('Last Seen', 'Time when last event occurred'),
      column('Type', 'Type of this event (Normal, Warning), new types could be added in the future.'),
      column(
        'Reason',
        'This should be a short, machine understandable string that gives the reason for this event being generated.',
      ),
      column('Object', 'The object that this event is about.'),
      wide('Subobject', 'The subobject that this event is about.'),
      wide('Source', 'The component reporting this event.'),
      column('Message', 'A human-readable description of the status of this operation.'),
      wide('First Seen', 'The time at which the event was first recorded.'),
      wide('Count', 'The number of times this event has occurred.', int),
      wide('Name', 'Name must be unique within a namespace.', { format: 'name' }),
    ],
    cells: (o, now) => {
      const involved = field(o, 'involvedObject');
      const source = field(o, 'source');
      const { first, last } = eventTimes(o, now);
      const sourceText = source.component
        ? `${source.component}${source.host ? `, ${source.host}` : ''}`
        : String(o.reportingComponent ?? '');
      return [
        last,
        String(o.type ?? ''),
        String(o.reason ?? ''),
        `${String(involved.kind ?? '').toLowerCase()}/${involved.name ?? ''}`,
        String(involved.fieldPath ?? ''),
        sourceText,
        String(o.message ?? '').trim(),
        first,
        Number(o.count ?? 1),
        o.metadata.name,
      ];
    },
  },
  ResourceQuota: {
    columns: [
      AGE,
      column('Request', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
      column(
        'Limit',
        'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.',
      ),
    ],
    cells: (o, now) => {
      const hard = field(field(o, 'spec'), 'hard');
      const used = field(field(o, 'status'), 'used');
      const entries = Object.keys(hard).sort();
      const show = (keys: string[]) => keys.map((k) => `${k}: ${used[k] ?? 0}/${hard[k]}`).join(', ');
      return [
        age(o, now),
        show(entries.filter((k) => !k.startsWith('limits.'))),
        show(entries.filter((k) => k.startsWith('limits.'))),
      ];
    },
  },
  LimitRange: {
    columns: [
      column(
        'Created At',
        'CreationTimestamp is a timestamp representing the server time when this object was created.',
        { type: 'date' },
      ),
    ],
    cells: (o) => [String(o.metadata.creationTimestamp ?? '')],
  },
};
