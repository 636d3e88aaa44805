import type { KubeObject } from '../../store/kubeObject.js';
import { AGE, abbreviate, column, field, formatSelector, type Json, list, type Printer, wide } from './columns.js';
import { since } from './humanDuration.js';

const age = (o: KubeObject, now: Date) => since(o.metadata.creationTimestamp, now);
const CREATED_AT = column(
  'Created At',
  'CreationTimestamp is a timestamp representing the server time when this object was created.',
  { type: 'date' },
);
const createdAt: Printer = { columns: [CREATED_AT], cells: (o) => [String(o.metadata.creationTimestamp ?? '')] };

function subjects(o: KubeObject, kind: string): string {
  const names = list(o as Json, 'subjects')
    .filter((s) => s.kind === kind)
    .map((s) => (kind === 'ServiceAccount' ? `${s.namespace ?? ''}/${s.name}` : String(s.name)));
  return names.join(', ');
}

const webhooks: Printer = {
  columns: [
    column('Webhooks', 'Webhooks is a list of webhooks and the affected resources and operations.', {
      type: 'integer',
    }),
    AGE,
  ],
  cells: (o: KubeObject, now: Date) => [((o as { webhooks?: unknown[] }).webhooks ?? []).length, age(o, now)],
};

const binding: Printer = {
  columns: [
    column('Role', 'RoleRef references the role this binding grants.'),
    AGE,
    wide('Users', 'Users in the binding'),
    wide('Groups', 'Groups in the binding'),
    wide('ServiceAccounts', 'ServiceAccounts in the binding'),
  ],
  cells: (o, now) => {
    const ref = field(o, 'roleRef');
    return [
      `${ref.kind}/${ref.name}`,
      age(o, now),
      subjects(o, 'User'),
      subjects(o, 'Group'),
      subjects(o, 'ServiceAccount'),
    ];
  },
};

function loadBalancer(o: KubeObject): string {
  const ingress = list(field(field(o, 'status'), 'loadBalancer'), 'ingress');
  return ingress.map((i) => String(i.ip ?? i.hostname)).join(',');
}

/**
 * Printers of the networking, storage, RBAC, discovery and other API groups, with kubectl's columns.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export const OTHER_PRINTERS: Record<string, Printer> = {
  Ingress: {
    columns: [
      column('Class', 'The name of the IngressClass resource.'),
      column('Hosts', 'Hosts that incoming requests are matched against before the ingress rule'),
      column('Address', 'Address is a list containing ingress points for the load-balancer'),
      column('Ports', 'Ports of TLS configurations that open'),
      AGE,
    ],
    cells: (o, now) => {
      const spec = field(o, 'spec');
      const hosts = list(spec, 'rules').map((r) => String(r.host ?? '*'));
      return [
        String(spec.ingressClassName ?? '<none>'),
        hosts.length > 0 ? abbreviate(hosts) : '*',
        loadBalancer(o),
        list(spec, 'tls').length > 0 ? '80, 443' : '80',
        age(o, now),
      ];
    },
  },
  IngressClass: {
    columns: [
      column('Controller', 'Controller that is responsible for handling this class'),
      column('Parameters', 'A reference to a resource with additional parameters'),
      AGE,
    ],
    cells: (o, now) => {
      const spec = field(o, 'spec');
      const p = field(spec, 'parameters');
      return [String(spec.controller ?? ''), p.name ? `${p.kind}/${p.name}` : '<none>', age(o, now)];
    },
  },
  NetworkPolicy: {
    columns: [column('Pod-Selector', 'Label selector of the pods this network policy applies to.'), AGE],
    cells: (o, now) => [formatSelector(field(o, 'spec').podSelector), age(o, now)],
  },
  StorageClass: {
    columns: [
      column('Provisioner', 'Indicates the type of the provisioner.'),
      column('ReclaimPolicy', 'Indicates the type of the reclaim policy.'),
      column(
        'VolumeBindingMode',
        'VolumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound',
      ),
      column('AllowVolumeExpansion', 'AllowVolumeExpansion shows whether the storage class allow volume expand', {
        type: 'boolean',
      }),
      AGE,
    ],
    cells: (o, now) => [
      String(o.provisioner ?? ''),
      String(o.reclaimPolicy ?? 'Delete'),
      String(o.volumeBindingMode ?? 'Immediate'),
      o.allowVolumeExpansion === true,
      age(o, now),
    ],
  },
  EndpointSlice: {
    columns: [
      column('AddressType', 'The IP protocol for this slice'),
      column('Ports', 'Enumerated ports on this slice'),
      column('Endpoints', 'Addresses of endpoints on this slice'),
      AGE,
    ],
    cells: (o, now) => {
      const ports = list(o as Json, 'ports').map((p) => String(p.port));
      const addresses = list(o as Json, 'endpoints').flatMap((e) => (e.addresses as string[] | undefined) ?? []);
      return [
        String(o.addressType ?? 'IPv4'),
        ports.length > 0 ? ports.join(',') : '<unset>',
        abbreviate(addresses),
        age(o, now),
      ];
    },
  },
  Role: createdAt,
  ClusterRole: createdAt,
  RoleBinding: binding,
  ClusterRoleBinding: binding,
  CustomResourceDefinition: createdAt,
  Lease: {
    columns: [column('Holder', 'HolderIdentity contains the identity of the holder of a current lease.'), AGE],
    cells: (o, now) => [String(field(o, 'spec').holderIdentity ?? ''), age(o, now)],
  },
  ValidatingWebhookConfiguration: webhooks,
  MutatingWebhookConfiguration: webhooks,
  PriorityClass: {
    columns: [
      column('Value', 'The value of this priority class.', { type: 'integer' }),
      column(
        'Global-Default',
        'globalDefault specifies whether this PriorityClass should be considered as the default priority.',
        { type: 'boolean' },
      ),
      AGE,
      column('PreemptionPolicy', 'PreemptionPolicy is the Policy for preempting pods with lower priority.'),
    ],
    cells: (o, now) => [
      Number(o.value ?? 0),
      o.globalDefault === true,
      age(o, now),
      String(o.preemptionPolicy ?? 'PreemptLowerPriority'),
    ],
  },
};
